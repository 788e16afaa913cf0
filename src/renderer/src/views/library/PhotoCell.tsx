import { memo, useState, type MouseEvent } from 'react'
import type { PhotoSummary } from '@shared/contract/library'
import { usePlaceholder } from './placeholder'
import type { ClickMods } from './selection'
import { useRevealed } from './use-reveal'
import { useThumbSrc } from './use-thumb-src'
import styles from './PhotoGrid.module.css'

const isMac = navigator.platform.toLowerCase().includes('mac')
export const clickMods = (e: MouseEvent | React.KeyboardEvent): ClickMods => ({
  shift: e.shiftKey,
  toggle: isMac ? e.metaKey : e.ctrlKey
})

/**
 * One photo in the grid: its placeholder colour from the first frame it is drawn (the colour is
 * read from a few bytes of the hash, in the render), the blurred picture a frame later, the
 * thumbnail when it arrives. The round mark picks it without opening it.
 */
export const PhotoCell = memo(function PhotoCell({
  index,
  size,
  photo,
  tabbable,
  selected,
  selecting,
  onActivate,
  onFocusCell
}: {
  index: number
  size: number
  photo: PhotoSummary | undefined
  tabbable: boolean
  selected: boolean
  /** Photos are picked: the marks show on every cell. */
  selecting: boolean
  onActivate(index: number, mods: ClickMods): void
  onFocusCell(index: number): void
}) {
  const [loaded, setLoaded] = useState<string | null>(null)
  const src = useThumbSrc(photo?.thumb)
  const revealed = useRevealed(src)
  const placeholder = usePlaceholder(photo?.placeholder)
  const name = photo ? photo.name : `Photo ${index + 1}, loading`
  return (
    <div
      role="gridcell"
      aria-selected={selected}
      className={styles.cellWrap}
      data-selecting={selecting}
      style={{ width: size, height: size }}
    >
      <button
        type="button"
        className={styles.cell}
        data-index={index}
        data-selected={selected}
        tabIndex={tabbable ? 0 : -1}
        aria-label={name}
        onClick={(e) => onActivate(index, clickMods(e))}
        onFocus={() => onFocusCell(index)}
        style={{
          backgroundColor: placeholder.color,
          backgroundImage: placeholder.url ? `url("${placeholder.url}")` : undefined
        }}
      >
        {photo && src && revealed && (
          <img
            src={src}
            alt=""
            loading="lazy"
            decoding="async"
            draggable={false}
            data-loaded={loaded === src}
            onLoad={() => setLoaded(src)}
          />
        )}
      </button>
      {photo && (
        <button
          type="button"
          className={styles.mark}
          tabIndex={-1}
          aria-label={selected ? `Unselect ${photo.name}` : `Select ${photo.name}`}
          aria-pressed={selected}
          onClick={(e) => onActivate(index, { shift: e.shiftKey, toggle: true })}
        >
          ✓
        </button>
      )}
    </div>
  )
})
