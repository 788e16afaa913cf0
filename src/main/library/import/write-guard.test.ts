import { describe, expect, it } from 'vitest'
import { memoryLogger } from '../../platform/log'
import { DISK_FULL_IMPORT } from '../../platform/store/store-faults'
import { WriteGuard } from './write-guard'

const diskFull = (): never => {
  throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' })
}

describe('WriteGuard', () => {
  it('pauses on a full disk and writes what it held, in order, on Resume', () => {
    const faults: string[] = []
    const guard = new WriteGuard(memoryLogger(), (reason) => faults.push(reason))
    const written: string[] = []
    let full = true
    const write = (name: string) => () => (full ? diskFull() : written.push(name))

    expect(guard.ensure('first', write('first'))).toBe(false)
    expect(guard.ensure('second', write('second'))).toBe(false)
    expect(guard.run('optional', write('optional'))).toBe(false)
    expect(faults).toEqual([DISK_FULL_IMPORT]) // told once, not at every failed write
    expect(guard.reason).toBe(DISK_FULL_IMPORT)
    expect(guard.retry()).toBe(false) // still full: still paused, nothing lost
    expect(guard.holding).toBe(true)

    full = false
    expect(guard.retry()).toBe(true)
    expect(written).toEqual(['first', 'second'])
    expect(guard.reason).toBeNull()
    expect(guard.holding).toBe(false)
  })

  it('lets a waiting walk go on Resume, or when it is cancelled', async () => {
    const guard = new WriteGuard(memoryLogger(), () => undefined)
    guard.run('a write', diskFull)
    const cancel = new AbortController()
    const cancelled = guard.cleared(cancel.signal)
    cancel.abort()
    await cancelled
    const resumed = guard.cleared(new AbortController().signal)
    expect(guard.retry()).toBe(true)
    await resumed
  })
})
