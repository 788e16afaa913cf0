import { classifyExit, type WorkerEvent } from '../platform/process/launcher'

/**
 * utilityProcess reports only an exit code, and a process that never started still "exits":
 * an exit before 'spawn' is a spawn failure, otherwise the usual exited/crashed split.
 */
export function utilityExitEvent(spawned: boolean, code: number, name: string): WorkerEvent {
  if (!spawned) {
    return { type: 'spawn-failed', message: `The ${name} process could not start (code ${code}).` }
  }
  return classifyExit(code, null)
}
