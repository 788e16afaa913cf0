import { useQueries } from '@tanstack/react-query'
import { useState } from 'react'
import type { PhotoDetail } from '@shared/contract/library'
import { ErrorNotice } from '../../components/ErrorNotice'
import { useApiMutation } from '../../data/api-query'
import { queryKeyOf } from '../../data/keys'
import { call } from '../../lib/api'
import { Lightbox } from '../library/Lightbox'
import text from '../../components/text.module.css'
import styles from './PhotoIdGrid.module.css'

const PAGE = 48

/**
 * A simple grid for a list of photo ids (the library's grid pages by sort and filter and takes
 * no id list): each photo's details (and thumbnail URL) are read as it is shown, a page at a
 * time; a click opens the library's lightbox on it.
 */
export function PhotoIdGrid({ ids, label }: { ids: readonly number[]; label: string }) {
  const [shown, setShown] = useState(PAGE)
  const [open, setOpen] = useState<number | null>(null)
  const visible = ids.slice(0, shown)
  // Keyed like useApiQuery('library:photo'), so the lightbox reads the same cache entries.
  const details = useQueries({
    queries: visible.map((id) => ({
      queryKey: queryKeyOf('library:photo', { id }),
      queryFn: () => call('library:photo', { id })
    }))
  })
  const { mutateAsync: remove } = useApiMutation('library:remove')
  const failed = details.find((d) => d.error)?.error
  const item = (i: number): PhotoDetail | undefined => details[i]?.data

  return (
    <>
      <ul className={styles.grid} aria-label={label}>
        {visible.map((id, i) => {
          const p = item(i)
          return (
            <li key={id}>
              <button
                type="button"
                className={styles.cell}
                aria-label={p ? p.name : `Photo ${i + 1}, loading`}
                onClick={() => setOpen(i)}
              >
                {p && <img src={p.thumb} alt="" loading="lazy" />}
              </button>
            </li>
          )
        })}
      </ul>
      {failed && <ErrorNotice compact error={failed} what="Some photos could not be read" />}
      {ids.length > shown && (
        <p className={text.muted}>
          Showing {shown.toLocaleString()} of {ids.length.toLocaleString()}.{' '}
          <button type="button" onClick={() => setShown((n) => n + PAGE)}>
            Show more
          </button>
        </p>
      )}
      {open !== null && open < visible.length && (
        <Lightbox
          index={open}
          total={visible.length}
          item={item}
          onMove={setOpen}
          onClose={() => setOpen(null)}
          onRemove={async (photo) => {
            // To the library's Trash, as from the grid; its answer has the lists read again.
            await remove({ ids: [photo.id] })
            setOpen(null)
          }}
        />
      )}
    </>
  )
}
