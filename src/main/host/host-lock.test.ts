import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useTempDir } from '../../../test/support/temp-dir'
import { HOST_LOCK_FILE, HostLockError, acquireHostLock, processAlive } from './host-lock'

const tempDir = useTempDir()

/** The id of a process that has run and exited: certainly not alive now. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], {
    encoding: 'utf8'
  })
  const pid = Number(child.stdout.trim())
  expect(processAlive(pid)).toBe(false)
  return pid
}

describe('one host per user-data folder', () => {
  it('refuses a second host while the first one lives, naming it', () => {
    const dir = join(tempDir(), 'user data')
    const first = acquireHostLock(dir)
    expect(JSON.parse(readFileSync(join(dir, HOST_LOCK_FILE), 'utf8'))).toMatchObject({
      pid: process.pid
    })
    // Another process (a different pid) on the same folder, while ours is alive.
    const second = (): unknown => acquireHostLock(dir, process.pid + 1)
    expect(second).toThrow(HostLockError)
    expect(second).toThrow(`Another Skyfolio host (process ${process.pid}) is already using`)
    first.release()
    expect(existsSync(join(dir, HOST_LOCK_FILE))).toBe(false)
    acquireHostLock(dir, process.pid + 1).release()
  })

  it('takes over a lock whose process is gone (kill -9, a crash)', () => {
    const dir = tempDir()
    writeFileSync(join(dir, HOST_LOCK_FILE), JSON.stringify({ pid: deadPid() }))
    const lock = acquireHostLock(dir)
    expect(JSON.parse(readFileSync(join(dir, HOST_LOCK_FILE), 'utf8')).pid).toBe(process.pid)
    lock.release()
  })

  it('takes over an unreadable lock, and one left by an earlier run with our own pid', () => {
    const dir = tempDir()
    writeFileSync(join(dir, HOST_LOCK_FILE), 'half-writ')
    acquireHostLock(dir).release()
    writeFileSync(join(dir, HOST_LOCK_FILE), JSON.stringify({ pid: process.pid }))
    acquireHostLock(dir).release()
    expect(readdirSync(dir)).toEqual([])
  })

  it('never removes a lock that another host holds now', () => {
    const dir = tempDir()
    const lock = acquireHostLock(dir, 4242, () => true)
    writeFileSync(join(dir, HOST_LOCK_FILE), JSON.stringify({ pid: 4343 }))
    lock.release()
    expect(JSON.parse(readFileSync(join(dir, HOST_LOCK_FILE), 'utf8')).pid).toBe(4343)
  })
})
