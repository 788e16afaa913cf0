import sharp from 'sharp'
import { jsPerceptualHash } from '@shared/activity/js-phash'
import { processImage } from '../../library/worker/image-pipeline'

/** The JS stage's input edge: about 25 ms of pure JavaScript per image. */
export const JS_STAGE_EDGE = 192

export interface BenchTaskResult {
  ok: boolean
  reason?: string
}

/** The optional CPU-bound JavaScript stage: decode small, then hash in plain JS. */
export async function runJsStage(path: string): Promise<string> {
  const grey = await sharp(path, { failOn: 'truncated' })
    .rotate()
    .resize(JS_STAGE_EDGE, JS_STAGE_EDGE, { fit: 'fill' })
    .greyscale()
    .raw()
    .toBuffer()
  return jsPerceptualHash(new Uint8Array(grey.buffer, grey.byteOffset, grey.length), JS_STAGE_EDGE)
}

/**
 * One file of a "test both" batch: exactly the library's pipeline (same outputs), plus the JS
 * stage when asked. Used in the main process and in worker threads alike.
 */
export async function benchTask(
  path: string,
  outDir: string,
  jsStage: boolean
): Promise<BenchTaskResult> {
  const outcome = await processImage(path, outDir)
  if (!outcome.ok) return { ok: false, reason: outcome.failure.reason }
  if (jsStage) await runJsStage(path)
  return { ok: true }
}
