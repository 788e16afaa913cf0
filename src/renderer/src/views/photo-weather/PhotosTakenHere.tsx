import { useId, useState } from 'react'
import { ErrorNotice } from '../../components/ErrorNotice'
import { useApiQuery } from '../../data/api-query'
import { PhotoIdGrid } from './PhotoIdGrid'
import text from '../../components/text.module.css'
import styles from './PhotosTakenHere.module.css'

/** Where to look: the place's weather grid cell (about 10 km), or a radius around it. */
const radii = [
  { km: undefined, label: 'Nearby (about 10 km)' },
  { km: 25, label: 'Within 25 km' },
  { km: 100, label: 'Within 100 km' }
] as const

/**
 * "Photos taken here": library photos whose place is in this place's grid cell or within a
 * radius; with `date` (YYYY-MM-DD, the place's local day), only those taken that day. Nothing
 * is drawn while there are none nearby, so a place page without photos stays as it was.
 */
export function PhotosTakenHere({
  latitude,
  longitude,
  date
}: {
  latitude: number
  longitude: number
  date?: string
}) {
  const [radius, setRadius] = useState(0)
  const select = useId()
  const km = radii[radius]!.km
  // Read again when photos are linked or given a place (data/invalidations.ts).
  const here = useApiQuery('photo-weather:photos-here', {
    latitude,
    longitude,
    limit: 500,
    ...(km === undefined ? {} : { radiusKm: km }),
    ...(date ? { date } : {})
  })
  const title = date ? 'Photos taken here that day' : 'Photos taken here'
  if (here.error) return <ErrorNotice error={here.error} what={`${title} could not be read`} />
  const found = here.data
  if (!found || (found.total === 0 && radius === 0)) return null

  return (
    <section className={styles.section} aria-label={title}>
      <header className={styles.head}>
        <h3>{title}</h3>
        <span className={text.muted}>
          {found.total.toLocaleString()} photo{found.total === 1 ? '' : 's'}
        </span>
        <label htmlFor={select} className={text.visuallyHidden}>
          How far around
        </label>
        <select id={select} value={radius} onChange={(e) => setRadius(Number(e.target.value))}>
          {radii.map((r, i) => (
            <option key={r.label} value={i}>
              {r.label}
            </option>
          ))}
        </select>
      </header>
      {found.total === 0 ? (
        <p className={text.muted}>No photos taken {km ? `within ${km} km` : 'here'}.</p>
      ) : (
        <PhotoIdGrid ids={found.ids} label={title} />
      )}
      {found.total > found.ids.length && (
        <p className={text.muted}>The {found.ids.length.toLocaleString()} newest are shown.</p>
      )}
    </section>
  )
}

/** The place's local day (YYYY-MM-DD) of an instant, from the report's offset. */
export const localDay = (atMs: number, utcOffsetSeconds: number): string =>
  new Date(atMs + utcOffsetSeconds * 1000).toISOString().slice(0, 10)

/** On a day of a place's History: the photos taken there that day. */
export function PhotosTakenThatDay({
  place,
  atMs,
  utcOffsetSeconds
}: {
  place: { latitude: number; longitude: number } | undefined
  atMs: number
  utcOffsetSeconds: number
}) {
  if (!place) return null
  return (
    <PhotosTakenHere
      latitude={place.latitude}
      longitude={place.longitude}
      date={localDay(atMs, utcOffsetSeconds)}
    />
  )
}
