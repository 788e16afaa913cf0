import { useRef, type KeyboardEvent } from 'react'
import { ThemeSelect } from './ThemeSelect'
import styles from './NavBar.module.css'

export const views = [
  { id: 'weather', label: 'Weather', icon: '☁' },
  { id: 'library', label: 'Library', icon: '▦' },
  { id: 'activity', label: 'Activity', icon: '∿' }
] as const
export type ViewId = (typeof views)[number]['id']

/** Where an arrow, Home or End key moves focus in a list of `count`; null for other keys. */
export function nextIndex(key: string, index: number, count: number): number | null {
  if (key === 'ArrowDown' || key === 'ArrowRight') return (index + 1) % count
  if (key === 'ArrowUp' || key === 'ArrowLeft') return (index - 1 + count) % count
  if (key === 'Home') return 0
  if (key === 'End') return count - 1
  return null
}

const isMac = navigator.platform.toLowerCase().includes('mac')

/** The section list: arrow keys move between sections, Enter/Space or a click opens one. */
export function NavBar({ current, onSelect }: { current: ViewId; onSelect: (id: ViewId) => void }) {
  const refs = useRef<(HTMLButtonElement | null)[]>([])

  const onKeyDown = (e: KeyboardEvent<HTMLElement>): void => {
    const index = refs.current.findIndex((el) => el === document.activeElement)
    if (index < 0) return
    const next = nextIndex(e.key, index, views.length)
    if (next === null) return
    e.preventDefault()
    refs.current[next]?.focus()
    onSelect(views[next]!.id)
  }

  return (
    <nav className={styles.nav} aria-label="Sections" onKeyDown={onKeyDown}>
      <div className={styles.brand} aria-hidden="true">
        Skyfolio
      </div>
      {views.map((v, i) => (
        <button
          key={v.id}
          ref={(el) => {
            refs.current[i] = el
          }}
          type="button"
          className={styles.item}
          aria-current={current === v.id ? 'page' : undefined}
          tabIndex={current === v.id ? 0 : -1}
          title={`${v.label} (${isMac ? '⌘' : 'Ctrl+'}${i + 1})`}
          aria-label={v.label}
          onClick={() => onSelect(v.id)}
        >
          <span className={styles.icon} aria-hidden="true">
            {v.icon}
          </span>
          <span className={styles.label}>{v.label}</span>
        </button>
      ))}
      <div className={styles.footer}>
        <ThemeSelect />
      </div>
    </nav>
  )
}
