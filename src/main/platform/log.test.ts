import { homedir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { memoryLogger, scrub } from './log'

describe('log', () => {
  it('keeps the home folder and secrets out of log lines', () => {
    const log = memoryLogger()
    log.info(`opened ${join(homedir(), 'Pictures', 'a.jpg')}`, {
      file: join(homedir(), 'x'),
      token: 'abc123',
      nested: { authorization: 'Bearer z' }
    })
    const line = log.lines[0]!
    expect(line).toContain('~')
    expect(line).not.toContain(homedir() + '/')
    expect(line).not.toContain('abc123')
    expect(line).not.toContain('Bearer z')
  })

  it('scrubs errors to their stack text', () => {
    expect(typeof scrub(new Error('boom'))).toBe('string')
  })
})
