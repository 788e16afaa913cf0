import type { Settings } from '@shared/contract'

export type AppliedTheme = 'light' | 'dark'

const STORAGE_KEY = 'skyfolio.theme'
const darkQuery = (): MediaQueryList => window.matchMedia('(prefers-color-scheme: dark)')

/** The theme to draw: the user's choice, or the OS's when they chose "system". */
export function resolveTheme(choice: Settings['theme'], systemDark: boolean): AppliedTheme {
  if (choice === 'system') return systemDark ? 'dark' : 'light'
  return choice
}

/** Sets the theme on the document (CSS reads data-theme) and remembers it for the next start. */
export function applyTheme(choice: Settings['theme']): AppliedTheme {
  const theme = resolveTheme(choice, darkQuery().matches)
  document.documentElement.dataset.theme = theme
  try {
    localStorage.setItem(STORAGE_KEY, choice)
  } catch {
    // Storage may be unavailable; the theme still applies for this session.
  }
  return theme
}

/** Before the first paint: the last choice, so a dark window never flashes light. */
export function applyStartupTheme(): void {
  let choice: Settings['theme'] = 'system'
  try {
    const saved = localStorage.getItem(STORAGE_KEY)
    if (saved === 'light' || saved === 'dark') choice = saved
  } catch {
    // Fall back to the OS's theme.
  }
  applyTheme(choice)
}

/** Calls back when the OS switches between light and dark. */
export function onSystemThemeChange(listener: () => void): () => void {
  const query = darkQuery()
  query.addEventListener('change', listener)
  return () => query.removeEventListener('change', listener)
}
