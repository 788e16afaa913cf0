import sharp from 'sharp'

const MB = 1024 * 1024
/** Lets freed buffers and closed workers' handles settle before main's RSS is read. */
const SETTLE_MS = 500

export const mainRssMb = (): number => process.memoryUsage.rss() / MB

/**
 * Main's RSS once the work before has settled. A collection runs first when the process was
 * started with --expose-gc (the bench scripts can); otherwise V8 collects when it chooses.
 */
export async function settledRssMb(settleMs = SETTLE_MS): Promise<number> {
  await new Promise((resolve) => setTimeout(resolve, settleMs))
  ;(globalThis as { gc?: () => void }).gc?.()
  await new Promise((resolve) => setImmediate(resolve))
  return mainRssMb()
}

/**
 * For a strategy that runs libvips inside main (in main, or on main's worker threads: libvips
 * is one per process), its operation cache is off, as it is in the image workers, so it holds
 * no decoded images afterwards. Returns the function that puts the previous limits back; what
 * was done is said in `released` for the run's record.
 *
 * The rest of what main keeps is glibc's: freed memory stays in malloc's per-thread arenas and
 * JavaScript cannot call malloc_trim. See README ("Memory after Test both") for the allocator
 * settings that give it back (MALLOC_ARENA_MAX=2, or jemalloc as sharp recommends).
 */
export function sharpCacheOffInMain(): { restore(): void; released: string } {
  const before = sharp.cache()
  sharp.cache(false)
  return {
    released: "sharp's cache off during the strategy (as in the workers); libvips memory freed",
    restore() {
      sharp.cache({
        memory: before.memory.max,
        files: before.files.max,
        items: before.items.max
      })
    }
  }
}
