import { describe, expect, it } from 'vitest'
import {
  naturalDescending,
  sortKeys,
  type LibraryFilter,
  type SortKey
} from '@shared/contract/library'
import { useTempDir } from '../../../../test/support/temp-dir'
import { addPhoto, openLibraryStore, photoFacts } from '../../../../test/support/photo-store-kit'

const tempDir = useTempDir()

interface Live {
  id: number
  date: number
  imported_at: number
  name_key: string
  size: number
  folder: string
  format: string
  hash: string
}

const folders = ['/a', '/a/b', '/a/b/c', '/a-old', '/c']

/** 240 photos with ties in every sort key, nested folders, two formats, exact copies; some trashed. */
function library() {
  const store = openLibraryStore(tempDir())
  for (let i = 1; i <= 240; i++) {
    const copyOf = i % 17 === 0 ? i - 1 : i
    const name = `${i % 3 ? 'IMG' : 'img'}_${i % 60}${i % 4 ? '.jpg' : '.JPG'}`
    const facts = photoFacts(copyOf, {
      bytes: 1000 + (i % 23),
      takenAt: i % 9 === 0 ? null : Date.UTC(2019 + (i % 3), i % 12, 1 + (i % 27), i % 5),
      mtime: Date.UTC(2018, i % 12, 15),
      format: i % 4 === 0 ? 'png' : 'jpeg'
    })
    addPhoto(store, `${folders[i % folders.length]}/${i}/${name}`, facts, Date.UTC(2024, 0, i % 40))
  }
  // Saved in a folder of its own (names repeat), then put in one of the test's folders.
  const move = store.db.prepare<[string, number]>(
    'UPDATE library_photos SET folder = ? WHERE id = ?'
  )
  for (let i = 1; i <= 240; i++) move.run(folders[i % folders.length]!, i)
  store.photos.remove([3, 50, 51, 52, 200], Date.UTC(2024, 5, 1))
  return store
}

const sortColumn: Record<SortKey, keyof Live> = {
  taken: 'date',
  imported: 'imported_at',
  name: 'name_key',
  size: 'size'
}

function expected(rows: Live[], sort: SortKey, desc: boolean, f: LibraryFilter): number[] {
  const copies = new Map<string, number>()
  for (const r of rows) copies.set(r.hash, (copies.get(r.hash) ?? 0) + 1)
  const col = sortColumn[sort]
  return rows
    .filter(
      (r) =>
        (f.folder === undefined || r.folder === f.folder || r.folder.startsWith(f.folder + '/')) &&
        (f.format === undefined || r.format === f.format) &&
        (f.from === undefined || r.date >= f.from) &&
        (f.to === undefined || r.date <= f.to) &&
        (!f.duplicates || copies.get(r.hash)! > 1)
    )
    .sort((a, b) => {
      const c = a[col] < b[col] ? -1 : a[col] > b[col] ? 1 : a.id - b.id
      return desc ? -c : c
    })
    .map((r) => r.id)
}

const filters: LibraryFilter[] = [
  {},
  { format: 'png' },
  { folder: '/a' },
  { folder: '/c' },
  { folder: '/a/b', format: 'jpeg' },
  { from: Date.UTC(2019, 6, 1), to: Date.UTC(2020, 5, 30) },
  { duplicates: true },
  { format: 'png', from: Date.UTC(2020, 0, 1) }
]

describe('photo pages', () => {
  it('pages by keyset and by offset in every sort key, direction and filter', () => {
    const store = library()
    const live = store.db
      .prepare('SELECT * FROM library_photos WHERE trashed_at IS NULL')
      .all() as Live[]
    expect(new Set(live.map((r) => r.folder))).toEqual(new Set(folders))
    for (const sort of sortKeys)
      for (const descending of [true, false])
        for (const filter of filters) {
          const want = expected(live, sort, descending, filter)
          const got: number[] = []
          let after
          for (let pages = 0; pages < 100; pages++) {
            const page = store.photos.list({ sort, descending, filter, after, offset: 0, limit: 7 })
            expect(page.total).toBe(want.length)
            got.push(...page.items.map((p) => p.id))
            if (!page.next) break
            after = page.next
          }
          expect(got, `${sort} ${descending} ${JSON.stringify(filter)}`).toEqual(want)
          const slice = store.photos.list({ sort, descending, filter, offset: 10, limit: 5 })
          expect(slice.items.map((p) => p.id)).toEqual(want.slice(10, 15))
        }
  })

  it('starts each sort key in its natural direction', () => {
    const store = library()
    for (const sort of sortKeys) {
      const natural = store.photos.list({ sort, filter: {}, offset: 0, limit: 50 })
      const explicit = store.photos.list({
        sort,
        descending: naturalDescending[sort],
        filter: {},
        offset: 0,
        limit: 50
      })
      expect(natural.items).toEqual(explicit.items)
    }
    const names = store.photos.list({ sort: 'name', filter: {}, offset: 0, limit: 500 })
    const first = names.items.map((p) => p.name).filter((n) => /^img_\d\./i.test(n))
    expect(first.slice(0, 1)[0]).toMatch(/^img_0\./i)
    expect(names.items.findIndex((p) => /^img_2\./i.test(p.name))).toBeLessThan(
      names.items.findIndex((p) => /^img_10\./i.test(p.name))
    )
  })

  it('gives months with counts, offsets and cursors that jump to each month', () => {
    const store = library()
    const live = store.db
      .prepare('SELECT * FROM library_photos WHERE trashed_at IS NULL')
      .all() as Live[]
    for (const sort of ['taken', 'imported'] as const)
      for (const descending of [true, false])
        for (const filter of [{}, { format: 'png' }, { folder: '/a' }]) {
          const want = expected(live, sort, descending, filter)
          const { total, months } = store.photos.timeline(sort, descending, filter)
          expect(total).toBe(want.length)
          expect(months.reduce((n, m) => n + m.count, 0)).toBe(want.length)
          for (const m of months) {
            const page = store.photos.list({
              sort,
              descending,
              filter,
              after: m.cursor,
              offset: 0,
              limit: m.count
            })
            expect(page.items.map((p) => p.id)).toEqual(want.slice(m.offset, m.offset + m.count))
            const first = live.find((r) => r.id === page.items[0]!.id)!
            const d = new Date(sort === 'taken' ? first.date : first.imported_at)
            expect([d.getUTCFullYear(), d.getUTCMonth() + 1]).toEqual([m.year, m.month])
          }
          const keys = months.map((m) => m.year * 12 + m.month)
          expect(keys).toEqual([...keys].sort((a, b) => (descending ? b - a : a - b)))
        }
  })
})
