import { readFileSync, writeFileSync } from 'node:fs'
import { setPriority } from 'node:os'

/**
 * Background workers run at the lowest scheduling priority: throughput work, they must never
 * take a core from the window or the main process's event loop.
 */
export const WORKER_NICENESS = 19

/** The scheduling group a process is in ("/autogroup-42"), or null where there are none. */
function autogroupOf(pid: number | 'self'): string | null {
  try {
    return /^(\/autogroup-\d+)/.exec(readFileSync(`/proc/${pid}/autogroup`, 'utf8'))?.[1] ?? null
  } catch {
    return null
  }
}

/**
 * Linux (with autogroup, the desktop default) shares the CPU fairly between sessions before it
 * looks at nice values, which count only inside a session. A worker started in a session of
 * its own (a detached `child_process.fork`) is therefore niced as a whole group as well, or it
 * would still take a full share from a browser showing the headless host. A worker in our own
 * session (Electron's utilityProcess) is left alone: lowering that group would lower us too.
 */
export function lowerAutogroup(pid: number): boolean {
  const theirs = autogroupOf(pid)
  if (!theirs || theirs === autogroupOf('self')) return false
  try {
    writeFileSync(`/proc/${pid}/autogroup`, String(WORKER_NICENESS))
    return true
  } catch {
    return false
  }
}

export function lowerPriority(pid: number | undefined): void {
  if (!pid) return
  try {
    setPriority(pid, WORKER_NICENESS)
  } catch {
    // Not permitted on every system; the worker still runs, just at normal priority.
  }
  lowerAutogroup(pid)
}
