import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
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
})
