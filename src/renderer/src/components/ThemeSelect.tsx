import type { Settings } from '@shared/contract'
import { useSettings } from '../hooks/use-settings'
import styles from './ThemeSelect.module.css'

/** Light, dark, or whatever the OS uses (the default). */
export function ThemeSelect() {
  const { settings, update } = useSettings()
  return (
    <label className={styles.themeSelect}>
      <span>Appearance</span>
      <select
        value={settings.theme}
        onChange={(e) => void update({ theme: e.target.value as Settings['theme'] })}
      >
        <option value="system">Match system</option>
        <option value="light">Light</option>
        <option value="dark">Dark</option>
      </select>
    </label>
  )
}
