import { describe, expect, it } from 'vitest'
import { clickIntent, idsInRange, noSelection, toggled, withRange, type IdPage } from './selection'

const none = { shift: false, toggle: false }

describe('selection', () => {
  it('a plain click opens until something is picked, then picks', () => {
    expect(clickIntent(noSelection, none)).toBe('open')
    expect(clickIntent(noSelection, { shift: false, toggle: true })).toBe('toggle')
    const one = toggled(noSelection, 4, 40)
    expect(clickIntent(one, none)).toBe('toggle')
    expect(clickIntent(one, { shift: true, toggle: false })).toBe('range')
  })

  it('toggles by id and keeps ranges added to what is picked', () => {
    let s = toggled(noSelection, 1, 10)
    s = withRange(s, [11, 12])
    expect([...s.ids]).toEqual([10, 11, 12])
    expect(s.anchor).toBe(1)
    s = toggled(s, 2, 11)
    expect([...s.ids].sort()).toEqual([10, 12])
  })

  it('reads a range the grid does not hold from main, page after page', async () => {
    const all = Array.from({ length: 1200 }, (_, i) => i + 1)
    const asked: string[] = []
    const page: IdPage = async ({ offset, limit, after }) => {
      const start = after ? Number(after.id) : offset
      asked.push(after ? `after ${after.id}` : `offset ${offset}`)
      const ids = all.slice(start, start + limit)
      return { ids, next: start + limit < all.length ? { value: 0, id: start + limit } : null }
    }
    const ids = await idsInRange(1100, 0, (i) => (i < 10 ? i + 1 : undefined), page)
    expect(ids).toEqual(all.slice(0, 1101))
    expect(asked).toEqual(['offset 0', 'after 500', 'after 1000'])
    // Held rows need no request.
    expect(await idsInRange(2, 5, (i) => i + 1, page)).toEqual([3, 4, 5, 6])
  })
})
