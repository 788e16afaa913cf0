import { useEffect } from 'react'
import { useSettings } from './use-settings'

/** Light/dark follows the OS unless the user picked one in settings. */
export function useTheme(): void {
  const { settings } = useSettings()
  useEffect(() => {
    const root = document.documentElement
    if (settings.theme === 'system') delete root.dataset.theme
    else root.dataset.theme = settings.theme
  }, [settings.theme])
}
