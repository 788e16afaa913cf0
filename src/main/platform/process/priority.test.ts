import { spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { lowerAutogroup } from './priority'

describe('lowerAutogroup', () => {
  it('leaves alone a child that shares our scheduling group (as utilityProcess children do)', async (ctx) => {
    if (!existsSync('/proc/self/autogroup')) {
      const why = 'this kernel has no scheduling autogroups (/proc/self/autogroup)'
      console.warn(`skipped "leaves alone a child that shares our scheduling group": ${why}`)
      ctx.skip(why)
    }
    const ours = readFileSync('/proc/self/autogroup', 'utf8')
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 5000)'], {
      stdio: 'ignore'
    })
    await new Promise((resolve) => child.once('spawn', resolve))
    try {
      expect(lowerAutogroup(child.pid!)).toBe(false)
      expect(readFileSync('/proc/self/autogroup', 'utf8')).toBe(ours)
    } finally {
      child.kill()
    }
  })
})
