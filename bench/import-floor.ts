import { availableParallelism } from 'node:os'
import sharp from 'sharp'
import { THUMB_EDGE } from '@shared/library/thumbnails'
import { overFiles } from './support/file-lanes'

/**
 * The grid's physical floor: sharp decoding the same files straight to 256 px (shrink-on-load)
 * as raw pixels, nothing written, one libvips thread per image and one image per core in flight.
 * No import can put thumbnails in the grid faster than this.
 */
export function runThumbFloor(
  files: readonly string[],
  parallel = availableParallelism()
): Promise<{ seconds: number; failed: number }> {
  return overFiles(files, parallel, async (file) => {
    try {
      await sharp(file, { failOn: 'error' })
        .autoOrient()
        .resize(THUMB_EDGE, THUMB_EDGE, { fit: 'inside', withoutEnlargement: true })
        .raw()
        .toBuffer()
      return true
    } catch {
      return false
    }
  })
}
