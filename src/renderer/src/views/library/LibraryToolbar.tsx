import { useId } from 'react'
import type { SortKey } from '@shared/contract/library'
import { ErrorNotice } from '../../components/ErrorNotice'
import { useApiQuery } from '../../data/api-query'
import { formatCount, fromDateInput, shortFolder, toDateInput } from './format'
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

/** Sort and filters for the grid; the choices come from what is in the library. */
export function LibraryToolbar({
  query,
  onChange,
  total
}: {
  query: PhotoQuery
  onChange(q: PhotoQuery): void
  total: number | null
}) {
  // Read again at most every 2 s while the library changes (data/invalidations.ts).
  const choices = useApiQuery('library:facets', {})
  const facets = choices.data ?? null
  const ids = { sort: useId(), folder: useId(), format: useId(), from: useId(), to: useId() }

  const f = query.filter
  const setFilter = (patch: Partial<PhotoQuery['filter']>): void => {
    const next = { ...f, ...patch }
    for (const k of Object.keys(next) as (keyof typeof next)[])
      if (next[k] === undefined || next[k] === '' || next[k] === false) delete next[k]
    onChange({ ...query, filter: next })
  }
  const filtered = Object.keys(f).length > 0

  return (
    <div
      className={`${layout.toolbar} ${styles.toolbar}`}
      role="toolbar"
      aria-label="Sort and filter"
    >
      <label htmlFor={ids.sort}>Sort</label>
      <select
        id={ids.sort}
        value={query.sort}
        onChange={(e) => onChange({ ...query, sort: e.target.value as SortKey })}
      >
        {(Object.keys(sortLabels) as SortKey[]).map((k) => (
          <option key={k} value={k}>
            {sortLabels[k]}
          </option>
        ))}
      </select>
      <button
        type="button"
        aria-label={
          query.descending
            ? 'Descending order; switch to ascending'
            : 'Ascending order; switch to descending'
        }
        title={query.descending ? 'Newest / largest / Z first' : 'Oldest / smallest / A first'}
        onClick={() => onChange({ ...query, descending: !query.descending })}
      >
        {query.descending ? '↓' : '↑'}
      </button>
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
      <label className={styles.check}>
        <input
          type="checkbox"
          checked={f.duplicates ?? false}
          onChange={(e) => setFilter({ duplicates: e.target.checked })}
        />
        Duplicates{facets && facets.duplicates > 0 ? ` (${formatCount(facets.duplicates)})` : ''}
      </label>
      {filtered && (
        <button type="button" onClick={() => onChange({ ...query, filter: {} })}>
          Clear filters
        </button>
      )}
      {choices.error && (
        <ErrorNotice compact error={choices.error} what="The filter choices could not be read" />
      )}
      <span className={layout.spacer} />
      <span className={text.muted} aria-live="polite">
        {total === null ? '' : `${formatCount(total)} photo${total === 1 ? '' : 's'}`}
      </span>
    </div>
  )
}
