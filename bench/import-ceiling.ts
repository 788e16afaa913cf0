import { mkdirSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { processImage } from '../src/main/library/worker/image-pipeline'
import { renderPreview } from '../src/main/library/worker/preview-render'
import { overFiles } from './support/file-lanes'

/**
 * The ceiling: the very same per-file pipeline (same outputs: both phases, thumbnail then
 * preview) in one process with every core busy: one libvips thread per image and one image per
 * core in flight, no IPC, no database.
 */
export function runCeiling(
  files: readonly string[],
  outDir: string,
  parallel = availableParallelism()
): Promise<{ seconds: number; failed: number }> {
  mkdirSync(outDir, { recursive: true })
  return overFiles(files, parallel, async (file) => {
    const outcome = await processImage(file, outDir)
    return outcome.ok && (await renderPreview(file, outcome.facts.hash, outDir)).ok
  })
}
