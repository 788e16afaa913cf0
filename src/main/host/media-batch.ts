import { open } from 'node:fs/promises'
import type { Logger } from '../platform/log'
import { resolveExistingInside } from '../security/protocol-paths'
import {
  MEDIA_BATCH_MAX_FILE_BYTES,
  batchRequest,
  encodeMediaBatch
} from '@shared/library/media-batch'

/** One file of a batch: its bytes, or null when it is missing, too large or unreadable. */
async function readOne(root: string, relative: string, log: Logger): Promise<Uint8Array | null> {
  // The same resolution as a single file's request: nothing outside root, links followed.
  const file = await resolveExistingInside(root, relative)
  if (!file) return null
  let handle
  try {
    handle = await open(file, 'r')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code !== 'ENOENT') log.warn('could not open a batched media file', { code })
    return null
  }
  try {
    const { size } = await handle.stat()
    if (size > MEDIA_BATCH_MAX_FILE_BYTES) return null
    return await handle.readFile()
  } catch (error) {
    log.warn('could not read a batched media file', {
      code: (error as NodeJS.ErrnoException).code
    })
    return null
  } finally {
    await handle
      .close()
      .catch((error: NodeJS.ErrnoException) =>
        log.debug('could not close a batched media file', { code: error.code })
      )
  }
}

export interface BatchAnswer {
  readonly status: 200 | 404
  readonly headers: Record<string, string>
  readonly body: Uint8Array | null
}

/**
 * The answer to GET /media-batch/<root>?f=…, for the headless host and the app:// protocol
 * alike. Files are named by content hash and version, so a complete answer never changes and is
 * cached for good; one with a missing file is not cached (the file may be made later).
 */
export async function answerMediaBatch(
  url: URL,
  mediaRoots: Readonly<Record<string, string>>,
  log: Logger
): Promise<BatchAnswer> {
  const request = batchRequest(url)
  const root =
    request && Object.hasOwn(mediaRoots, request.root) ? mediaRoots[request.root] : undefined
  if (!request || typeof root !== 'string')
    return { status: 404, headers: { 'content-type': 'text/plain' }, body: null }
  const files = await Promise.all(request.files.map((f) => readOne(root, f, log)))
  return {
    status: 200,
    headers: {
      'content-type': 'application/octet-stream',
      'x-content-type-options': 'nosniff',
      'cache-control': files.includes(null) ? 'no-store' : 'private, max-age=31536000, immutable'
    },
    body: encodeMediaBatch(files)
  }
}
