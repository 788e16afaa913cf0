import sharp from 'sharp'

/**
 * Runs `each` over `files` with `parallel` in flight and one libvips thread per image (every
 * core busy, no oversubscription); `each` answers whether the file went through. The shared
 * harness of the import floor and ceiling, so the two differ only in the work per file.
 */
export async function overFiles(
  files: readonly string[],
  parallel: number,
  each: (file: string) => Promise<boolean>
): Promise<{ seconds: number; failed: number }> {
  sharp.concurrency(1)
  sharp.cache(false)
  let next = 0
  let failed = 0
  const started = performance.now()
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < files.length) {
        if (!(await each(files[next++]!))) failed++
      }
    })
  )
  return { seconds: (performance.now() - started) / 1000, failed }
}
