import { linkSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

export const HOST_LOCK_FILE = 'host.lock'

/** A second host on the same user-data folder: two writers would race on one database. */
export class HostLockError extends Error {
  constructor(
    readonly holderPid: number,
    folder: string
  ) {
    super(
      `Another Skyfolio host (process ${holderPid}) is already using the folder ${folder}. ` +
        'Open the address it printed, or stop it (Ctrl+C in its terminal) and start again; ' +
        'to run a second host, set SKYFOLIO_USER_DATA to another folder.'
    )
    this.name = 'HostLockError'
  }
}

export interface HostLock {
  /** Removes the lock if it is still this process's; safe to call more than once. */
  release(): void
}

/** Whether a process with this id runs (EPERM: it does, under another user). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

const readHolder = (file: string): number | null => {
  try {
    const pid = (JSON.parse(readFileSync(file, 'utf8')) as { pid?: unknown }).pid
    return Number.isSafeInteger(pid) && (pid as number) > 0 ? (pid as number) : null
  } catch {
    return null
  }
}

const errno = (error: unknown): string | undefined => (error as NodeJS.ErrnoException).code

/**
 * Takes the user-data folder for this host: a file holding our pid, created atomically (a
 * hard link of a finished temp file, so no reader ever sees it half-written). A lock whose
 * process is gone (kill -9, a crash, a reboot) or whose content is unreadable is stale and
 * taken over; a live one refuses with HostLockError.
 */
export function acquireHostLock(
  folder: string,
  pid: number = process.pid,
  alive: (pid: number) => boolean = processAlive
): HostLock {
  mkdirSync(folder, { recursive: true })
  const lock = join(folder, HOST_LOCK_FILE)
  const mine = `${lock}.${pid}`
  const record = JSON.stringify({ pid, startedAt: new Date().toISOString() })
  writeFileSync(mine, record)
  try {
    for (let attempt = 0; attempt < 3; attempt++) {
      if (createExclusive(lock, mine, record)) return holding(lock, pid)
      const holder = readHolder(lock)
      // Our own pid in the lock is a previous run's (a container restarts with the same pid).
      if (holder !== null && holder !== pid && alive(holder))
        throw new HostLockError(holder, folder)
      removeStale(lock, holder, `${lock}.${pid}.stale`)
    }
    throw new HostLockError(readHolder(lock) ?? 0, folder)
  } finally {
    rmSync(mine, { force: true })
  }
}

/** Creates the lock unless it exists: false when it does. */
function createExclusive(lock: string, finished: string, record: string): boolean {
  try {
    linkSync(finished, lock)
    return true
  } catch (error) {
    if (errno(error) === 'EEXIST') return false
    if (!['EPERM', 'ENOTSUP', 'ENOSYS', 'EXDEV'].includes(errno(error) ?? '')) throw error
  }
  // A file system without hard links (FAT, some shares): exclusive create, then write.
  try {
    writeFileSync(lock, record, { flag: 'wx' })
    return true
  } catch (error) {
    if (errno(error) === 'EEXIST') return false
    throw error
  }
}

/**
 * Moves the stale lock aside, then checks it was the one judged stale: if another host took
 * the folder in between, its lock is put back rather than deleted.
 */
function removeStale(lock: string, stalePid: number | null, aside: string): void {
  try {
    renameSync(lock, aside)
  } catch (error) {
    if (errno(error) === 'ENOENT') return
    throw error
  }
  if (readHolder(aside) !== stalePid) {
    try {
      linkSync(aside, lock)
    } catch (error) {
      if (errno(error) !== 'EEXIST') throw error
    }
  }
  rmSync(aside, { force: true })
}

function holding(lock: string, pid: number): HostLock {
  let held = true
  const release = (): void => {
    if (!held) return
    held = false
    process.off('exit', release)
    if (readHolder(lock) === pid) rmSync(lock, { force: true })
  }
  // process.exit() from any path (a failed start, a signal) still frees the folder.
  process.on('exit', release)
  return { release }
}
