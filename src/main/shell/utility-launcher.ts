import { existsSync } from 'node:fs'
import { utilityProcess } from 'electron'
import {
  deadHandle,
  lowerPriority,
  type LaunchOptions,
  type ProcessLauncher,
  type WorkerEvent,
  type WorkerHandle
} from '../process/launcher'
import { utilityExitEvent } from './utility-exit'

/** Starts workers with Electron's utilityProcess: the launcher of the desktop app. */
export class UtilityLauncher implements ProcessLauncher {
  readonly kind = 'utility-process' as const

  launch(
    entry: string,
    options: LaunchOptions,
    onEvent: (event: WorkerEvent) => void
  ): WorkerHandle {
    let ended = false
    let spawned = false
    const end = (event: WorkerEvent): void => {
      if (ended) return
      ended = true
      onEvent(event)
    }

    let child: Electron.UtilityProcess
    try {
      // utilityProcess would start and then fail inside; say what is wrong instead.
      if (!existsSync(entry)) throw new Error(`worker entry not found: ${entry}`)
      child = utilityProcess.fork(entry, [...(options.args ?? [])], {
        serviceName: `Skyfolio ${options.name}`,
        env: { ...process.env, ...options.env, SKYFOLIO_WORKER_NAME: options.name },
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
      if (!ended) onEvent({ type: 'message', data })
    })
    // A fatal V8 error in the worker; its 'exit' follows. Without a listener, an 'error'
    // event would throw in the main process.
    child.on('error', () => undefined)
    child.once('exit', (code) => end(utilityExitEvent(spawned, code, options.name)))
    return {
      name: options.name,
      pid: () => child.pid,
      post: (message) => {
        if (ended) return false
        child.postMessage(message)
        return true
      },
      kill: () => {
        if (!ended) child.kill()
      }
    }
  }
}
