import { opendir, realpath, stat } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { fileSystemFailure, failure, type Failure } from '@shared/library/reasons'
import { hasImageExtension, isJunkName } from '@shared/library/sources'

export interface Discovered {
  readonly path: string
  /** Set when the walk already knows this entry cannot be imported. */
  readonly failure?: Failure
}

const errno = (e: unknown): string | undefined => (e as NodeJS.ErrnoException)?.code

/**
 * Walks the chosen files and folders and yields what to import in batches of `batchSize`,
 * so a folder of 100,000 files streams into the queue instead of becoming one array. Hidden
 * and system junk is skipped; folder links that lead back into the walk are reported once.
 * A chosen file is taken whatever its extension; inside folders only image extensions count.
 */
export async function* discover(
  roots: readonly string[],
  options: { batchSize?: number; signal?: AbortSignal } = {}
): AsyncGenerator<Discovered[]> {
  const batchSize = options.batchSize ?? 256
  let batch: Discovered[] = []
  const visited = new Set<string>()
  const push = function* (entry: Discovered): Generator<Discovered[]> {
    batch.push(entry)
    if (batch.length >= batchSize) {
      yield batch
      batch = []
    }
  }

  for (const root of roots) {
    if (options.signal?.aborted) return
    const path = resolve(root)
    let info
    try {
      info = await stat(path)
    } catch (error) {
      yield* push({ path, failure: fileSystemFailure(errno(error)) })
      continue
    }
    if (!info.isDirectory()) {
      yield* push({ path })
      continue
    }
    // Depth-first with an explicit stack: no recursion limit, whatever the depth.
    const stack: string[] = [path]
    while (stack.length > 0) {
      if (options.signal?.aborted) return
      const dir = stack.pop()!
      let real: string
      try {
        real = await realpath(dir)
      } catch (error) {
        yield* push({ path: dir, failure: fileSystemFailure(errno(error)) })
        continue
      }
      if (visited.has(real)) {
        if (dir !== path)
          yield* push({
            path: dir,
            failure: failure(
              'loop',
              'This folder link leads back to a folder already being imported; it was not followed.'
            )
          })
        continue
      }
      visited.add(real)
      let handle
      try {
        handle = await opendir(dir, { bufferSize: 64 })
      } catch (error) {
        yield* push({ path: dir, failure: folderFailure(errno(error)) })
        continue
      }
      const subdirs: string[] = []
      try {
        for await (const entry of handle) {
          if (isJunkName(entry.name)) continue
          const full = join(dir, entry.name)
          if (entry.isDirectory()) subdirs.push(full)
          else if (entry.isFile()) {
            if (hasImageExtension(entry.name)) yield* push({ path: full })
          } else if (entry.isSymbolicLink()) {
            let target
            try {
              target = await stat(full)
            } catch (error) {
              if (hasImageExtension(entry.name) || errno(error) === 'ELOOP')
                yield* push({ path: full, failure: linkFailure(errno(error)) })
              continue
            }
            if (target.isDirectory()) subdirs.push(full)
            else if (target.isFile() && hasImageExtension(entry.name)) yield* push({ path: full })
          }
        }
      } catch (error) {
        yield* push({ path: dir, failure: folderFailure(errno(error)) })
      }
      // Reverse so folders are walked in name order off the stack.
      stack.push(...subdirs.sort().reverse())
    }
  }
  if (batch.length > 0) yield batch
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
