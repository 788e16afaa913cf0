import type { ListCursor } from '@shared/contract/library'

/** Photos picked in a grid (by id, so they stay picked while the list moves) and the anchor. */
export interface Selection {
  readonly ids: ReadonlySet<number>
  /** The index a Shift+click range starts from: the last plain or Ctrl/Cmd click. */
  readonly anchor: number | null
}

export const noSelection: Selection = { ids: new Set(), anchor: null }

export interface ClickMods {
  shift: boolean
  /** Ctrl, or Cmd on macOS. */
  toggle: boolean
}

/**
 * What a click on a photo does: with nothing picked a plain click opens it; Ctrl/Cmd+click
 * picks or unpicks one; Shift+click picks the range from the anchor; once photos are picked
 * a plain click picks or unpicks too (as in Google Photos), so a selection is built by clicks.
 */
export function clickIntent(selection: Selection, mods: ClickMods): 'open' | 'toggle' | 'range' {
  if (mods.shift && selection.anchor !== null) return 'range'
  if (mods.toggle || mods.shift || selection.ids.size > 0) return 'toggle'
  return 'open'
}

export function toggled(selection: Selection, index: number, id: number): Selection {
  const ids = new Set(selection.ids)
  if (ids.has(id)) ids.delete(id)
  else ids.add(id)
  return { ids, anchor: index }
}

export function withRange(selection: Selection, ids: readonly number[]): Selection {
  const next = new Set(selection.ids)
  for (const id of ids) next.add(id)
  return { ids: next, anchor: selection.anchor }
}

export const withAll = (ids: readonly number[]): Selection => ({ ids: new Set(ids), anchor: null })

/** One page of ids from main: from `offset`, or after `after` when given. */
export type IdPage = (args: {
  offset: number
  limit: number
  after?: ListCursor
}) => Promise<{ ids: number[]; next: ListCursor | null }>

const CHUNK = 500

/**
 * The ids at list indices first..last: those the grid holds, else read from main in pages of
 * 500 (keyset after the first page, so the last page costs what the first did).
 */
export async function idsInRange(
  first: number,
  last: number,
  held: (index: number) => number | undefined,
  page: IdPage
): Promise<number[]> {
  const lo = Math.min(first, last)
  const hi = Math.max(first, last)
  const known: number[] = []
  for (let i = lo; i <= hi; i++) {
    const id = held(i)
    if (id === undefined) break
    known.push(id)
  }
  if (known.length === hi - lo + 1) return known
  const ids: number[] = []
  let after: ListCursor | undefined
  while (ids.length < hi - lo + 1) {
    const limit = Math.min(CHUNK, hi - lo + 1 - ids.length)
    const got = after ? await page({ offset: 0, limit, after }) : await page({ offset: lo, limit })
    ids.push(...got.ids)
    if (!got.next || got.ids.length === 0) break
    after = got.next
  }
  return ids
}
