import type { Db } from '../../platform/store/database'

/**
 * Phase 2's writes on a content (library_assets): its preview once made, or why it could not be
 * made. A failed preview leaves the thumbnail and the photo in the library untouched.
 */
export class AssetPreviews {
  private readonly madeStmt
  private readonly failedStmt

  constructor(db: Db) {
    this.madeStmt = db.prepare<[string, string]>(
      'UPDATE library_assets SET preview = ?, preview_error = NULL WHERE hash = ?'
    )
    this.failedStmt = db.prepare<[string, string]>(
      `UPDATE library_assets SET preview_error = ? WHERE hash = ? AND preview = ''`
    )
  }

  made(hash: string, preview: string): void {
    this.madeStmt.run(preview, hash)
  }

  failed(hash: string, reason: string): void {
    this.failedStmt.run(reason, hash)
  }
}
