/**
 * A fixed-capacity ring: pushing past capacity overwrites the oldest entry, so memory stays
 * bounded however long the app runs (main keeps five minutes of live series in these).
 */
export class RingBuffer<T> {
  private readonly slots: (T | undefined)[]
  private next = 0
  private count = 0

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1)
      throw new RangeError('a ring needs a whole capacity of at least 1')
    this.slots = new Array<T | undefined>(capacity)
  }

  get size(): number {
    return this.count
  }

  push(value: T): void {
    this.slots[this.next] = value
    this.next = (this.next + 1) % this.capacity
    this.count = Math.min(this.count + 1, this.capacity)
  }

  /** Oldest first. */
  toArray(): T[] {
    const start = (this.next - this.count + this.capacity) % this.capacity
    return Array.from(
      { length: this.count },
      (_, i) => this.slots[(start + i) % this.capacity] as T
    )
  }

  clear(): void {
    this.slots.fill(undefined)
    this.next = 0
    this.count = 0
  }
}
