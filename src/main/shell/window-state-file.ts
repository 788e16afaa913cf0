import { readFile, rename, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { unlessAbsent } from '../platform/absent'
import { parseWindowState, serializeWindowState, type Rect, type WindowState } from './window-state'

/** The remembered window size and position, under the user-data folder. */
export const windowStateFile = (userDataDir: string): string =>
  join(userDataDir, 'window-state.json')

/** The saved state, or null when there is none or it cannot be read. */
export async function loadWindowState(file: string): Promise<WindowState | null> {
  // No saved state, or one that is not ours to read: the window opens at its default size.
  const text = await unlessAbsent(readFile(file, 'utf8'), ['ENOENT', 'EACCES', 'EPERM', 'EISDIR'])
  return parseWindowState(text)
}

/** Writes through a temporary file and a rename, so a crash mid-write never leaves half a file. */
export async function saveWindowState(
  file: string,
  bounds: Rect,
  maximized: boolean
): Promise<void> {
  const temp = `${file}.${process.pid}.tmp`
  await writeFile(temp, serializeWindowState(bounds, maximized), 'utf8')
  await rename(temp, file)
}

export interface WindowStateSaver {
  /** Remembers the latest bounds; written once the window has been still for `delayMs`. */
  schedule(bounds: Rect, maximized: boolean): void
  /** Writes any pending state now (window closing, app quitting). */
  flush(): Promise<void>
}

/** Coalesces the stream of move/resize events into occasional, serialized writes. */
export function createWindowStateSaver(
  file: string,
  delayMs = 500,
  onError: (error: unknown) => void = () => undefined
): WindowStateSaver {
  let pending: { bounds: Rect; maximized: boolean } | null = null
  let timer: ReturnType<typeof setTimeout> | null = null
  let writing: Promise<void> = Promise.resolve()

  const write = (): Promise<void> => {
    if (timer) clearTimeout(timer)
    timer = null
    const next = pending
    pending = null
    if (next) {
      writing = writing
        .then(() => saveWindowState(file, next.bounds, next.maximized))
        .catch(onError)
    }
    return writing
  }

  return {
    schedule(bounds, maximized) {
      pending = { bounds, maximized }
      if (timer) clearTimeout(timer)
      timer = setTimeout(() => void write(), delayMs)
    },
    flush: write
  }
}
