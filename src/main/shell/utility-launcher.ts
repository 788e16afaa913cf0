import { utilityProcess } from 'electron'
import {
  deadHandle,
  endOnce,
  missingEntry,
  type LaunchOptions,
  type ProcessLauncher,
  type WorkerEvent,
  type WorkerHandle
} from '../platform/process/launcher'
import { lowerPriority } from '../platform/process/priority'
import { utilityExitEvent } from './utility-exit'

/** Starts workers with Electron's utilityProcess: the launcher of the desktop app. */
export class UtilityLauncher implements ProcessLauncher {
  readonly kind = 'utility-process' as const

  launch(
    entry: string,
    options: LaunchOptions,
    onEvent: (event: WorkerEvent) => void
  ): WorkerHandle {
    const last = endOnce(onEvent)
    const end = last.end
    let spawned = false

    let child: Electron.UtilityProcess
    try {
      // utilityProcess would start and then fail inside; say what is wrong instead.
      const missing = missingEntry(entry)
      if (missing) throw new Error(missing)
      child = utilityProcess.fork(entry, [...(options.args ?? [])], {
        serviceName: `Skyfolio ${options.name}`,
        stdio: 'inherit'
      })
    } catch (error) {
      // Same contract as child_process: the failure arrives as an event, never synchronously.
      const message = error instanceof Error ? error.message : String(error)
      queueMicrotask(() => end({ type: 'spawn-failed', message }))
      return deadHandle(options.name)
    }

    child.once('spawn', () => {
      spawned = true
      if (options.lowPriority) lowerPriority(child.pid)
      onEvent({ type: 'spawned', pid: child.pid })
    })
    child.on('message', (data: unknown) => {
      if (!last.ended) onEvent({ type: 'message', data })
    })
    // A fatal V8 error in the worker; its 'exit' follows. Without a listener, an 'error'
    // event would throw in the main process.
    child.on('error', () => undefined)
    child.once('exit', (code) => end(utilityExitEvent(spawned, code, options.name)))
    return {
      name: options.name,
      pid: () => child.pid,
      post: (message) => {
        if (last.ended) return false
        child.postMessage(message)
        return true
      },
      kill: () => {
        if (!last.ended) child.kill()
      }
    }
  }
}
