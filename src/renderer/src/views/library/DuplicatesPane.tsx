import { keepPreviousData } from '@tanstack/react-query'
import { useLayoutEffect, useRef, useState } from 'react'
import type { DuplicateGroup, DuplicateMember } from '@shared/contract/library-duplicates'
import { EmptyState } from '../../components/EmptyState'
import { ErrorNotice } from '../../components/ErrorNotice'
import { useApiMutation, useApiQuery } from '../../data/api-query'
import { errorText } from '../../lib/api'
import { DuplicateGroupCard } from './DuplicateGroupCard'
import { clampCursor, moveCursor, type Cursor } from './duplicate-cursor'
import { formatCount, plural } from './format'
import { StatusNote } from './StatusNote'
import text from '../../components/text.module.css'
import styles from './DuplicatesPane.module.css'

/** Groups per page: each is a row of tiles, so a page is a few screens at most. */
export const GROUPS_PER_PAGE = 20

interface DuplicatesPaneProps {
  /** Open at this photo's group (the lightbox's "N similar photos"); null: every group. */
  focusPhoto: number | null
  /** Leaves the one group for the whole review. */
  onShowAll(): void
  /** Moves photos to the library's Trash, with the view's Undo notice. */
  onRemove(ids: number[], label: string): Promise<boolean>
}

/**
 * The duplicate review, as in digiKam and Immich: each group's photos side by side with what
 * tells them apart, the copy to keep suggested. Keep one (the others go to the Trash, with
 * Undo) or say they are not duplicates (remembered). Every action has a key.
 */
