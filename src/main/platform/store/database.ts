import { accessSync, constants, existsSync, mkdirSync, statSync } from 'node:fs'
import { basename, dirname } from 'node:path'
import Database from 'better-sqlite3'
import type { Migration } from './migration'
import { keepBackup, type BackupResult } from './store-backup'
import { errorCode, storeFault } from './store-faults'

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

class NewerSchemaError extends Error {
  constructor(current: number, latest: number) {
    super(`schema version ${current} is newer than this app knows (${latest})`)
  }
}

const latestVersion = (migrations: readonly Migration[]): number =>
  migrations.reduce((max, m) => Math.max(max, m.version), 0)

/** The versions this file has applied; null for a file from before they were recorded. */
function appliedVersions(db: Db): Set<number> | null {
  const table = db
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'")
    .get()
  if (!table) return null
  const rows = db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]
  return new Set(rows.map((r) => r.version))
}

/** Refuses a file written by a newer Skyfolio; reads only, changes nothing. */
function checkVersion(db: Db, migrations: readonly Migration[]): void {
  const current = db.pragma('user_version', { simple: true }) as number
  const latest = latestVersion(migrations)
  if (current > latest) throw new NewerSchemaError(current, latest)
  // A step this build does not know, even below its latest number, came from a newer build.
  const known = new Set(migrations.map((m) => m.version))
  const unknown = [...(appliedVersions(db) ?? [])].filter((v) => !known.has(v))
  if (unknown.length) throw new NewerSchemaError(Math.max(...unknown), latest)
}

function quickCheck(db: Db): void {
  const check = db.pragma('quick_check', { simple: true })
  if (check !== 'ok') throw new Error(`integrity check failed: ${String(check)}`)
}

/**
 * Checks an existing file on a read-only connection, so a file that is refused stays byte for
 * byte as it was (closing a writer would checkpoint a WAL left by a crash into it). False when
 * only a writer can look: a crash left a journal that must be rolled back first.
 */
function inspectReadOnly(file: string, migrations: readonly Migration[]): boolean {
  const db = new Database(file, { readonly: true, fileMustExist: true })
  try {
    checkVersion(db, migrations)
    quickCheck(db)
    return true
  } catch (error) {
    if (/^SQLITE_READONLY_(ROLLBACK|RECOVERY)/.test(errorCode(error) ?? '')) return false
    throw error
  } finally {
    db.close()
  }
}

function applyPragmas(db: Db): void {
  db.pragma('journal_mode = WAL')
  // NORMAL is durable across app crashes in WAL mode; only a power loss may drop the last commits.
  db.pragma('synchronous = NORMAL')
  db.pragma('foreign_keys = ON')
  db.pragma('busy_timeout = 5000')
}

/**
 * Runs every migration the file has not applied, in version order, each in its own transaction.
 * Applied steps are recorded by version, not as one high-water mark: each domain owns a range
 * of numbers, so a step added later to a lower range (library 23 after photo weather 40) still
 * runs on a file that already has the higher one. user_version stays the highest applied.
 */
export function migrate(db: Db, migrations: readonly Migration[]): number {
  checkVersion(db, migrations)
  let applied = appliedVersions(db)
  if (!applied) {
    // A file from before steps were recorded applied every step up to its user_version.
    const current = db.pragma('user_version', { simple: true }) as number
    db.transaction(() => {
      db.exec(`CREATE TABLE schema_migrations (
        version INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        applied_at INTEGER NOT NULL
      ) STRICT`)
      const record = db.prepare('INSERT INTO schema_migrations VALUES (?, ?, 0)')
      for (const m of migrations) if (m.version <= current) record.run(m.version, m.name)
    })()
    applied = appliedVersions(db) ?? new Set()
  }
  const record = db.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)')
  for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
    if (applied.has(m.version)) continue
    db.transaction(() => {
      m.up(db)
      record.run(m.version, m.name, Date.now())
      const current = db.pragma('user_version', { simple: true }) as number
      if (m.version > current) db.pragma(`user_version = ${m.version}`)
    })()
  }
  return latestVersion(migrations)
}

