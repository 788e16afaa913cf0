/**
 * What a failed write to the database means for the user. SQLite reports a full disk (or
 * `max_page_count` reached) as SQLITE_FULL; the file system as ENOSPC or EDQUOT.
 */
export type StoreFault = 'disk-full' | 'read-only' | 'busy' | 'broken' | 'other'

/** The import's pause reason when the disk is full. */
export const DISK_FULL_IMPORT = 'The disk is full — free space and press Resume'

/** A request that would add to a full disk. */
export const DISK_FULL_REQUEST = 'The disk is full — free space and try again'

/** A place's refresh error when its report could not be stored on a full disk. */
export const DISK_FULL_REFRESH = 'The disk is full — free space and refresh again'

/** The error's code: SQLite's extended code (`SQLITE_FULL`, …) or the system's (`ENOSPC`, …). */
export function errorCode(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' ? code : null
}

export function storeFault(error: unknown): StoreFault {
  const code = errorCode(error) ?? ''
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT') return 'disk-full'
  if (
    /^SQLITE_(READONLY|CANTOPEN|PERM|AUTH)/.test(code) ||
    ['EACCES', 'EPERM', 'EROFS', 'ENOTDIR', 'EEXIST', 'EISDIR'].includes(code)
  )
    return 'read-only'
  if (/^SQLITE_(BUSY|LOCKED)/.test(code)) return 'busy'
  if (/^SQLITE_(NOTADB|CORRUPT)/.test(code)) return 'broken'
  return 'other'
}

export const isDiskFull = (error: unknown): boolean => storeFault(error) === 'disk-full'
