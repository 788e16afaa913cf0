import { spawn } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { ImportProgress } from '@shared/contract'
import { useTempDir } from '../support/temp-dir'
import { useTestCores } from '../support/test-core'
import { writeJpeg } from '../support/test-images'

const tempDir = useTempDir()
const core = useTestCores()
const killed: Array<() => void> = []
afterEach(() => killed.splice(0).forEach((kill) => kill()))

const photosIn = (dbFile: string): number => {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true })
  try {
    return db.prepare('SELECT count(*) FROM library_photos').pluck().get() as number
  } finally {
    db.close()
  }
}

describe('kill -9 of the process running the core, mid-import', () => {
  it('loses nothing and duplicates nothing when the app starts again', async () => {
    const dir = tempDir()
    const folder = join(dir, 'photos')
    mkdirSync(folder)
    const files = 30
    for (let i = 0; i < files; i++)
      await writeJpeg(join(folder, `h-${String(i).padStart(3, '0')}.jpg`), { seed: i })

    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'test/support/core-process.ts', dir, folder],
      { cwd: resolve(__dirname, '../..'), stdio: ['ignore', 'ignore', 'pipe'] }
    )
    killed.push(() => child.kill('SIGKILL'))
    let stderr = ''
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()))
    const dbFile = join(dir, 'user', 'skyfolio.db')
    // Killed once some photos are in, with the rest still queued or being read.
    await vi.waitFor(
      () => {
        expect(child.exitCode, stderr).toBeNull()
        expect(photosIn(dbFile)).toBeGreaterThan(2)
      },
      {
        timeout: 120_000,
        interval: 50
      }
    )
    child.kill('SIGKILL')
    await new Promise((done) => child.once('exit', done))
    expect(photosIn(dbFile)).toBeLessThan(files)

    // The app starts again on the same folder and finishes the batch by itself.
    const again = core(dir)
    await vi.waitFor(
      async () => {
        const p = (await again.router.dispatch('library:progress', {})) as {
          ok: boolean
          value?: ImportProgress
        }
        expect(p.ok && p.value?.state).toBe('idle')
        expect(photosIn(dbFile)).toBe(files)
      },
      { timeout: 150_000, interval: 250 }
    )
    const db = new Database(dbFile, { readonly: true })
    expect(db.prepare('SELECT count(DISTINCT path) FROM library_photos').pluck().get()).toBe(files)
    expect(
      db.prepare("SELECT count(*) FROM library_jobs WHERE state != 'done'").pluck().get()
    ).toBe(0)
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    db.close()
  }, 300_000)
})
