import { useEffect } from 'react'
import { applyTheme, onSystemThemeChange } from '../lib/theme'
import { useSettings } from './use-settings'

/** Light/dark follows the OS, live, unless the user picked one in settings. */
export function useTheme(): void {
  const { settings, loaded } = useSettings()
  useEffect(() => {
    if (!loaded) return
    applyTheme(settings.theme)
    return onSystemThemeChange(() => applyTheme(settings.theme))
  }, [settings.theme, loaded])
}
