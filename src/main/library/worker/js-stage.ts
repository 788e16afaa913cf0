import sharp from 'sharp'
import { jsPerceptualHash } from '@shared/activity/js-phash'

/** The JS stage's input edge: about 25 ms of pure JavaScript per image. */
export const JS_STAGE_EDGE = 192

/**
 * "Test both"'s optional CPU-bound JavaScript stage: decode small, then hash in plain JS. The
 * library never runs it; the benchmark asks for it so the strategies differ in JS work too.
 */
export async function runJsStage(path: string): Promise<string> {
  const grey = await sharp(path, { failOn: 'truncated' })
    .rotate()
    .resize(JS_STAGE_EDGE, JS_STAGE_EDGE, { fit: 'fill' })
    .greyscale()
    .raw()
    .toBuffer()
  return jsPerceptualHash(new Uint8Array(grey.buffer, grey.byteOffset, grey.length), JS_STAGE_EDGE)
}
