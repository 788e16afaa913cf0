import { useEffect, useRef, useState } from 'react'
import { useApiQuery } from '../../data/api-query'
import { call, errorText } from '../../lib/api'
import { previewNote, type PreviewAsk } from './preview-status'
import styles from './PreviewStatus.module.css'

/**
 * The open photo's full-size preview while only its thumbnail is there (phase 2 of its import
 * not done yet, or failed). Opening it asks for its preview next (`library:want-preview`);
 * the photo is read again as previews land (library:progress counts them), which swaps the
 * thumbnail for the preview.
 */
export function PreviewStatus({ photoId }: { photoId: number }) {
  const detail = useApiQuery('library:photo', { id: photoId })
  const photo = detail.data
  const pending = photo?.previewPending === true
  const progress = useApiQuery('library:progress', {}, { enabled: pending })
  const [ask, setAsk] = useState<{ id: number; answer: PreviewAsk } | null>(null)

  useEffect(() => {
    if (!pending) return
    let live = true
    call('library:want-preview', { photoId }).then(
      ({ queued }) => live && setAsk({ id: photoId, answer: { queued } }),
      (e: unknown) => live && setAsk({ id: photoId, answer: { error: errorText(e) } })
    )
    return () => {
      live = false
    }
  }, [photoId, pending])

  // A preview written or the import's state changed: this photo's may be among them.
  const p = progress.data
  const stamp = p ? `${p.batchId}/${p.state}/${p.previewsDone ?? 0}` : null
  const seen = useRef(stamp)
  const { refetch } = detail
  useEffect(() => {
    if (stamp === seen.current) return
    seen.current = stamp
    // A failed read lands in the query's error, which the lightbox shows.
    if (pending && stamp !== null) void refetch()
  }, [stamp, pending, refetch])

  if (!photo) return null
  const note = previewNote(photo, ask?.id === photoId ? ask.answer : null, p?.state)
  if (!note) return null
  return (
    <p className={styles.note} data-kind={note.kind} role="status">
      {note.kind === 'making' && <span className={styles.spinner} aria-hidden="true" />}
      {note.text}
    </p>
  )
}
