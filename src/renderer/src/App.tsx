import { useEffect, useState } from 'react'
import { ErrorNotice } from './components/ErrorNotice'
import { NavBar, views, type ViewId } from './components/NavBar'
import { StatusBar } from './components/StatusBar'
import { DataProvider } from './data/DataProvider'
import { SettingsProvider, useSettings } from './hooks/use-settings'
import { useTheme } from './hooks/use-theme'
import { ActivityView } from './views/activity/ActivityView'
import { LibraryView } from './views/library/LibraryView'
import { WeatherView } from './views/weather/WeatherView'
import styles from './App.module.css'

function Shell() {
  const [view, setView] = useState<ViewId>('weather')
  const settings = useSettings()
  useTheme()

  // Ctrl/Cmd + 1..3 switch views from anywhere.
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey) return
      const target = views[Number(e.key) - 1]
      if (target) {
        e.preventDefault()
        setView(target.id)
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])

  return (
    <div className={styles.app}>
      <NavBar current={view} onSelect={setView} />
      <main className={styles.view} id="view" aria-label={views.find((v) => v.id === view)?.label}>
        {settings.error && (
          <ErrorNotice
            error={settings.error}
            what="Settings could not be read or saved"
            onDismiss={settings.dismissError}
          />
        )}
        {view === 'weather' && <WeatherView />}
        {view === 'library' && <LibraryView />}
        {view === 'activity' && <ActivityView />}
      </main>
      <StatusBar />
    </div>
  )
}

export function App() {
  return (
    <DataProvider>
      <SettingsProvider>
        <Shell />
      </SettingsProvider>
    </DataProvider>
  )
}
