import { spawnSync } from 'node:child_process'
import { chmodSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it, type TestContext } from 'vitest'
import { useTempDir } from '../../../../test/support/temp-dir'
import { StoreOpenError, openDatabase } from './database'
import type { Migration } from './migration'

const tempDir = useTempDir()

const notes: Migration[] = [
  {
    version: 1,
    name: 'notes',
    up: (db) => db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL) STRICT')
  },
  {
    version: 2,
    name: 'tags',
    up: (db) =>
      db.exec(
        'CREATE TABLE tags (note INTEGER NOT NULL REFERENCES notes(id), tag TEXT NOT NULL) STRICT'
      )
  }
]

describe('openDatabase', () => {
  it('creates the file with WAL, foreign keys, busy timeout and every migration applied', () => {
    const file = join(tempDir(), 'nested', 'app.db')
    const db = openDatabase(file, { migrations: notes })
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(db.pragma('synchronous', { simple: true })).toBe(1) // NORMAL
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000)
    expect(db.pragma('user_version', { simple: true })).toBe(2)
    expect(() => db.prepare('INSERT INTO tags (note, tag) VALUES (42, ?)').run('x')).toThrow(
      /FOREIGN KEY/
    )
    db.close()
  })

  it('keeps data across reopen and runs only the new migrations', () => {
    const file = join(tempDir(), 'app.db')
    const first = openDatabase(file, { migrations: notes.slice(0, 1) })
    first.prepare('INSERT INTO notes (body) VALUES (?)').run('kept')
    first.close()
    const second = openDatabase(file, { migrations: notes })
    expect(second.prepare('SELECT body FROM notes').pluck().all()).toEqual(['kept'])
    expect(second.pragma('user_version', { simple: true })).toBe(2)
    second.close()
  })

  it('runs a step added later below the highest applied one (each domain owns a range)', () => {
    const file = join(tempDir(), 'app.db')
    const later: Migration = {
      version: 40,
      name: 'other domain',
      up: (db) => db.exec('CREATE TABLE other (x INTEGER) STRICT')
    }
    openDatabase(file, { migrations: [notes[0]!, later] }).close()
    // A newer build adds step 2 to the lower range: it must still run on this file.
    const db = openDatabase(file, { migrations: [...notes, later] })
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'tags'").pluck().get()).toBe(
      1
    )
    expect(db.pragma('user_version', { simple: true })).toBe(40)
    db.close()
    // And an older build that lacks step 2 refuses the file as newer instead of guessing.
    expect(() => openDatabase(file, { migrations: [notes[0]!, later] })).toThrow(StoreOpenError)
  })

  it('treats a file from before steps were recorded as having every step up to its version', () => {
    const file = join(tempDir(), 'app.db')
    const raw = new Database(file)
    raw.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL) STRICT')
    raw.pragma('user_version = 1')
    raw.close()
    const db = openDatabase(file, { migrations: notes })
    expect(
      db.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all()
    ).toEqual([1, 2])
    db.close()
  })

  it('rolls a failed migration back whole and keeps the previous version', () => {
    const file = join(tempDir(), 'app.db')
    openDatabase(file, { migrations: notes.slice(0, 1) }).close()
    const broken: Migration = {
      version: 2,
      name: 'half-done',
      up(db) {
        db.exec('CREATE TABLE half (x INTEGER) STRICT')
        db.exec('INSERT INTO missing_table VALUES (1)')
      }
    }
    expect(() => openDatabase(file, { migrations: [notes[0]!, broken] })).toThrow(StoreOpenError)
    const raw = new Database(file, { readonly: true })
    expect(raw.pragma('user_version', { simple: true })).toBe(1)
    expect(
      raw.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'half'").pluck().get()
    ).toBe(0)
    raw.close()
  })

  it('refuses a corrupt file with a clear error, a backup copy and the file untouched', () => {
    const dir = tempDir()
    const file = join(dir, 'skyfolio.db')
    const garbage = Buffer.from('this is not a database, it is a shopping list\n'.repeat(200))
    writeFileSync(file, garbage)
    let error: unknown
    try {
      openDatabase(file, { migrations: notes, now: () => new Date('2026-01-02T03:04:05Z') })
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(StoreOpenError)
    const failure = error as StoreOpenError
    expect(failure.message).toContain(file)
    expect(failure.message).toMatch(/could not be read/)
    expect(failure.backup).not.toBeNull()
    expect(existsSync(failure.backup!)).toBe(true)
    expect(readdirSync(dir).filter((f) => f.includes('corrupt'))).toHaveLength(1)
    expect(Buffer.compare(readFileSync(file), garbage)).toBe(0)
  })

  it('refuses a file from a newer schema version and keeps a backup', () => {
    const file = join(tempDir(), 'skyfolio.db')
    const db = openDatabase(file, { migrations: notes })
    db.pragma('user_version = 99')
    db.close()
    let error: StoreOpenError | undefined
    try {
      openDatabase(file, { migrations: notes })
    } catch (e) {
      error = e as StoreOpenError
    }
    expect(error?.message).toMatch(/newer version of Skyfolio/)
    expect(existsSync(error!.backup!)).toBe(true)
    const raw = new Database(file, { readonly: true })
    expect(raw.pragma('user_version', { simple: true })).toBe(99)
    raw.close()
  })

  it('refuses a newer file before changing anything: same bytes, same journal mode', () => {
    const dir = tempDir()
    const file = join(dir, 'skyfolio.db')
    const raw = new Database(file) // a rollback-journal file, as an older SQLite leaves it
    raw.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL) STRICT')
    raw.pragma('user_version = 99')
    raw.close()
    const before = readFileSync(file)
    expect(() => openDatabase(file, { migrations: notes })).toThrow(/newer version of Skyfolio/)
    expect(Buffer.compare(readFileSync(file), before)).toBe(0)
    expect(existsSync(`${file}-wal`)).toBe(false)
    const after = new Database(file, { readonly: true })
    expect(after.pragma('journal_mode', { simple: true })).toBe('delete')
    after.close()
  })

  it('leaves a newer file that crashed with its WAL as it was (no checkpoint into it)', () => {
    const file = join(tempDir(), 'skyfolio.db')
    // A newer Skyfolio that stopped without closing: its last writes are only in the WAL.
    const crash = `
      const db = new (require('better-sqlite3'))(process.argv[1])
      db.pragma('journal_mode = WAL')
      db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL) STRICT')
      db.pragma('user_version = 99')
      process.exit(0)`
    const run = spawnSync(process.execPath, ['-e', crash, file], {
      cwd: resolve(__dirname, '../../../..'),
      encoding: 'utf8'
    })
    expect(run.stderr).toBe('')
    expect(existsSync(`${file}-wal`)).toBe(true)
    const before = readFileSync(file)
    expect(() => openDatabase(file, { migrations: notes })).toThrow(/newer version of Skyfolio/)
    expect(Buffer.compare(readFileSync(file), before)).toBe(0)
  })

  it('copies a broken file once, however often Skyfolio is started on it', () => {
    const dir = tempDir()
    const file = join(dir, 'skyfolio.db')
    writeFileSync(file, Buffer.from('not a database at all\n'.repeat(300)))
    const errors: StoreOpenError[] = []
    for (const at of ['2026-01-02T03:04:05Z', '2026-01-03T03:04:05Z', '2026-01-04T03:04:05Z']) {
      try {
        openDatabase(file, { migrations: notes, now: () => new Date(at) })
      } catch (e) {
        errors.push(e as StoreOpenError)
      }
    }
    expect(errors).toHaveLength(3)
    expect(readdirSync(dir).filter((f) => f.endsWith('.bak'))).toHaveLength(1)
    expect(new Set(errors.map((e) => e.backup)).size).toBe(1)
    expect(errors[2]!.message).toMatch(/could not be read/)
    // A changed file is a different file: it gets its own copy.
    writeFileSync(file, Buffer.from('still not a database\n'.repeat(300)))
    expect(() => openDatabase(file, { migrations: notes })).toThrow(StoreOpenError)
    expect(readdirSync(dir).filter((f) => f.endsWith('.bak'))).toHaveLength(2)
  })

  it('names the folder it cannot create, even for root (a file stands in the way)', () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'Skyfolio'), 'a file where the folder should be')
    const file = join(dir, 'Skyfolio', 'data', 'skyfolio.db')
    let error: unknown
    try {
      openDatabase(file, { migrations: notes })
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(StoreOpenError)
    expect((error as StoreOpenError).message).toContain(file)
    expect((error as StoreOpenError).message).toMatch(/is a file, not a folder/)
    expect((error as StoreOpenError).backup).toBeNull()
  })

  describe('without permission to write (run as an unprivileged user when root)', () => {
    it('names a read-only file as the cause, copies nothing and changes nothing', (ctx) => {
      const dir = sharedDir()
      const file = join(dir, 'skyfolio.db')
      openDatabase(file, { migrations: notes.slice(0, 1) }).close()
      chmodSync(file, 0o444)
      const before = readFileSync(file)
      const result = openAsUnprivileged(ctx, file)
      expect(result.ok).toBe(false)
      expect(result.message).toContain(file)
      expect(result.message).toMatch(/the file is read-only/)
      expect(result.backup).toBeNull()
      expect(readdirSync(dir).filter((f) => f.endsWith('.bak'))).toHaveLength(0)
      expect(Buffer.compare(readFileSync(file), before)).toBe(0)
    })

    it('names a read-only folder, for a new file and for an existing one', (ctx) => {
      const dir = sharedDir()
      const existing = join(dir, 'skyfolio.db')
      openDatabase(existing, { migrations: notes }).close()
      chmodSync(existing, 0o666)
      chmodSync(dir, 0o555)
      for (const file of [join(dir, 'new.db'), existing]) {
        const result = openAsUnprivileged(ctx, file)
        expect(result.ok).toBe(false)
        expect(result.message).toContain(file)
        expect(result.message).toMatch(/the folder .* is read-only/)
      }
    })

    it('reports a broken file in a read-only folder as broken, not as a failed copy', (ctx) => {
      const dir = sharedDir()
      const file = join(dir, 'skyfolio.db')
      writeFileSync(file, Buffer.from('not a database at all\n'.repeat(300)))
      chmodSync(dir, 0o555)
      const result = openAsUnprivileged(ctx, file)
      expect(result.ok).toBe(false)
      expect(result.name).toBe('StoreOpenError')
      expect(result.message).toContain(file)
      expect(result.message).toMatch(/could not be read/)
      expect(result.message).toMatch(/No copy could be saved beside it \(EACCES\)/)
    })
  })
})

