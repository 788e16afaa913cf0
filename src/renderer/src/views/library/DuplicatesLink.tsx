import { createContext, useContext, type ReactNode } from 'react'
import buttons from '../../components/buttons.module.css'
import styles from './DuplicatesLink.module.css'

/**
 * Opens the library's Duplicates pane at a photo's group. The library view provides it; the
 * lightbox's "N similar photos" uses it, and stays plain text where nothing provides it.
 */
const OpenDuplicatesContext = createContext<((photoId: number) => void) | null>(null)

/** A `<div>` whose descendants can open the Duplicates pane at a photo's group. */
export function DuplicatesScope({
  onOpen,
  className,
  children
}: {
  onOpen(photoId: number): void
  className?: string
  children: ReactNode
}) {
  return (
    <OpenDuplicatesContext.Provider value={onOpen}>
      <div className={className}>{children}</div>
    </OpenDuplicatesContext.Provider>
  )
}

/**
 * The lightbox's "Duplicates" fact: exact copies and similar photos. In the library it is a
 * button that opens the Duplicates pane at this photo's group.
 */
export function DuplicatesFact({
  photoId,
  copies,
  similar
}: {
  photoId: number
  copies: number
  similar: number
}) {
  const open = useContext(OpenDuplicatesContext)
  if (copies === 0 && similar === 0) return null
  const words = [
    copies > 0 && `${copies} exact ${copies === 1 ? 'copy' : 'copies'}`,
    similar > 0 && `${similar} similar ${similar === 1 ? 'photo' : 'photos'}`
  ]
    .filter(Boolean)
    .join(', ')
  return (
    <>
      <dt>Duplicates</dt>
      <dd>
        {open ? (
          <button
            type="button"
            className={`${buttons.link} ${styles.open}`}
            title="Compare them in the Duplicates view"
            onClick={() => open(photoId)}
          >
            {words}
          </button>
        ) : (
          words
        )}
      </dd>
    </>
  )
}
