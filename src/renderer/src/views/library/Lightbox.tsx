import { useEffect, useRef, useState } from 'react'
import type { PhotoDetail, PhotoSummary } from '@shared/contract/library'
import { call, errorText } from '../../lib/api'
import { formatBytes, formatDate, formatDay } from './format'
import { placeholderUrl } from './placeholder'

interface LightboxProps {
  index: number
  total: number
  item(index: number): PhotoSummary | undefined
  onMove(index: number): void
  onClose(): void
  onRemoved(): void
}

/**
 * One photo large (the 1440-px preview over its placeholder) with its facts. Arrow keys move,
 * Escape closes, Delete removes it from the library (the file on disk stays).
 */
export function Lightbox({ index, total, item, onMove, onClose, onRemoved }: LightboxProps) {
  const summary = item(index)
  const [detail, setDetail] = useState<PhotoDetail | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [loadedPreview, setLoadedPreview] = useState<string | null>(null)
  const dialogRef = useRef<HTMLDivElement>(null)
  const closeRef = useRef<HTMLButtonElement>(null)
  const id = summary?.id

  useEffect(() => {
    if (id === undefined) return
    let live = true
    call('library:photo', { id })
      .then((d) => {
        if (!live) return
        setDetail(d)
        setError(null)
      })
      .catch((e) => live && setError(errorText(e)))
    return () => {
      live = false
    }
  }, [id])

  useEffect(() => {
    closeRef.current?.focus()
  }, [])

  const remove = async (): Promise<void> => {
    if (id === undefined) return
    try {
      await call('library:remove', { ids: [id] })
      onRemoved()
    } catch (e) {
      setError(errorText(e))
    }
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

  const shown = detail && detail.id === id ? detail : null
  const placeholder = summary ? placeholderUrl(summary.placeholder) : undefined

  return (
    <div
      className="lightbox-backdrop"
      onMouseDown={(e) => e.target === e.currentTarget && onClose()}
    >
      <div
        ref={dialogRef}
        className="lightbox"
        role="dialog"
        aria-modal="true"
        aria-label={summary ? `Photo: ${summary.name}` : 'Photo'}
        onKeyDown={onKeyDown}
      >
        <div className="lightbox-stage">
          <button
            type="button"
            className="lightbox-nav prev"
            aria-label="Previous photo"
            disabled={index <= 0}
            onClick={() => onMove(index - 1)}
          >
            ‹
          </button>
          <div
            className="lightbox-image"
            style={
              placeholder && !(shown && loadedPreview === shown.preview)
                ? { backgroundImage: `url("${placeholder}")` }
                : undefined
            }
          >
            {shown && (
              <img
                key={shown.preview}
                src={shown.preview}
                alt={shown.name}
                className={loadedPreview === shown.preview ? 'loaded' : undefined}
                onLoad={() => setLoadedPreview(shown.preview)}
                style={{ aspectRatio: `${shown.width} / ${shown.height}` }}
              />
            )}
          </div>
          <button
            type="button"
            className="lightbox-nav next"
            aria-label="Next photo"
            disabled={index >= total - 1}
            onClick={() => onMove(index + 1)}
          >
            ›
          </button>
        </div>
        <aside className="lightbox-info" aria-label="Photo details">
          <div className="lightbox-head">
            <h2 title={summary?.name}>{summary?.name ?? 'Loading…'}</h2>
            <button
              ref={closeRef}
              type="button"
              className="icon-button"
              aria-label="Close (Escape)"
              onClick={onClose}
            >
              ✕
            </button>
          </div>
          <p className="muted">
            {index + 1} of {total.toLocaleString()}
          </p>
          {error && (
            <p className="error-text" role="alert">
              {error}
            </p>
          )}
          {shown && (
            <dl className="facts">
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
              {shown.lat !== null && shown.lon !== null && (
                <>
                  <dt>Location</dt>
                  <dd>
                    {shown.lat.toFixed(5)}, {shown.lon.toFixed(5)}
                  </dd>
                </>
              )}
              <dt>{shown.sourceUrl ? 'From' : 'Folder'}</dt>
              <dd className="wrap">{shown.sourceUrl ?? shown.folder}</dd>
              <dt>Imported</dt>
              <dd>{formatDate(shown.importedAt)}</dd>
              {(shown.copies > 0 || shown.similar > 0) && (
                <>
                  <dt>Duplicates</dt>
                  <dd>
                    {shown.copies > 0 &&
                      `${shown.copies} exact ${shown.copies === 1 ? 'copy' : 'copies'}`}
                    {shown.copies > 0 && shown.similar > 0 && ', '}
                    {shown.similar > 0 &&
                      `${shown.similar} similar ${shown.similar === 1 ? 'photo' : 'photos'}`}
                  </dd>
                </>
              )}
            </dl>
          )}
          <div className="lightbox-actions">
            <button
              type="button"
              disabled={!shown}
              onClick={() =>
                id && call('library:show-in-folder', { photoId: id }).catch(() => undefined)
              }
            >
              Show in folder
            </button>
            <button
              type="button"
              className="danger"
              disabled={!shown}
              onClick={() => void remove()}
            >
              Remove from library
            </button>
          </div>
          <p className="muted small">Removing keeps the file on disk. ← → to browse.</p>
        </aside>
      </div>
    </div>
  )
}
