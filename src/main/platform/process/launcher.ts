import { existsSync } from 'node:fs'

/** What a parent hears about a worker process. */
export type WorkerEvent =
  | { type: 'spawned'; pid: number | undefined }
  | { type: 'message'; data: unknown }
  | { type: 'exited'; code: number }
  | { type: 'crashed'; code: number | null; signal: string | null }
  | { type: 'spawn-failed'; message: string }

export interface LaunchOptions {
  /** Shown in process lists and logs. */
  readonly name: string
  readonly args?: readonly string[]
  /** Start below the UI's scheduling priority (heavy, throughput-bound work). */
  readonly lowPriority?: boolean
}

export interface WorkerHandle {
  readonly name: string
  pid(): number | undefined
  /** Structured-clone message to the worker; false when it is gone. */
  post(message: unknown): boolean
  /** Ends the worker now; its 'crashed' or 'exited' event still follows. */
  kill(): void
}

/**
 * One interface to start a worker process: `utilityProcess.fork` in the app,
 * `child_process.fork` under Node. Services take a launcher, never a concrete one.
 */
export interface ProcessLauncher {
  readonly kind: 'utility-process' | 'child-process'
  launch(entry: string, options: LaunchOptions, onEvent: (event: WorkerEvent) => void): WorkerHandle
}

/** A worker that ends with a non-zero code or a signal crashed; code 0 is a clean exit. */
export function classifyExit(code: number | null, signal: string | null): WorkerEvent {
  return code === 0 && !signal ? { type: 'exited', code: 0 } : { type: 'crashed', code, signal }
}

/** The handle of a worker that never started. */
export const deadHandle = (name: string): WorkerHandle => ({
  name,
  pid: () => undefined,
  post: () => false,
  kill: () => undefined
})

/** A worker's last event (exit, crash or failure to start) is delivered once, whatever races. */
export function endOnce(onEvent: (event: WorkerEvent) => void) {
  let ended = false
  return {
    get ended(): boolean {
      return ended
    },
    end(event: WorkerEvent): void {
      if (ended) return
      ended = true
      onEvent(event)
    }
  }
}

/** Why a worker cannot start from `entry`, or null when it can be tried. */
export const missingEntry = (entry: string): string | null =>
  existsSync(entry) ? null : `worker entry not found: ${entry}`
