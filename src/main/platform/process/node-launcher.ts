import { fork } from 'node:child_process'
import {
  classifyExit,
  deadHandle,
  endOnce,
  missingEntry,
  type LaunchOptions,
  type ProcessLauncher,
  type WorkerEvent,
  type WorkerHandle
} from './launcher'
import { lowerPriority } from './priority'

/** Starts workers with child_process.fork: the launcher for the headless host and tests. */
export class NodeLauncher implements ProcessLauncher {
  readonly kind = 'child-process' as const

  /** execArgv lets tests run TypeScript entries (e.g. ['--import', 'tsx']). */
  constructor(private readonly execArgv: readonly string[] = []) {}

  launch(
    entry: string,
    options: LaunchOptions,
    onEvent: (event: WorkerEvent) => void
  ): WorkerHandle {
    const last = endOnce(onEvent)
    const end = last.end
    const missing = missingEntry(entry)
    if (missing) {
      queueMicrotask(() => end({ type: 'spawn-failed', message: missing }))
      return deadHandle(options.name)
    }
    const child = fork(entry, [...(options.args ?? [])], {
      execArgv: [...this.execArgv],
      serialization: 'advanced',
      // A session of its own, so a low-priority worker can be lowered as a whole scheduling
      // group (see lowerAutogroup). It still ends with us: the IPC channel closing ends it.
      detached: options.lowPriority === true,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc']
    })
    child.once('spawn', () => {
      if (options.lowPriority) lowerPriority(child.pid)
      onEvent({ type: 'spawned', pid: child.pid })
    })
    child.on('message', (data) => {
      if (!last.ended) onEvent({ type: 'message', data })
    })
    child.once('error', (error) => {
      if (child.pid === undefined) end({ type: 'spawn-failed', message: error.message })
    })
    child.once('exit', (code, signal) => end(classifyExit(code, signal)))
    return {
      name: options.name,
      pid: () => child.pid,
      post: (message) => {
        if (last.ended || !child.connected) return false
        child.send(message as object)
        return true
      },
      kill: () => {
        if (!last.ended) child.kill('SIGKILL')
      }
    }
  }
}
