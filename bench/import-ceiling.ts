import { mkdirSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import sharp from 'sharp'
import { processImage } from '../src/main/library/worker/image-pipeline'
import { renderPreview } from '../src/main/library/worker/preview-render'

/**
 * The ceiling: the very same per-file pipeline (same outputs: both phases, thumbnail then
 * preview) in one process with every core busy: one libvips thread per image and one image per
 * core in flight, no IPC, no database.
 */
export async function runCeiling(
  files: readonly string[],
  outDir: string,
  parallel = availableParallelism()
): Promise<{ seconds: number; failed: number }> {
  mkdirSync(outDir, { recursive: true })
  sharp.concurrency(1)
  sharp.cache(false)
  let next = 0
  let failed = 0
  const started = performance.now()
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < files.length) {
        const file = files[next++]!
        const outcome = await processImage(file, outDir)
        if (!outcome.ok) failed++
        else if (!(await renderPreview(file, outcome.facts.hash, outDir)).ok) failed++
      }
    })
  )
  return { seconds: (performance.now() - started) / 1000, failed }
}
