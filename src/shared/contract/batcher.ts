/**
 * Collects items and hands them over together once per scheduled turn: every socket write
 * wakes the other process and can cost the writer its core for milliseconds on a busy machine,
 * so the host and its bridge send one message per burst, not one per frame.
 */
export function createBatcher<T>(
  flush: (items: T[]) => void,
  schedule: (run: () => void) => void
): (item: T) => void {
  let pending: T[] | null = null
  return (item) => {
    if (pending) {
      pending.push(item)
      return
    }
    pending = [item]
    schedule(() => {
      const items = pending ?? []
      pending = null
      flush(items)
    })
  }
}
