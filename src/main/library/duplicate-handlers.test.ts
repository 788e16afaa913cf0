import { afterEach, describe, expect, it } from 'vitest'
import type { DuplicateGroup, Envelope } from '@shared/contract'
import { memoryLogger } from '../platform/log'
import { createRouter, type Handlers } from '../platform/ipc/router'
import { addPhoto, openLibraryStore, photoFacts } from '../../../test/support/photo-store-kit'
import { useTempDir } from '../../../test/support/temp-dir'
import { duplicateHandlers } from './duplicate-handlers'

const tempDir = useTempDir()
const stores: ReturnType<typeof openLibraryStore>[] = []
afterEach(() => {
  for (const s of stores.splice(0)) s.db.close()
})

const DAY = 86_400_000

/**
 * A library of seven photos: a beach (4000×3000), its half-size copy, and the very same beach
 * file in another folder; a forest and its recompressed copy (the same size, sharper copy
 * first); a lone sea; and a mountain. Pairs as the near-duplicate rule would make them.
 */
function library() {
  const store = openLibraryStore(tempDir())
  stores.push(store)
  const at = (n: number) => Date.UTC(2024, 0, 1) + n * DAY
  const beach = photoFacts(1, { mtime: at(1), bytes: 4_000_000 })
  const small = photoFacts(2, { mtime: at(2), width: 2000, height: 1500, bytes: 900_000 })
  const forest = photoFacts(3, { mtime: at(10), bytes: 3_000_000 })
  const forestCopy = photoFacts(4, { mtime: at(11), bytes: 3_000_000, format: 'webp' })
  const ids = {
    beach: addPhoto(store, '/photos/trip/beach.jpg', beach),
    small: addPhoto(store, '/photos/trip/beach-small.jpg', small),
    beachAgain: addPhoto(store, '/photos/backup/beach.jpg', beach),
    forest: addPhoto(store, '/photos/trip/forest.jpg', forest),
    forestCopy: addPhoto(store, '/photos/trip/forest.webp', forestCopy),
    sea: addPhoto(store, '/photos/trip/sea.jpg', photoFacts(5, { mtime: at(5) })),
    mountain: addPhoto(store, '/photos/trip/mountain.jpg', photoFacts(6, { mtime: at(6) }))
  }
  const pair = (a: string, b: string): void => {
    const [x, y] = [a, b].sort()
    store.db.prepare('INSERT INTO library_similar (a, b, distance) VALUES (?, ?, 10)').run(x, y)
  }
  pair(beach.hash, small.hash)
  pair(forest.hash, forestCopy.hash)
  const sharp = store.db.prepare(
    'INSERT INTO library_near_keys (hash, key, sharpness) VALUES (?, NULL, ?)'
  )
  sharp.run(forest.hash, 50)
  sharp.run(forestCopy.hash, 80)

  const changes: { added: number; removed: number }[] = []
  const handlers = duplicateHandlers({
    db: store.db,
    changed: (c) => changes.push(c),
    now: () => 1234
  })
  const router = createRouter(handlers as unknown as Handlers, memoryLogger())
  const ask = async <T>(channel: string, params: unknown): Promise<Envelope<T>> =>
    (await router.dispatch(channel, params)) as Envelope<T>
  const call = async <T>(channel: string, params: unknown): Promise<T> => {
    const r = await ask<T>(channel, params)
    if (!r.ok) throw new Error(`${channel}: ${r.error.code}: ${r.error.message}`)
    return r.value
  }
  return { store, ids, changes, ask, call }
}

type Page = { total: number; groups: DuplicateGroup[] }
const names = (g: DuplicateGroup | null): string[] => g?.members.map((m) => m.name) ?? []

