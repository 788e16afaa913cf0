import { existsSync, readFileSync } from 'node:fs'
import { getPriority } from 'node:os'
import { describe, expect, it } from 'vitest'
import { echoReplySchema, type EchoReply } from '@shared/worker/echo-protocol'
import { sourceLauncher, sourceWorkerEntry } from '../../../../test/support/source-workers'
import type { WorkerEvent, WorkerHandle } from './launcher'
import { NodeLauncher } from './node-launcher'

/** Starts the echo worker and collects what the parent hears. */
function startEcho(launcher = sourceLauncher(), entry = sourceWorkerEntry('echo-worker')) {
  const events: WorkerEvent[] = []
  const waiters: Array<() => void> = []
  const handle: WorkerHandle = launcher.launch(entry, { name: 'echo', lowPriority: true }, (e) => {
    events.push(e)
    for (const w of waiters.splice(0)) w()
  })
  const next = (pred: (e: WorkerEvent) => boolean): Promise<WorkerEvent> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`timed out; heard ${JSON.stringify(events)}`)),
        15_000
      )
      const check = (): void => {
        const found = events.find(pred)
        if (found) {
          clearTimeout(timer)
          resolve(found)
        } else waiters.push(check)
      }
      check()
    })
  const reply = async (pred: (r: EchoReply) => boolean): Promise<EchoReply> => {
    const e = await next((e) => e.type === 'message' && pred(echoReplySchema.parse(e.data)))
    return echoReplySchema.parse((e as { data: unknown }).data)
  }
  return { handle, events, next, reply }
}

describe('node launcher with the echo worker', () => {
  it('round-trips structured messages over the node-ipc link', async () => {
    const w = startEcho()
    await expect(w.reply((r) => r.type === 'ready')).resolves.toEqual({
      type: 'ready',
      transport: 'node-ipc'
    })
    const spawned = await w.next((e) => e.type === 'spawned')
    expect(spawned).toMatchObject({ pid: expect.any(Number) })
    const value = { n: 1, bytes: new Uint8Array([1, 2, 3]), when: new Date(0), nested: [null, 'x'] }
    expect(w.handle.post({ type: 'echo', seq: 7, value })).toBe(true)
    await expect(w.reply((r) => r.type === 'echo' && r.seq === 7)).resolves.toEqual({
      type: 'echo',
      seq: 7,
      value
    })
    w.handle.kill()
    await w.next((e) => e.type === 'crashed')
  })

  it('reports a clean exit as exited, once', async () => {
    const w = startEcho()
    await w.reply((r) => r.type === 'ready')
    w.handle.post({ type: 'exit', code: 0 })
    await expect(w.next((e) => e.type === 'exited')).resolves.toEqual({ type: 'exited', code: 0 })
    expect(w.handle.post({ type: 'echo', seq: 1, value: 1 })).toBe(false)
    expect(w.events.filter((e) => e.type === 'exited' || e.type === 'crashed')).toHaveLength(1)
  })

  it('runs a low-priority worker below everything else, as a process and as a group', async (ctx) => {
    const w = startEcho()
    await w.reply((r) => r.type === 'ready')
    const pid = w.handle.pid()!
    expect(getPriority(pid)).toBe(19)
    if (!existsSync('/proc/self/autogroup')) {
      const why = 'this kernel has no scheduling autogroups (/proc/self/autogroup)'
      console.warn(`skipped the autogroup half of "runs a low-priority worker below…": ${why}`)
      w.handle.kill()
      ctx.skip(why)
    }
    const group = (p: number | 'self'): string => readFileSync(`/proc/${p}/autogroup`, 'utf8')
    // Its own group, niced as a whole; ours (the UI's) keeps its priority.
    expect(group(pid).split(' ')[0]).not.toBe(group('self').split(' ')[0])
    expect(group(pid)).toMatch(/nice 19/)
    expect(group('self')).not.toMatch(/nice 19/)
    w.handle.kill()
    await w.next((e) => e.type === 'crashed')
  })

  it('reports a non-zero exit and a killed worker as crashes', async () => {
    const a = startEcho()
    await a.reply((r) => r.type === 'ready')
    a.handle.post({ type: 'exit', code: 3 })
    await expect(a.next((e) => e.type === 'crashed')).resolves.toEqual({
      type: 'crashed',
      code: 3,
      signal: null
    })

    const b = startEcho()
    await b.reply((r) => r.type === 'ready')
    b.handle.post({ type: 'crash' })
    await expect(b.next((e) => e.type === 'crashed')).resolves.toMatchObject({
      type: 'crashed',
      signal: 'SIGKILL'
    })
  })

  it('answers a message outside the protocol with a rejection instead of dying', async () => {
    const w = startEcho()
    await w.reply((r) => r.type === 'ready')
    w.handle.post({ type: 'format-disk' })
    await expect(w.reply((r) => r.type === 'rejected')).resolves.toMatchObject({ type: 'rejected' })
    w.handle.post({ type: 'echo', seq: 2, value: 'still here' })
    await expect(w.reply((r) => r.type === 'echo')).resolves.toMatchObject({ value: 'still here' })
    w.handle.kill()
  })

  it('surfaces a worker that cannot start as a typed event', async () => {
    const w = startEcho(new NodeLauncher(), '/nonexistent/skyfolio-worker.js')
    const ended = await w.next((e) => e.type === 'crashed' || e.type === 'spawn-failed')
    expect(ended).toMatchObject({
      type: 'spawn-failed',
      message: expect.stringContaining('not found')
    })
    expect(w.handle.post({ type: 'echo', seq: 1, value: 1 })).toBe(false)
    expect(w.events.some((e) => e.type === 'message')).toBe(false)
  })
})
