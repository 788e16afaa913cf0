import { useEffect, useId, useRef, useState } from 'react'
import { createPortal } from 'react-dom'
import { placeLabel } from '@shared/weather/time'
import { ErrorNotice } from '../../components/ErrorNotice'
import { useApiMutation, useApiQuery } from '../../data/api-query'
import buttons from '../../components/buttons.module.css'
import text from '../../components/text.module.css'
import styles from './SetPlaceDialog.module.css'

/**
 * "Set place…": gives photos without GPS the position of one of the weather places. Drawn over
 * everything (a portal), and keeps its keys to itself so a lightbox under it stays put.
 */
export function SetPlaceDialog({ photoIds, onClose }: { photoIds: number[]; onClose(): void }) {
  const places = useApiQuery('weather:places', {})
  const setPlace = useApiMutation('photo-weather:set-place')
  const [chosen, setChosen] = useState<number | null>(null)
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
    const place = list.find((p) => p.id === chosen)
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
          if (e.key === 'Escape') onClose()
        }}
      >
        <h2 id={title}>Set place</h2>
        <p className={text.muted}>
          Where {photoIds.length === 1 ? 'was this photo' : `were these ${photoIds.length} photos`}{' '}
          taken? Pick one of your weather places.
        </p>
        {places.error && <ErrorNotice error={places.error} what="Your places could not be read" />}
        {places.data && list.length === 0 && (
          <p className={text.muted}>Add a place on the Weather page first.</p>
        )}
        <div className={styles.places} role="radiogroup" aria-label="Weather places">
          {list.map((p) => (
            <label key={p.id} className={styles.place}>
              <input
                type="radio"
                name={title}
                checked={chosen === p.id}
                onChange={() => setChosen(p.id)}
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
