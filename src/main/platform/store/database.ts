import { copyFileSync, existsSync, mkdirSync } from 'node:fs'
import { basename, dirname } from 'node:path'
import Database from 'better-sqlite3'
import type { Migration } from './migration'

export type Db = Database.Database

export class StoreOpenError extends Error {
  constructor(
    message: string,
    readonly file: string,
    readonly backup: string | null
  ) {
    super(message)
    this.name = 'StoreOpenError'
  }
}

export interface OpenOptions {
  migrations: readonly Migration[]
  /** Used to name backup copies; injected so tests are deterministic. */
  now?: () => Date
}

function backupCopy(file: string, reason: string, now: Date): string | null {
  if (!existsSync(file)) return null
  const stamp = now.toISOString().replace(/[:.]/g, '-')
  const target = `${file}.${reason}-${stamp}.bak`
  copyFileSync(file, target)
  for (const side of ['-wal', '-shm']) {
    if (existsSync(file + side)) copyFileSync(file + side, target + side)
  }
  return target
}

function applyPragmas(db: Db): void {
  db.pragma('journal_mode = WAL')
  // NORMAL is durable across app crashes in WAL mode; only a power loss may drop the last commits.
  db.pragma('synchronous = NORMAL')
  db.pragma('foreign_keys = ON')
  db.pragma('busy_timeout = 5000')
}

/** Runs every migration newer than the file's user_version, each in its own transaction. */
export function migrate(db: Db, migrations: readonly Migration[]): number {
  const current = db.pragma('user_version', { simple: true }) as number
  const latest = migrations.reduce((max, m) => Math.max(max, m.version), 0)
  if (current > latest) {
    throw Object.assign(
      new Error(`schema version ${current} is newer than this app knows (${latest})`),
      {
        kind: 'newer'
      }
    )
  }
  for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
    if (m.version <= current) continue
    db.transaction(() => {
      m.up(db)
      db.pragma(`user_version = ${m.version}`)
    })()
  }
  return latest
}

/**
 * Opens (or creates) the app's database. A corrupt file or one written by a newer version is
 * never wiped: a backup copy is made and a StoreOpenError names both files.
 */
export function openDatabase(file: string, options: OpenOptions): Db {
  mkdirSync(dirname(file), { recursive: true })
  const now = options.now ?? (() => new Date())
  let db: Db | null = null
  try {
    db = new Database(file)
    applyPragmas(db)
    const check = db.pragma('quick_check', { simple: true })
    if (check !== 'ok') throw new Error(`integrity check failed: ${String(check)}`)
    migrate(db, options.migrations)
    return db
  } catch (error) {
    db?.close()
    const newer = (error as { kind?: string }).kind === 'newer'
    const backup = backupCopy(file, newer ? 'newer' : 'corrupt', now())
    const why = newer
      ? `it was written by a newer version of Skyfolio (${(error as Error).message})`
      : `it could not be read (${(error as Error).message})`
    const kept = backup ? ` A copy was saved as ${basename(backup)}.` : ''
    throw new StoreOpenError(
      `Skyfolio cannot open its database ${file}: ${why}. The file was left untouched.${kept}`,
      file,
      backup
    )
  }
}
