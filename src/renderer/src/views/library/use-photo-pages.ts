import { startTransition, useCallback, useEffect, useRef, useState } from 'react'
import type { LibraryFilter, PhotoSummary, SortKey } from '@shared/contract/library'
import { useEvent } from '../../hooks/use-event'
import { call } from '../../lib/api'

export interface PhotoQuery {
  sort: SortKey
  descending: boolean
  filter: LibraryFilter
}

const PAGE = 120
/** While photos stream in, the grid refreshes at most this often. */
const REFRESH_MS = 800

/**
 * The photo list, fetched a page at a time as the grid scrolls: thousands of photos never
 * cross the bridge at once. After a change, pages are refetched in place (old data stays on
 * screen until the new page arrives, so nothing flashes).
 */
export function usePhotoPages(query: PhotoQuery) {
  const [total, setTotal] = useState<number | null>(null)
  const [, setTick] = useState(0)
  const pages = useRef(new Map<number, { items: PhotoSummary[]; generation: number }>())
  const loading = useRef(new Set<number>())
  const generation = useRef(0)
  const queryKey = JSON.stringify(query)
  const queryRef = useRef(query)
  useEffect(() => {
    queryRef.current = query
  })

  const load = useCallback(async (page: number, gen: number) => {
    if (loading.current.has(page)) return
    loading.current.add(page)
    try {
      const result = await call('library:list', {
        ...queryRef.current,
        offset: page * PAGE,
        limit: PAGE
      })
      if (gen !== generation.current) return
      pages.current.set(page, { items: result.items, generation: gen })
      // A page that arrived is not urgent: React renders it in slices, between frames and keys.
      startTransition(() => {
        setTotal(result.total)
        setTick((t) => t + 1)
      })
    } catch {
      // The next scroll or refresh asks again.
    } finally {
      loading.current.delete(page)
    }
  }, [])

  // A new sort or filter: start over.
  useEffect(() => {
    generation.current++
    pages.current.clear()
    loading.current.clear()
    void load(0, generation.current)
  }, [queryKey, load])

  const refresh = useCallback(() => {
    generation.current++
    const gen = generation.current
    const known = [...pages.current.keys()]
    for (const page of known.length ? known : [0]) {
      loading.current.delete(page)
      void load(page, gen)
    }
  }, [load])

  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  useEvent('library:changed', () => {
    if (timer.current) return
    timer.current = setTimeout(() => {
      timer.current = null
      refresh()
    }, REFRESH_MS)
  })
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current)
      timer.current = null
    },
    []
  )

  /** The photo at an index, or undefined while its page loads (the request is made here). */
  const item = useCallback(
    (index: number): PhotoSummary | undefined => {
      const page = Math.floor(index / PAGE)
      const entry = pages.current.get(page)
      if (!entry || entry.generation !== generation.current) void load(page, generation.current)
      return entry?.items[index - page * PAGE]
    },
    [load]
  )

  /** Drops pages after a removal so positions are right again. */
  const reload = useCallback(() => {
    pages.current.clear()
    refresh()
  }, [refresh])

  return { total, item, refresh, reload }
}
