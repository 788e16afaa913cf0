import { useEffect, useRef, useState } from 'react'
import type { PhotoSummary } from '@shared/contract/library'
import { useApiMutation, useApiQuery } from '../../data/api-query'
import { call, errorText } from '../../lib/api'
import { DuplicatesFact } from './DuplicatesLink'
import { formatBytes, formatDate, formatDay } from './format'
import { ExposureFacts } from './ExposureFacts'
import { PhotoStage } from './PhotoStage'
import { PreviewStatus } from './PreviewStatus'
import { PhotoWeatherLine } from '../photo-weather/PhotoWeatherLine'
import { placeholderUrl } from './placeholder'
import buttons from '../../components/buttons.module.css'
import text from '../../components/text.module.css'
import styles from './Lightbox.module.css'

interface LightboxProps {
  index: number
  total: number
  item(index: number): PhotoSummary | undefined
  onMove(index: number): void
  onClose(): void
  /** Remove from library: to the Trash, with Undo (the view's notice). */
  onRemove?(photo: PhotoSummary): Promise<void>
  /**
   * Without `onRemove`, the lightbox moves the photo to the Trash itself (no Undo notice; the
   * Trash view restores it) and says so here. Kept for views without an Undo notice of their own.
   */
  onRemoved?(): void
}

/** OpenStreetMap centred on the spot, marker included. */
export const osmUrl = (lat: number, lon: number): string =>
  `https://www.openstreetmap.org/?mlat=${lat.toFixed(6)}&mlon=${lon.toFixed(6)}#map=16/${lat.toFixed(5)}/${lon.toFixed(5)}`

/**
 * One photo large (the 1440-px preview over its placeholder, zoomable) with its facts. Arrow
 * keys move, Escape closes, Delete moves it to the Trash (Undo in the notice; the file on disk
 * stays).
 */
