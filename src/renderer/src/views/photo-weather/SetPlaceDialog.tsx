import { useEffect, useId, useRef, useState } from 'react'
import { createPortal } from 'react-dom'
import type { GeoPlace } from '@shared/contract/weather'
import { placeLabel } from '@shared/weather/time'
import { ErrorNotice } from '../../components/ErrorNotice'
import { useApiMutation, useApiQuery } from '../../data/api-query'
import { PlaceSearch } from '../weather/PlaceSearch'
import buttons from '../../components/buttons.module.css'
import text from '../../components/text.module.css'
import styles from './SetPlaceDialog.module.css'

/** A weather place (by id) or a place found by the search. */
type Choice = { kind: 'place'; id: number } | { kind: 'found'; place: GeoPlace }

/**
 * "Set place…": gives photos without GPS the position of one of the weather places, or of any
 * place found with the weather desk's search. Drawn over everything (a portal), and keeps its
 * keys to itself so a lightbox under it stays put.
 */
export function SetPlaceDialog({ photoIds, onClose }: { photoIds: number[]; onClose(): void }) {
  const places = useApiQuery('weather:places', {})
  const setPlace = useApiMutation('photo-weather:set-place')
  const [chosen, setChosen] = useState<Choice | null>(null)
  // The last place found stays in the list (chosen) until another one is found.
  const [found, setFound] = useState<GeoPlace | null>(null)
  const [note, setNote] = useState<string | null>(null)
  const ref = useRef<HTMLDivElement>(null)
  const title = useId()
  const list = places.data?.places.filter((p) => !p.removed) ?? []

  useEffect(() => {
    const before = document.activeElement as HTMLElement | null
    ref.current?.focus()
    return () => before?.focus?.()
  }, [])

  const apply = (): void => {
    const place =
      chosen?.kind === 'found'
        ? chosen.place
        : list.find((p) => chosen?.kind === 'place' && p.id === chosen.id)
    if (!place) return
    setPlace.mutate(
      {
        photoIds,
        latitude: place.latitude,
        longitude: place.longitude,
        timezone: place.timezone
      },
      {
        // Photos with GPS of their own keep it: say so rather than close as if done.
        onSuccess: ({ updated }) =>
          updated === photoIds.length
            ? onClose()
            : setNote(
                updated === 0
                  ? 'These photos have a GPS position of their own: nothing changed.'
                  : `Set for ${updated} of ${photoIds.length} photos; the others have a GPS position of their own.`
              )
      }
    )
  }

  return createPortal(
    <div className={styles.overlay} onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div
        ref={ref}
        className={styles.dialog}
        role="dialog"
        aria-modal="true"
        aria-labelledby={title}
        tabIndex={-1}
        onKeyDown={(e) => {
          e.stopPropagation()
          // The search's own Escape (clearing its field) leaves the dialog open.
          if (e.key === 'Escape' && !e.defaultPrevented) onClose()
        }}
      >
        <h2 id={title}>Set place</h2>
        <p className={text.muted}>
          Where {photoIds.length === 1 ? 'was this photo' : `were these ${photoIds.length} photos`}{' '}
          taken? Search for a place, or pick one of your weather places.
        </p>
        <div className={styles.search}>
          <PlaceSearch
            label="Search for the place the photos were taken"
            placeholder="Search a place… (e.g. Lyon)"
            onAdd={async (place) => {
              setFound(place)
              setChosen({ kind: 'found', place })
              setNote(null)
            }}
          />
        </div>
        {places.error && <ErrorNotice error={places.error} what="Your places could not be read" />}
        {places.data && list.length === 0 && !found && (
          <p className={text.muted}>No weather places yet: search for the place instead.</p>
        )}
        <div className={styles.places} role="radiogroup" aria-label="Places">
          {found && (
            <label className={styles.place}>
              <input
                type="radio"
                name={title}
                checked={chosen?.kind === 'found'}
                onChange={() => setChosen({ kind: 'found', place: found })}
              />
              <span>{placeLabel(found)}</span>
              <span className={text.muted}>
                {found.latitude.toFixed(2)}°, {found.longitude.toFixed(2)}°
              </span>
            </label>
          )}
          {list.map((p) => (
            <label key={p.id} className={styles.place}>
              <input
                type="radio"
                name={title}
                checked={chosen?.kind === 'place' && chosen.id === p.id}
                onChange={() => setChosen({ kind: 'place', id: p.id })}
              />
              <span>{placeLabel(p)}</span>
              <span className={text.muted}>
                {p.latitude.toFixed(2)}°, {p.longitude.toFixed(2)}°
              </span>
            </label>
          ))}
        </div>
        {note && (
          <p className={text.muted} role="status">
            {note}
          </p>
        )}
        {setPlace.error && <ErrorNotice error={setPlace.error} what="The place could not be set" />}
        <div className={styles.actions}>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button
            type="button"
            className={buttons.primary}
            disabled={chosen === null || setPlace.isPending}
            onClick={apply}
          >
            {setPlace.isPending ? 'Setting…' : 'Set place'}
          </button>
        </div>
      </div>
    </div>,
    document.body
  )
}
