import { join } from 'node:path'
import sharp from 'sharp'

export interface Pixels {
  readonly data: Uint8Array
  readonly width: number
  readonly height: number
  readonly channels: number
}

/**
 * A stored thumbnail's pixels, for contents imported before fingerprints were made (or whose
 * worker's facts carried none). The thumbnail is what the fingerprint is made from anyway.
 */
export async function thumbnailPixels(thumbsDir: string, thumb: string): Promise<Pixels> {
  const { data, info } = await sharp(join(thumbsDir, thumb), { failOn: 'error' })
    .toColourspace('srgb')
    .raw({ depth: 'uchar' })
    .toBuffer({ resolveWithObject: true })
  return { data, width: info.width, height: info.height, channels: info.channels }
}
