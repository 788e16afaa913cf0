import type { Settings } from '@shared/contract'
import { useSettings } from '../hooks/use-settings'
import styles from './ThemeSelect.module.css'

type Theme = Settings['theme']
const themes: readonly { id: Theme; label: string; icon: string }[] = [
  { id: 'system', label: 'Match system', icon: '◐' },
  { id: 'light', label: 'Light', icon: '☀' },
  { id: 'dark', label: 'Dark', icon: '☾' }
]

/**
 * Light, dark, or whatever the OS uses (the default). A select in the wide sidebar; in the
 * collapsed one (CSS decides which shows) a button with the theme's icon that steps through them.
 */
export function ThemeSelect() {
  const { settings, update } = useSettings()
  const index = Math.max(
    0,
    themes.findIndex((t) => t.id === settings.theme)
  )
  const current = themes[index]!
  const next = themes[(index + 1) % themes.length]!
  return (
    <>
      <label className={styles.themeSelect}>
        <span>Appearance</span>
        <select
          value={settings.theme}
          onChange={(e) => void update({ theme: e.target.value as Theme })}
        >
          {themes.map((t) => (
            <option key={t.id} value={t.id}>
              {t.label}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        className={styles.themeButton}
        aria-label={`Appearance: ${current.label}. Switch to ${next.label}`}
        title={`Appearance: ${current.label} (click for ${next.label})`}
        onClick={() => void update({ theme: next.id })}
      >
        <span aria-hidden="true">{current.icon}</span>
      </button>
    </>
  )
}
