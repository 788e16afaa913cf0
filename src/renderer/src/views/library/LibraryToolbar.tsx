import { useId } from 'react'
import { naturalDescending, type SortKey } from '@shared/contract/library'
import { ErrorNotice } from '../../components/ErrorNotice'
import { useApiQuery } from '../../data/api-query'
import { FailureList } from './FailureList'
import { formatCount, fromDateInput, plural, shortFolder, toDateInput } from './format'
import { Popover } from './Popover'
import { THUMB_MAX, THUMB_MIN, THUMB_STEP } from './use-thumb-size'
import type { PhotoQuery } from './use-photo-pages'
import layout from '../../components/layout.module.css'
import text from '../../components/text.module.css'
import styles from './LibraryToolbar.module.css'

const sortLabels: Record<SortKey, string> = {
  taken: 'Date taken',
  imported: 'Date imported',
  name: 'Name',
  size: 'File size'
}
const directionWords: Record<SortKey, [asc: string, desc: string]> = {
  taken: ['oldest first', 'newest first'],
  imported: ['oldest first', 'newest first'],
  name: ['A to Z', 'Z to A'],
  size: ['smallest first', 'largest first']
}

/** A new sort starts in its key's natural direction: names A→Z, dates newest, sizes largest. */
export const withSort = (query: PhotoQuery, sort: SortKey): PhotoQuery => ({
  ...query,
  sort,
  descending: naturalDescending[sort]
})

/**
 * One row above the grid: sort, filters and import failures folded into buttons with panels,
 * the thumbnail size and the count. Each label stays with its field at any width.
 */
export function LibraryToolbar({
  query,
  onChange,
  total,
  thumbSize,
  onThumbSize
}: {
  query: PhotoQuery
  onChange(q: PhotoQuery): void
  total: number | null
  thumbSize: number
  onThumbSize(size: number): void
}) {
  // Read again at most every 2 s while the library changes (data/invalidations.ts).
  const choices = useApiQuery('library:facets', {})
  // The same read as the failure list's first page: one request for both.
  const failures = useApiQuery('library:failures', { offset: 0, limit: 100 })
  const facets = choices.data ?? null
  const ids = {
    sort: useId(),
    folder: useId(),
    format: useId(),
    from: useId(),
    to: useId(),
    size: useId()
  }

  const f = query.filter
  const setFilter = (patch: Partial<PhotoQuery['filter']>): void => {
    const next = { ...f, ...patch }
    for (const k of Object.keys(next) as (keyof typeof next)[])
      if (next[k] === undefined || next[k] === '' || next[k] === false) delete next[k]
    onChange({ ...query, filter: next })
  }
  const active = Object.keys(f).length + (f.from !== undefined && f.to !== undefined ? -1 : 0)
  const [asc, desc] = directionWords[query.sort]
  const notImported = failures.data?.total ?? 0

  return (
    <div
      className={`${layout.toolbar} ${styles.toolbar}`}
      role="toolbar"
      aria-label="Sort and filter"
    >
      <span className={styles.field}>
        <label htmlFor={ids.sort}>Sort</label>
        <select
          id={ids.sort}
          value={query.sort}
          onChange={(e) => onChange(withSort(query, e.target.value as SortKey))}
        >
          {(Object.keys(sortLabels) as SortKey[]).map((k) => (
            <option key={k} value={k}>
              {sortLabels[k]}
            </option>
          ))}
        </select>
        <button
          type="button"
          aria-label={`${query.descending ? desc : asc}; switch to ${query.descending ? asc : desc}`}
          title={query.descending ? desc : asc}
          onClick={() => onChange({ ...query, descending: !query.descending })}
        >
          {query.descending ? '↓' : '↑'}
        </button>
      </span>
      <Popover label="Filters" title="Filters" badge={active > 0 ? String(active) : undefined}>
        <div className={styles.filters}>
          <label htmlFor={ids.folder}>Folder</label>
          <select
            id={ids.folder}
            className={styles.folder}
            value={f.folder ?? ''}
            onChange={(e) => setFilter({ folder: e.target.value || undefined })}
          >
            <option value="">All folders</option>
            {facets?.folders.map((x) => (
              <option key={x.folder} value={x.folder} title={x.folder}>
                {shortFolder(x.folder)} ({formatCount(x.count)})
              </option>
            ))}
          </select>
          <label htmlFor={ids.format}>Format</label>
          <select
            id={ids.format}
            value={f.format ?? ''}
            onChange={(e) => setFilter({ format: e.target.value || undefined })}
          >
            <option value="">All</option>
            {facets?.formats.map((x) => (
              <option key={x.format} value={x.format}>
                {x.format.toUpperCase()} ({formatCount(x.count)})
              </option>
            ))}
          </select>
          <label htmlFor={ids.from}>From</label>
          <span className={styles.range}>
            <input
              id={ids.from}
              type="date"
              value={toDateInput(f.from)}
              onChange={(e) => setFilter({ from: fromDateInput(e.target.value, false) })}
            />
            <label htmlFor={ids.to}>to</label>
            <input
              id={ids.to}
              type="date"
              value={toDateInput(f.to)}
              onChange={(e) => setFilter({ to: fromDateInput(e.target.value, true) })}
            />
          </span>
          <span />
          <label className={styles.check}>
            <input
              type="checkbox"
              checked={f.duplicates ?? false}
              onChange={(e) => setFilter({ duplicates: e.target.checked })}
            />
            Only duplicates
            {facets && facets.duplicates > 0 ? ` (${formatCount(facets.duplicates)})` : ''}
          </label>
        </div>
        {choices.error && (
          <ErrorNotice compact error={choices.error} what="The filter choices could not be read" />
        )}
      </Popover>
      {active > 0 && (
        <button type="button" onClick={() => onChange({ ...query, filter: {} })}>
          Clear filters
        </button>
      )}
      {notImported > 0 && (
        <Popover
          label="Not imported"
          title="Import failures"
          badge={formatCount(notImported)}
          tone="danger"
        >
          <FailureList embedded />
        </Popover>
      )}
      <span className={layout.spacer} />
      <span className={styles.field}>
        <label htmlFor={ids.size}>Size</label>
        <input
          id={ids.size}
          type="range"
          className={styles.slider}
          min={THUMB_MIN}
          max={THUMB_MAX}
          step={8}
          value={thumbSize}
          title={`Thumbnail size (Ctrl/Cmd + and −, ${THUMB_STEP} px a step)`}
          onChange={(e) => onThumbSize(Number(e.target.value))}
        />
      </span>
      <span className={`${text.muted} ${styles.count}`} aria-live="polite">
        {total === null ? '' : plural(total, 'photo')}
      </span>
    </div>
  )
}
