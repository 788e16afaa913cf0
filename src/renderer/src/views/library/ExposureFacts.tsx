import { Fragment } from 'react'
import type { Exposure } from '@shared/library/exposure'
import { exposureParts } from '@shared/library/exposure'
import styles from './ExposureFacts.module.css'

/**
 * The lightbox's "Exposure" row, as a photo app words it: "1/250 s · f/2.8 · ISO 200 · 35 mm ·
 * Canon EF 24-70mm". Nothing at all when the EXIF had none of it (photos imported before too).
 */
export function ExposureFacts({ exposure }: { exposure: Exposure | null | undefined }) {
  const parts = exposure ? exposureParts(exposure) : []
  if (parts.length === 0) return null
  return (
    <>
      <dt>Exposure</dt>
      <dd className={styles.line}>
        {parts.map((part, i) => (
          // Lines break after a " · ", never inside "1/250 s"; a long lens name may wrap.
          <Fragment key={i}>
            {i > 0 && '\u00a0· '}
            <span className={i === parts.length - 1 ? styles.last : styles.part}>{part}</span>
          </Fragment>
        ))}
      </dd>
    </>
  )
}