const UNPRIVILEGED = 65534 // nobody

/** A temp folder another user may enter (mkdtemp makes it 0700). */
function sharedDir(): string {
  const dir = tempDir()
  chmodSync(dir, 0o777)
  return dir
}

/**
 * Opens `file` in a child process. Root may write anything, so as root the child runs as
 * `nobody`, for whom file modes apply as they do for any user.
 */
function openAsUnprivileged(
  ctx: TestContext,
  file: string
): { ok: boolean; name?: string; message?: string; backup?: string | null } {
  const database = resolve(__dirname, 'database.ts')
  const script = `
    const { openDatabase } = require(${JSON.stringify(database)})
    const migrations = [{ version: 1, name: 'notes', up: (db) => db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY) STRICT') }]
    try {
      openDatabase(process.argv[1], { migrations }).close()
      console.log(JSON.stringify({ ok: true }))
    } catch (e) {
      console.log(JSON.stringify({ ok: false, name: e.name, message: e.message, backup: e.backup ?? null }))
    }`
  const asRoot = process.getuid?.() === 0
  const run = spawnSync(process.execPath, ['--import', 'tsx', '-e', script, file], {
    cwd: resolve(__dirname, '../../../..'),
    encoding: 'utf8',
    ...(asRoot ? { uid: UNPRIVILEGED, gid: UNPRIVILEGED } : {})
  })
  if (run.error || run.status !== 0) {
    const why = `could not run the check as an unprivileged user (${run.error?.message ?? run.stderr})`
    console.warn(`skipped: ${why}`)
    ctx.skip(why)
  }
  return JSON.parse(run.stdout.trim().split('\n').pop()!) as ReturnType<typeof openAsUnprivileged>
}
