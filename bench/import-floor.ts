import { availableParallelism } from 'node:os'
import sharp from 'sharp'
import { THUMB_EDGE } from '@shared/library/thumbnails'

/**
 * The grid's physical floor: sharp decoding the same files straight to 256 px (shrink-on-load)
 * as raw pixels, nothing written, one libvips thread per image and one image per core in flight.
 * No import can put thumbnails in the grid faster than this.
 */
export async function runThumbFloor(
  files: readonly string[],
  parallel = availableParallelism()
): Promise<{ seconds: number; failed: number }> {
  sharp.concurrency(1)
  sharp.cache(false)
  let next = 0
  let failed = 0
  const started = performance.now()
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < files.length) {
        const file = files[next++]!
        try {
          await sharp(file, { failOn: 'error' })
            .autoOrient()
            .resize(THUMB_EDGE, THUMB_EDGE, { fit: 'inside', withoutEnlargement: true })
            .raw()
            .toBuffer()
        } catch {
          failed++
        }
      }
    })
  )
  return { seconds: (performance.now() - started) / 1000, failed }
}
