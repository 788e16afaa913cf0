import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { sourceWorkerEntry } from '../../../../test/support/source-workers'

const root = resolve(__dirname, '../../../..')

// A parent that starts the echo worker, sends it one large request and dies (SIGKILL) as soon
// as the request is written: the worker is still decoding it, so its reply goes to a channel
// whose other end is gone.
const parentScript = `
const { fork } = require('node:child_process')
const child = fork(process.argv[1], [], {
  execArgv: ['--import', 'tsx'],
  serialization: 'advanced',
  stdio: ['ignore', 'inherit', 'inherit', 'ipc']
})
child.on('message', (m) => {
  if (m.type !== 'ready') return
  process.stdout.write(String(child.pid) + '\\n')
  const value = Array.from({ length: 200000 }, (_, i) => ({ i, s: 'item ' + i }))
  child.send({ type: 'echo', seq: 1, value }, () => process.kill(process.pid, 'SIGKILL'))
})
`

/** Whether a pid is a process that is still running (a zombie has exited). */
function running(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    return !/^\d+ \(.*\) [ZX]/.test(stat)
  } catch {
    return false
  }
}

describe('a worker whose parent died', () => {
  it('exits at once and quietly, without an EPIPE stack trace', async () => {
    const parent = spawn(process.execPath, ['-e', parentScript, sourceWorkerEntry('echo-worker')], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let stdout = ''
    let stderr = ''
    parent.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    parent.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    // Both pipes close only when every process holding them is gone: the parent and the worker.
    await Promise.all([
      new Promise((r) => parent.stdout.once('close', r)),
      new Promise((r) => parent.stderr.once('close', r))
    ])
    const workerPid = Number(stdout.trim())
    expect(workerPid).toBeGreaterThan(0)
    // Its pipes close as it exits; the exit itself may take a moment longer on a busy machine.
    await vi.waitFor(() => expect(running(workerPid)).toBe(false), { timeout: 15_000 })
    expect(stderr).not.toMatch(/EPIPE|ERR_IPC|Error:|\n\s+at /)
  })
})