const allowed = (path: string, mode: number): boolean => {
  try {
    accessSync(path, mode)
    return true
  } catch {
    return false
  }
}

/** The nearest existing path at or above `path`. */
function nearestExisting(path: string): string {
  let p = path
  while (!existsSync(p) && dirname(p) !== p) p = dirname(p)
  return p
}

/** Why the file or its folder may not be written, in words that name what to fix. */
function accessCause(file: string, error: unknown): string {
  const code = errorCode(error) ?? 'unknown'
  const generic = `Skyfolio may not write to it (${code}: ${(error as Error).message})`
  try {
    const blocker = nearestExisting(dirname(file))
    if (!statSync(blocker).isDirectory())
      return `its folder cannot be created, because ${blocker} is a file, not a folder (${code})`
    if (existsSync(file) && !allowed(file, constants.R_OK))
      return `Skyfolio may not read the file (${code})`
    if (existsSync(file) && !allowed(file, constants.W_OK))
      return `the file is read-only, so Skyfolio cannot save anything in it (${code})`
    if (!allowed(blocker, constants.W_OK))
      return `the folder ${blocker} is read-only, so Skyfolio cannot write there (${code})`
    return generic
  } catch {
    // Looking closer failed too; the first error is still the one to show.
    return generic
  }
}

function describe(file: string, error: unknown): { cause: string; backup: string | null } {
  if (error instanceof NewerSchemaError)
    return {
      cause: `it was written by a newer version of Skyfolio (${error.message})`,
      backup: 'newer'
    }
  const message = error instanceof Error ? error.message : String(error)
  switch (storeFault(error)) {
    case 'read-only':
      return { cause: accessCause(file, error), backup: null }
    case 'disk-full':
      return { cause: 'the disk is full — free space and start Skyfolio again', backup: null }
    case 'busy':
      return { cause: `another program is using it (${message})`, backup: null }
    default:
      return { cause: `it could not be read (${message})`, backup: 'corrupt' }
  }
}

function backupNote(result: BackupResult | null): string {
  if (!result) return ''
  if (result.kept === 'none')
    return result.error ? ` No copy could be saved beside it (${result.error}).` : ''
  const name = basename(result.path)
  return result.kept === 'new' ? ` A copy was saved as ${name}.` : ` A copy is kept as ${name}.`
}

/**
 * Opens (or creates) the app's database. Nothing is changed until the file is known to be
 * ours and sound: a file from a newer version or a damaged one is refused as it is, with a
 * copy saved once beside it; a file or folder Skyfolio may not write is named with the cause.
 */
export function openDatabase(file: string, options: OpenOptions): Db {
  const now = options.now ?? (() => new Date())
  let db: Db | null = null
  let changed = false
  try {
    mkdirSync(dirname(file), { recursive: true })
    const inspected = existsSync(file) && inspectReadOnly(file, options.migrations)
    db = new Database(file)
    if (!inspected) {
      checkVersion(db, options.migrations)
      quickCheck(db)
    }
    // SQLite quietly opens a file it may not write read-only, and the first save would fail:
    // ask the system now (it knows the user, the modes and read-only mounts).
    accessSync(dirname(file), constants.W_OK)
    accessSync(file, constants.W_OK)
    changed = true
    applyPragmas(db)
    migrate(db, options.migrations)
    return db
  } catch (error) {
    db?.close()
    const { cause, backup } = describe(file, error)
    const kept = backup ? keepBackup(file, backup, now()) : null
    const left = !existsSync(file)
      ? ''
      : changed
        ? ' Its data was left as it was.'
        : ' The file was left untouched.'
    throw new StoreOpenError(
      `Skyfolio cannot open its database ${file}: ${cause}.${left}${backupNote(kept)}`,
      file,
      kept && kept.kept !== 'none' ? kept.path : null
    )
  }
}