describe('the duplicate review', () => {
  it('lists groups a page at a time, newest first, the suggested copy first', async () => {
    const { ids, call } = library()
    const all = await call<Page>('library:duplicate-groups', { offset: 0, limit: 10 })
    expect(all.total).toBe(2)
    expect(all.groups.map(names)).toEqual([
      // The forest's copy is sharper: it is the one to keep.
      ['forest.webp', 'forest.jpg'],
      // Most pixels first; then the two exact copies, oldest first.
      ['beach.jpg', 'beach.jpg', 'beach-small.jpg']
    ])
    const [forest, beach] = all.groups
    expect(forest!.best).toBe(ids.forestCopy)
    expect(beach!.best).toBe(beach!.members[0]!.id)
    expect(beach!.members[0]).toMatchObject({
      width: 4000,
      height: 3000,
      size: 4_000_000,
      format: 'jpeg',
      thumb: expect.stringMatching(/\.jpg$/)
    })
    // What tells the two exact copies apart, and what tells them from the smaller one.
    expect(beach!.members.map((m) => m.folder).sort()).toEqual([
      '/photos/backup',
      '/photos/trip',
      '/photos/trip'
    ])
    expect(new Set(beach!.members.map((m) => m.content)).size).toBe(2)

    const second = await call<Page>('library:duplicate-groups', { offset: 1, limit: 1 })
    expect(second).toEqual({ total: 2, groups: [beach] })
    expect(await call<Page>('library:duplicate-groups', { offset: 5, limit: 1 })).toEqual({
      total: 2,
      groups: []
    })
  })

  it("opens any member's group, and none for a photo without duplicates", async () => {
    const { ids, call } = library()
    const { groups } = await call<Page>('library:duplicate-groups', {})
    for (const id of [ids.beach, ids.small, ids.beachAgain])
      expect(await call('library:duplicate-group-of', { id })).toEqual(groups[1])
    expect(await call('library:duplicate-group-of', { id: ids.sea })).toBeNull()
    expect(await call('library:duplicate-group-of', { id: 9999 })).toBeNull()
  })

  it('"keep this one": the others go to the Trash and the group with them; Undo brings it back', async () => {
    const { store, ids, call } = library()
    // What the window does: library:remove of every member but the one kept.
    expect(store.photos.remove([ids.forest], 2000)).toBe(1)
    expect(names(await call('library:duplicate-group-of', { id: ids.forestCopy }))).toEqual([])
    expect((await call<Page>('library:duplicate-groups', {})).total).toBe(1)
    expect(await call('library:duplicate-group-of', { id: ids.forest })).toBeNull()

    expect(store.photos.restore([ids.forest])).toBe(1)
    expect(names(await call('library:duplicate-group-of', { id: ids.forest }))).toEqual([
      'forest.webp',
      'forest.jpg'
    ])
  })

  it('"not duplicates" is remembered: the group leaves the review and the window is told', async () => {
    const { store, ids, changes, call } = library()
    expect(await call('library:not-duplicates', { ids: [ids.forest, ids.forestCopy] })).toEqual({
      remembered: 1
    })
    expect(changes).toEqual([{ added: 0, removed: 0 }])
    const page = await call<Page>('library:duplicate-groups', {})
    expect(page.groups.map(names)).toEqual([['beach.jpg', 'beach.jpg', 'beach-small.jpg']])
    expect(await call('library:duplicate-group-of', { id: ids.forest })).toBeNull()
    expect(store.db.prepare('SELECT at FROM library_not_duplicates').all()).toEqual([{ at: 1234 }])

    // A group with exact copies: the near-duplicate leaves, the copies of one file stay.
    await call('library:not-duplicates', { ids: [ids.beach, ids.small, ids.beachAgain] })
    const left = await call<DuplicateGroup>('library:duplicate-group-of', { id: ids.beach })
    expect(names(left)).toEqual(['beach.jpg', 'beach.jpg'])
    expect(await call('library:duplicate-group-of', { id: ids.small })).toBeNull()
  })

  it('says why when "not duplicates" cannot apply, and changes nothing', async () => {
    const { store, ids, changes, ask } = library()
    expect(await ask('library:not-duplicates', { ids: [ids.beach, ids.beachAgain] })).toEqual({
      ok: false,
      error: { code: 'conflict', message: expect.stringContaining('copies of one file') }
    })
    expect(await ask('library:not-duplicates', { ids: [8888, 9999] })).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'Those photos are no longer in the library.' }
    })
    store.photos.remove([ids.small], 1)
    expect(await ask('library:not-duplicates', { ids: [ids.small, ids.beach] })).toMatchObject({
      ok: false,
      error: { code: 'conflict' }
    })
    expect(changes).toEqual([])
    expect(store.db.prepare('SELECT * FROM library_not_duplicates').all()).toEqual([])
  })

  it.each([
    ['library:duplicate-groups', { limit: 0 }],
    ['library:duplicate-groups', { limit: 101 }],
    ['library:duplicate-groups', { offset: -1 }],
    ['library:duplicate-groups', { offset: 1.5 }],
    ['library:duplicate-group-of', { id: 0 }],
    ['library:duplicate-group-of', {}],
    ['library:not-duplicates', { ids: [1] }],
    ['library:not-duplicates', { ids: [1, 1] }],
    ['library:not-duplicates', { ids: Array.from({ length: 1001 }, (_, i) => i + 1) }],
    ['library:not-duplicates', { ids: [1, 2], all: true }]
  ])('refuses %s %j with the reason', async (channel, params) => {
    const { ask } = library()
    const r = await ask(channel, params)
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_params' } })
    if (!r.ok) expect(r.error.message).toMatch(new RegExp(`^Invalid request ${channel}: `))
  })
})
