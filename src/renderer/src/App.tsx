import { useEffect, useState } from 'react'
import { NavBar, views, type ViewId } from './components/NavBar'
import { StatusBar } from './components/StatusBar'
import { SettingsProvider } from './hooks/use-settings'
import { useTheme } from './hooks/use-theme'
import { ActivityView } from './views/activity/ActivityView'
import { LibraryView } from './views/library/LibraryView'
import { WeatherView } from './views/weather/WeatherView'

function Shell() {
  const [view, setView] = useState<ViewId>('weather')
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
    <div className="app">
      <NavBar current={view} onSelect={setView} />
      <main className="view" id="view" aria-label={views.find((v) => v.id === view)?.label}>
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
    <SettingsProvider>
      <Shell />
    </SettingsProvider>
  )
}
