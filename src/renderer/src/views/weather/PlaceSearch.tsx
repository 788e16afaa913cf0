import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react'
import type { GeoPlace } from '@shared/contract/weather'
import { call, errorText } from '../../lib/api'
import { GeoNamesCredit } from './Credits'

/** Search Open-Meteo's geocoding by name; results show region and country to tell places apart. */
export function PlaceSearch({
  onAdd,
  isAdded
}: {
  onAdd: (place: GeoPlace) => Promise<void>
  /** Already in the list: picking it again just opens it. */
  isAdded: (place: GeoPlace) => boolean
}) {
  const [query, setQuery] = useState('')
  const [results, setResults] = useState<GeoPlace[] | null>(null)
  const [active, setActive] = useState(0)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const listId = useId()
  const seq = useRef(0)

  useEffect(() => {
    const q = query.trim()
    if (q.length < 2) return
    const mine = ++seq.current
    const timer = setTimeout(() => {
      setBusy(true)
      call('weather:search', { query: q })
        .then((r) => {
          if (mine !== seq.current) return
          setResults(r.results)
          setActive(0)
          setError(null)
        })
        .catch((e: unknown) => mine === seq.current && setError(errorText(e)))
        .finally(() => mine === seq.current && setBusy(false))
    }, 250)
    return () => clearTimeout(timer)
  }, [query])

  const open = query.trim().length >= 2 && (results !== null || error !== null)
  const add = async (p: GeoPlace): Promise<void> => {
    await onAdd(p)
    seq.current++
    setQuery('')
    setResults(null)
  }
  const onKey = (e: KeyboardEvent<HTMLInputElement>): void => {
    if (!results?.length) {
      if (e.key === 'Escape') setQuery('')
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
      setQuery('')
      setResults(null)
    }
  }

  return (
    <div className="wx-search">
      <input
        type="search"
        role="combobox"
        aria-label="Search for a place to add"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && results?.length ? `${listId}-${active}` : undefined}
        placeholder="Add a place… (e.g. Paris)"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value)
          if (e.target.value.trim().length < 2) {
            setResults(null)
            setError(null)
          }
        }}
        onKeyDown={onKey}
      />
      {busy && <span className="wx-search-busy muted">Searching…</span>}
      {open && (
        <div className="wx-search-pop">
          {error ? (
            <p className="error-text">{error}</p>
          ) : results && results.length === 0 ? (
            <p className="muted">No place called “{query.trim()}” was found.</p>
          ) : (
            <ul id={listId} role="listbox" aria-label="Places found">
              {results?.map((p, i) => (
                <li
                  key={`${p.geonameId}-${i}`}
                  id={`${listId}-${i}`}
                  role="option"
                  aria-selected={i === active}
                  className={i === active ? 'active' : undefined}
                  onMouseEnter={() => setActive(i)}
                  onMouseDown={(e) => e.preventDefault()}
                  onClick={() => void add(p)}
                >
                  <span className="wx-search-name">{p.name}</span>
                  <span className="muted">
                    {[p.admin1, p.country].filter(Boolean).join(', ')}
                    {p.countryCode ? ` (${p.countryCode})` : ''}
                  </span>
                  {isAdded(p) && <span className="badge busy">In your list</span>}
                  {p.population ? (
                    <span className="muted wx-search-pop-n">
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
