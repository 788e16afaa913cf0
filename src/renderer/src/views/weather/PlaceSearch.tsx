import { useEffect, useId, useState, type KeyboardEvent } from 'react'
import type { Result } from '@shared/contract'
import type { GeoPlace } from '@shared/contract/weather'
import { useApiQuery } from '../../data/api-query'
import { errorText } from '../../lib/api'
import badges from '../../components/badges.module.css'
import text from '../../components/text.module.css'
import { GeoNamesCredit } from './Credits'
import styles from './PlaceSearch.module.css'

/** Search Open-Meteo's geocoding by name; results show region and country to tell places apart. */
export function PlaceSearch({
  onAdd,
  isAdded = () => false,
  label = 'Search for a place to add',
  placeholder = 'Add a place… (e.g. Paris)'
}: {
  onAdd: (place: GeoPlace) => Promise<void>
  /** Already in the list: picking it again just opens it. */
  isAdded?: (place: GeoPlace) => boolean
  /** The field's name and hint where the search picks a place for something else ("Set place…"). */
  label?: string
  placeholder?: string
}) {
  const [query, setQuery] = useState('')
  // What is searched: the field's text once typing pauses for 250 ms.
  const [term, setTerm] = useState('')
  const [active, setActive] = useState(0)
  const listId = useId()

  useEffect(() => {
    const q = query.trim()
    if (q.length < 2) return
    const timer = setTimeout(() => setTerm(q), 250)
    return () => clearTimeout(timer)
  }, [query])

  const search = useApiQuery(
    'weather:search',
    { query: term },
    // Geocoding is a remote service that asks for restraint; a name's places do not move.
    { enabled: term.length >= 2, staleTime: 5 * 60_000 }
  )
  // The last answer stays up while the next term's is on its way; a new one starts at the top.
  const [answer, setAnswer] = useState<Result<'weather:search'> | null>(null)
  if (search.data && search.data !== answer) {
    setAnswer(search.data)
    setActive(0)
  }
  const results = answer?.results ?? null
  const busy = search.isFetching
  const error = search.error ? errorText(search.error) : null
  const clear = (): void => {
    setTerm('')
    setAnswer(null)
  }

  const open = query.trim().length >= 2 && (results !== null || error !== null)
  const add = async (p: GeoPlace): Promise<void> => {
    await onAdd(p)
    setQuery('')
    clear()
  }
  const onKey = (e: KeyboardEvent<HTMLInputElement>): void => {
    // An Escape that clears the field is used up here (a dialog around it stays open).
    if (!results?.length) {
      if (e.key === 'Escape' && query) {
        e.preventDefault()
        setQuery('')
      }
      return
    }
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault()
      const d = e.key === 'ArrowDown' ? 1 : -1
      setActive((a) => (a + d + results.length) % results.length)
    } else if (e.key === 'Enter') {
      e.preventDefault()
      const p = results[active]
      if (p) void add(p)
    } else if (e.key === 'Escape') {
      e.preventDefault()
      setQuery('')
      clear()
    }
  }

  return (
    <div className={styles.search}>
      <input
        type="search"
        role="combobox"
        aria-label={label}
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && results?.length ? `${listId}-${active}` : undefined}
        placeholder={placeholder}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value)
          if (e.target.value.trim().length < 2) clear()
        }}
        onKeyDown={onKey}
      />
      {busy && <span className={`${styles.busy} ${text.muted}`}>Searching…</span>}
      {open && (
        <div className={styles.pop}>
          {error ? (
            <p className={text.error}>{error}</p>
          ) : results && results.length === 0 ? (
            <p className={text.muted}>No place called “{query.trim()}” was found.</p>
          ) : (
            <ul id={listId} role="listbox" aria-label="Places found">
              {results?.map((p, i) => (
                <li
                  key={`${p.geonameId}-${i}`}
                  id={`${listId}-${i}`}
                  role="option"
                  aria-selected={i === active}
                  className={i === active ? styles.active : undefined}
                  onMouseEnter={() => setActive(i)}
                  onMouseDown={(e) => e.preventDefault()}
                  onClick={() => void add(p)}
                >
                  <span className={styles.name}>{p.name}</span>
                  <span className={text.muted}>
                    {[p.admin1, p.country].filter(Boolean).join(', ')}
                    {p.countryCode ? ` (${p.countryCode})` : ''}
                  </span>
                  {isAdded(p) && <span className={badges.busy}>In your list</span>}
                  {p.population ? (
                    <span className={`${text.muted} ${styles.population}`}>
                      pop. {p.population.toLocaleString()}
                    </span>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
          <GeoNamesCredit />
        </div>
      )}
    </div>
  )
}