export function DuplicatesPane({ focusPhoto, onShowAll, onRemove }: DuplicatesPaneProps) {
  const [offset, setOffset] = useState(0)
  // Null until the keys or a click move it: then the photo the pane was opened at.
  const [cursor, setCursor] = useState<Cursor | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [note, setNote] = useState<string | null>(null)
  const listRef = useRef<HTMLDivElement>(null)
  /** Move the keyboard focus to the cursor once the next groups are drawn. */
  const refocus = useRef(focusPhoto !== null)
  /** The focus is in the list: when its tile leaves (a group resolved), the cursor takes it. */
  const focusInside = useRef(false)

  const pinned = useApiQuery(
    'library:duplicate-group-of',
    { id: focusPhoto ?? 0 },
    { enabled: focusPhoto !== null }
  )
  const single = focusPhoto !== null && pinned.data !== null
  const page = useApiQuery(
    'library:duplicate-groups',
    { offset, limit: GROUPS_PER_PAGE },
    { placeholderData: keepPreviousData, enabled: !single }
  )
  const total = page.data?.total ?? 0
  const source = single ? pinned.data : page.data
  const all: readonly DuplicateGroup[] = single
    ? pinned.data
      ? [pinned.data]
      : []
    : (page.data?.groups ?? [])
  // A group the user resolved leaves at once; the next read of the groups says what is left.
  const [hidden, setHidden] = useState<{ from: unknown; keys: readonly string[] }>({
    from: null,
    keys: []
  })
  const groups = hidden.from === source ? all.filter((g) => !hidden.keys.includes(g.key)) : all
  const hide = (key: string): void =>
    setHidden((h) => ({ from: source, keys: h.from === source ? [...h.keys, key] : [key] }))
  const loading = single ? pinned.data === undefined : page.data === undefined
  const opened = Math.max(0, groups[0]?.members.findIndex((m) => m.id === focusPhoto) ?? 0)
  const at = clampCursor(
    cursor ?? { group: 0, member: single ? opened : 0 },
    groups.map((g) => g.members.length)
  )

  // The last page emptied (its groups resolved): show the one before.
  if (!single && page.data && page.data.groups.length === 0 && offset > 0)
    setOffset(Math.max(0, Math.floor((page.data.total - 1) / GROUPS_PER_PAGE) * GROUPS_PER_PAGE))

  useLayoutEffect(() => {
    const list = listRef.current
    if (loading || !list) return
    const active = document.activeElement
    const lost = focusInside.current && (!active || active === document.body)
    if (!refocus.current && !lost) return
    const tile = list.querySelector<HTMLElement>(`[data-tile="${at.group}:${at.member}"]`)
    if (!tile) return
    refocus.current = false
    if (tile !== active) tile.focus()
  })

  const { mutateAsync: dismiss } = useApiMutation('library:not-duplicates')

  const keep = async (group: DuplicateGroup, member: DuplicateMember): Promise<void> => {
    const others = group.members.filter((m) => m.id !== member.id).map((m) => m.id)
    setBusy(true)
    setNote(null)
    const label = `${plural(others.length, 'duplicate')} of ${member.name}`
    const done = await onRemove(others, label)
    setBusy(false)
    if (!done) return
    hide(group.key)
    if (single) onShowAll()
  }

  const notDuplicates = async (group: DuplicateGroup): Promise<void> => {
    setBusy(true)
    setError(null)
    try {
      await dismiss({ ids: group.members.map((m) => m.id) })
      hide(group.key)
      const copies = new Set(group.members.map((m) => m.content)).size < group.members.length
      setNote(
        `Remembered: ${plural(group.members.length, 'photo')} are not duplicates` +
          (copies ? '; exact copies of one file stay together.' : '.')
      )
      if (single) onShowAll()
    } catch (e) {
      setError(`Not remembered: ${errorText(e)}`)
    } finally {
      setBusy(false)
    }
  }

  const turn = (by: -1 | 1): void => {
    setOffset((o) => Math.max(0, o + by * GROUPS_PER_PAGE))
    listRef.current?.scrollTo({ top: 0 })
  }

  const onKeyDown = (e: React.KeyboardEvent): void => {
    if (e.ctrlKey || e.metaKey || e.altKey || busy) return
    const pages = {
      previous: !single && offset > 0,
      next: !single && offset + GROUPS_PER_PAGE < total
    }
    const move = moveCursor(
      at,
      e.key,
      groups.map((g) => g.members.length),
      pages
    )
    const group = groups[at.group]
    const member = group?.members[at.member]
    if (move) {
      if (move.page) turn(move.page)
      setCursor(move.cursor)
      refocus.current = true
    } else if (group && member && (e.key.toLowerCase() === 'k' || isTileEnter(e))) {
      void keep(group, member)
    } else if (group && e.key.toLowerCase() === 'n') {
      // A group of copies of one file is refused by main, with the reason shown.
      void notDuplicates(group)
    } else return
    e.preventDefault()
  }

  const first = offset + 1
  const last = offset + groups.length
  return (
    <div className={styles.pane}>
      <div className={styles.toolbar} role="toolbar" aria-label="Duplicates">
        {single ? (
          <>
            <span>The duplicates of this photo</span>
            <button type="button" onClick={onShowAll}>
              Show every group
            </button>
          </>
        ) : (
          <span>
            {loading ? 'Looking for duplicates…' : plural(total, 'group')}
            <span className={text.muted}> · Suggested: largest, then sharpest, then oldest</span>
          </span>
        )}
        <span className={styles.spacer} />
        {!single && total > GROUPS_PER_PAGE && (
          <span className={styles.pager}>
            <span className={text.muted}>
              {formatCount(first)}–{formatCount(last)} of {formatCount(total)}
            </span>
            <button type="button" disabled={offset === 0} onClick={() => turn(-1)}>
              ‹ Previous
            </button>
            <button
              type="button"
              disabled={offset + GROUPS_PER_PAGE >= total}
              onClick={() => turn(1)}
            >
              Next ›
            </button>
          </span>
        )}
      </div>
      {groups.length > 0 && (
        <p className={`${text.muted} ${text.small} ${styles.hint}`} id="duplicate-keys">
          <kbd>←</kbd> <kbd>→</kbd> photos · <kbd>↑</kbd> <kbd>↓</kbd> groups · <kbd>Enter</kbd> or{' '}
          <kbd>K</kbd> keep this one, the others go to the Trash · <kbd>N</kbd> not duplicates ·{' '}
          <kbd>Ctrl/Cmd+Z</kbd> undo · <kbd>PgUp</kbd> <kbd>PgDn</kbd> pages
        </p>
      )}
      {error && <ErrorNotice error={new Error(error)} onDismiss={() => setError(null)} />}
      <StatusNote note={note} onDismiss={() => setNote(null)} />
      {page.error && <ErrorNotice error={page.error} what="The duplicates could not be read" />}
      {pinned.error && (
        <ErrorNotice error={pinned.error} what="That photo's duplicates could not be read" />
      )}
      {focusPhoto !== null && pinned.data === null && (
        <p className={text.muted} role="status">
          That photo has no duplicates left. Here are all the groups.
        </p>
      )}
      {groups.length > 0 ? (
        <div
          ref={listRef}
          className={styles.list}
          role="list"
          aria-label="Duplicate groups"
          aria-describedby="duplicate-keys"
          aria-busy={busy}
          onKeyDown={onKeyDown}
          onFocus={() => (focusInside.current = true)}
          onBlur={(e) => {
            if (!e.currentTarget.contains(e.relatedTarget)) focusInside.current = false
          }}
        >
          {groups.map((g, i) => (
            <DuplicateGroupCard
              key={g.key}
              group={g}
              index={i}
              position={single ? 1 : offset + i + 1}
              count={single ? 1 : total}
              cursor={at.group === i ? at.member : null}
              busy={busy}
              onCursor={(member) => setCursor({ group: i, member })}
              onKeep={(m) => void keep(g, m)}
              onNotDuplicates={() => void notDuplicates(g)}
            />
          ))}
        </div>
      ) : loading ? null : (
        <EmptyState title="No duplicates found">
          <p>
            Copies of a photo (the same file twice, or resized, recompressed or re-encoded) show up
            here side by side, so you can keep the best one. New imports are checked after they
            finish.
          </p>
        </EmptyState>
      )}
    </div>
  )
}

/** Enter on a tile itself keeps it; on one of its buttons, the button acts. */
const isTileEnter = (e: React.KeyboardEvent): boolean =>
  e.key === 'Enter' && (e.target as HTMLElement).dataset.tile !== undefined