export function Lightbox({
  index,
  total,
  item,
  onMove,
  onClose,
  onRemove,
  onRemoved
}: LightboxProps) {
  const summary = item(index)
  const dialogRef = useRef<HTMLDivElement>(null)
  const closeRef = useRef<HTMLButtonElement>(null)
  const id = summary?.id
  const detail = useApiQuery('library:photo', { id: id ?? 0 }, { enabled: id !== undefined })
  // An action's failure belongs to the photo it was tried on.
  const [failure, setFailure] = useState<{ id: number | undefined; text: string } | null>(null)
  const fail = (e: unknown): void => setFailure({ id, text: errorText(e) })
  const error =
    failure && failure.id === id ? failure.text : detail.error ? errorText(detail.error) : null

  useEffect(() => {
    closeRef.current?.focus()
  }, [])

  const { mutateAsync: removePhotos } = useApiMutation('library:remove')
  const remove = async (): Promise<void> => {
    if (!summary) return
    if (onRemove) return onRemove(summary)
    try {
      await removePhotos({ ids: [summary.id] })
      onRemoved?.()
    } catch (e) {
      fail(e)
    }
  }
  const openMap = (lat: number, lon: number): void => {
    const url = osmUrl(lat, lon)
    call('shell:open-external', { url })
      .then(({ opened }) => {
        // The browser version has no desktop to hand it to: a new tab does.
        if (!opened) window.open(url, '_blank', 'noopener,noreferrer')
      })
      .catch(fail)
  }

  const onKeyDown = (e: React.KeyboardEvent): void => {
    if (e.key === 'ArrowRight' && index < total - 1) onMove(index + 1)
    else if (e.key === 'ArrowLeft' && index > 0) onMove(index - 1)
    else if (e.key === 'Escape') onClose()
    else if (e.key === 'Delete') void remove()
    else if (e.key === 'Tab') {
      // Keep focus inside the dialog.
      const focusable = dialogRef.current?.querySelectorAll<HTMLElement>('button:not(:disabled)')
      if (!focusable?.length) return
      const first = focusable[0]!
      const last = focusable[focusable.length - 1]!
      if (e.shiftKey && document.activeElement === first) last.focus()
      else if (!e.shiftKey && document.activeElement === last) first.focus()
      else return
    } else return
    e.preventDefault()
  }

  const shown = id === undefined ? null : (detail.data ?? null)
  const placeholder = summary ? placeholderUrl(summary.placeholder) : undefined

  return (
    <div className={styles.backdrop} onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div
        ref={dialogRef}
        className={styles.lightbox}
        role="dialog"
        aria-modal="true"
        aria-label={summary ? `Photo: ${summary.name}` : 'Photo'}
        onKeyDown={onKeyDown}
      >
        <div className={styles.stage}>
          <button
            type="button"
            className={`${styles.nav} ${styles.prev}`}
            aria-label="Previous photo"
            disabled={index <= 0}
            onClick={() => onMove(index - 1)}
          >
            ‹
          </button>
          <PhotoStage
            src={shown?.preview ?? null}
            alt={shown?.name ?? ''}
            placeholder={placeholder}
          />
          <button
            type="button"
            className={`${styles.nav} ${styles.next}`}
            aria-label="Next photo"
            disabled={index >= total - 1}
            onClick={() => onMove(index + 1)}
          >
            ›
          </button>
        </div>
        <aside className={styles.info} aria-label="Photo details">
          <div className={styles.head}>
            <h2 title={summary?.name}>{summary?.name ?? 'Loading…'}</h2>
            <button
              ref={closeRef}
              type="button"
              className={buttons.icon}
              aria-label="Close (Escape)"
              onClick={onClose}
            >
              ✕
            </button>
          </div>
          <p className={text.muted}>
            {index + 1} of {total.toLocaleString()}
          </p>
          {error && (
            <p className={text.error} role="alert">
              {error}
            </p>
          )}
          {shown && <PreviewStatus photoId={shown.id} />}
          {shown && (
            <dl className={styles.facts}>
              <dt>Taken</dt>
              <dd>
                {shown.takenAt
                  ? formatDate(shown.takenAt)
                  : 'Unknown (file date ' + formatDay(shown.date) + ')'}
              </dd>
              <dt>Size</dt>
              <dd>
                {shown.width} × {shown.height} · {shown.format.toUpperCase()} ·{' '}
                {formatBytes(shown.size)}
              </dd>
              {shown.camera && (
                <>
                  <dt>Camera</dt>
                  <dd>{shown.camera}</dd>
                </>
              )}
              <ExposureFacts exposure={shown.exposure} />
              {shown.lat !== null && shown.lon !== null && (
                <>
                  <dt>Location</dt>
                  <dd>
                    {shown.lat.toFixed(5)}, {shown.lon.toFixed(5)}
                    <br />
                    <a
                      href={osmUrl(shown.lat, shown.lon)}
                      target="_blank"
                      rel="noopener noreferrer"
                      onClick={(e) => {
                        e.preventDefault()
                        openMap(shown.lat!, shown.lon!)
                      }}
                    >
                      Open in OpenStreetMap
                    </a>
                  </dd>
                </>
              )}
              <dt>{shown.sourceUrl ? 'From' : 'Folder'}</dt>
              <dd className={styles.wrap}>{shown.sourceUrl ?? shown.folder}</dd>
              <dt>Imported</dt>
              <dd>{formatDate(shown.importedAt)}</dd>
              <DuplicatesFact photoId={shown.id} copies={shown.copies} similar={shown.similar} />
            </dl>
          )}
          {shown && <PhotoWeatherLine photoId={shown.id} />}
          <div className={styles.actions}>
            <button
              type="button"
              disabled={!shown}
              onClick={() => id && call('library:show-in-folder', { photoId: id }).catch(fail)}
            >
              Show in folder
            </button>
            <button
              type="button"
              className={buttons.danger}
              disabled={!shown}
              onClick={() => void remove()}
            >
              Remove from library
            </button>
          </div>
          <p className={`${text.muted} ${text.small}`}>
            Removed photos go to the Trash (Undo: Ctrl/Cmd+Z); the file on disk stays. ← → to
            browse, wheel or pinch to zoom, F to fit, 1 for 100 %.
          </p>
        </aside>
      </div>
    </div>
  )
}
