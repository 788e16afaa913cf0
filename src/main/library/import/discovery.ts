import { opendir, realpath, stat } from 'node:fs/promises'
import { join, resolve, sep } from 'node:path'
import {
  fileSystemFailure,
  failure,
  outsideChosenFolder,
  unsupportedFormat,
  type Failure
} from '@shared/library/reasons'
import { hasImageExtension, isJunkName, unsupportedFormatByName } from '@shared/library/sources'

export interface Discovered {
  readonly path: string
  /** Set when the walk already knows this entry cannot be imported. */
  readonly failure?: Failure
  /** The entry is left out on purpose (a format not supported yet, a link out), not broken. */
  readonly skipped?: boolean
}

const errno = (e: unknown): string | undefined => (e as NodeJS.ErrnoException)?.code

/**
 * What a file in a folder counts as, by its name: a photo to decode, an image of a format not
 * supported yet (skipped with that reason, so the batch's totals cover every image found), or
 * nothing (documents, videos, sidecars: not images, not reported).
 */
function fileEntry(path: string, name: string): Discovered | null {
  if (hasImageExtension(name)) return { path }
  const format = unsupportedFormatByName(name)
  return format ? { path, failure: unsupportedFormat(format), skipped: true } : null
}

const isImageName = (name: string): boolean =>
  hasImageExtension(name) || unsupportedFormatByName(name) !== null

/** True when the real path `real` is one of `folders` or lies inside one. */
const isInside = (real: string, folders: readonly string[]): boolean =>
  folders.some((f) => real === f || real.startsWith(f.endsWith(sep) ? f : f + sep))

/**
 * Walks the chosen files and folders and yields what to import in batches of `batchSize`,
 * so a folder of 100,000 files streams into the queue instead of becoming one array. Hidden
 * and system junk is skipped. A chosen file is taken whatever its extension; inside folders
 * the extension decides (see `fileEntry`).
 *
 * Links never lead out of the chosen folders: a link whose target lies outside all of them is
 * reported as skipped. Folder links inside are followed after the real folders were walked,
 * and only to a folder not walked yet (one under a hidden name, say); a link to a folder
 * already walked is reported once as a loop.
 */
export async function* discover(
  roots: readonly string[],
  options: { batchSize?: number; signal?: AbortSignal } = {}
): AsyncGenerator<Discovered[]> {
  const batchSize = options.batchSize ?? 256
  let batch: Discovered[] = []
  const push = function* (entry: Discovered): Generator<Discovered[]> {
    batch.push(entry)
    if (batch.length >= batchSize) {
      yield batch
      batch = []
    }
  }

  const starts: { path: string; folder: boolean; failure?: Failure }[] = []
  const chosen: string[] = []
  for (const root of roots) {
    const path = resolve(root)
    try {
      const folder = (await stat(path)).isDirectory()
      if (folder) chosen.push(await realpath(path))
      starts.push({ path, folder })
    } catch (error) {
      starts.push({ path, folder: false, failure: fileSystemFailure(errno(error)) })
    }
  }

  const walk: WalkState = { chosen, visited: new Set(), links: [], signal: options.signal }
  for (const start of starts) {
    if (options.signal?.aborted) return
    if (start.failure) yield* push({ path: start.path, failure: start.failure })
    else if (!start.folder) yield* push({ path: start.path })
    else for await (const entry of walkFolder(start.path, walk)) yield* push(entry)
  }
  // Folder links last, once every chosen folder was walked by its real path.
  while (walk.links.length > 0) {
    if (options.signal?.aborted) return
    const link = walk.links.shift()!
    const refused = await refuseLink(link, walk)
    if (refused) yield* push(refused)
    else for await (const entry of walkFolder(link, walk)) yield* push(entry)
  }
  if (batch.length > 0) yield batch
}

interface WalkState {
  /** Real paths of the chosen folders: no link is followed out of them. */
  readonly chosen: readonly string[]
  /** Real paths of the folders walked so far. */
  readonly visited: Set<string>
  /** Folder links met on the way, followed after the real folders. */
  readonly links: string[]
  readonly signal: AbortSignal | undefined
}

/** Why a folder link is not followed, or null to follow it. */
async function refuseLink(link: string, walk: WalkState): Promise<Discovered | null> {
  let real: string
  try {
    real = await realpath(link)
  } catch (error) {
    return { path: link, failure: linkFailure(errno(error)) }
  }
  if (!isInside(real, walk.chosen))
    return { path: link, failure: outsideChosenFolder(), skipped: true }
  if (walk.visited.has(real))
    return {
      path: link,
      failure: failure(
        'loop',
        'This folder link leads back to a folder already being imported; it was not followed.'
      )
    }
  return null
}

/** One folder tree, depth-first with an explicit stack: no recursion limit. */
async function* walkFolder(top: string, walk: WalkState): AsyncGenerator<Discovered> {
  const { chosen, visited, signal } = walk
  const stack: string[] = [top]
  while (stack.length > 0) {
    if (signal?.aborted) return
    const dir = stack.pop()!
    let real: string
    try {
      real = await realpath(dir)
    } catch (error) {
      yield { path: dir, failure: fileSystemFailure(errno(error)) }
      continue
    }
    // A real folder reached twice (chosen roots that overlap): its files are already in.
    if (visited.has(real)) continue
    visited.add(real)
    let handle
    try {
      handle = await opendir(dir, { bufferSize: 64 })
    } catch (error) {
      yield { path: dir, failure: folderFailure(errno(error)) }
      continue
    }
    const subdirs: string[] = []
    const dirLinks: string[] = []
    try {
      for await (const entry of handle) {
        if (isJunkName(entry.name)) continue
        const full = join(dir, entry.name)
        if (entry.isDirectory()) subdirs.push(full)
        else if (entry.isFile()) {
          const found = fileEntry(full, entry.name)
          if (found) yield found
        } else if (entry.isSymbolicLink()) {
          let target
          try {
            target = await stat(full)
          } catch (error) {
            if (isImageName(entry.name) || errno(error) === 'ELOOP')
              yield { path: full, failure: linkFailure(errno(error)) }
            continue
          }
          if (target.isDirectory()) dirLinks.push(full)
          else if (target.isFile() && isImageName(entry.name))
            yield await linkedFile(full, entry.name, chosen)
        }
      }
    } catch (error) {
      yield { path: dir, failure: folderFailure(errno(error)) }
    }
    // Reverse so folders are walked in name order off the stack.
    stack.push(...subdirs.sort().reverse())
    walk.links.push(...dirLinks.sort())
  }
}

/** A link to a file: taken like the file itself when its target lies inside a chosen folder. */
async function linkedFile(
  path: string,
  name: string,
  chosen: readonly string[]
): Promise<Discovered> {
  let real: string
  try {
    real = await realpath(path)
  } catch (error) {
    return { path, failure: linkFailure(errno(error)) }
  }
  if (!isInside(real, chosen)) return { path, failure: outsideChosenFolder(), skipped: true }
  return fileEntry(path, name)!
}

function folderFailure(code: string | undefined): Failure {
  if (code === 'EACCES' || code === 'EPERM')
    return failure('unreadable', 'No permission to read this folder.')
  return fileSystemFailure(code)
}

function linkFailure(code: string | undefined): Failure {
  if (code === 'ENOENT') return failure('missing', 'This link points to a file that is not there.')
  return fileSystemFailure(code)
}
