/**
 * Where the photo `id` is now, looking outward from `near` (photos that land during an import
 * push it down; a removal pulls it up); null when it is not among the loaded rows within
 * `reach` of there.
 */
export function indexOfPhoto(
  id: number,
  near: number,
  count: number,
  item: (index: number) => { id: number } | undefined,
  reach = 600
): number | null {
  for (let d = 0; d <= reach; d++) {
    for (const i of d === 0 ? [near] : [near + d, near - d]) {
      if (i >= 0 && i < count && item(i)?.id === id) return i
    }
  }
  return null
}
