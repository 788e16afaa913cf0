import { processImage } from '../../library/worker/image-pipeline'
import { runJsStage } from '../../library/worker/js-stage'

export interface BenchTaskResult {
  ok: boolean
  reason?: string
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
