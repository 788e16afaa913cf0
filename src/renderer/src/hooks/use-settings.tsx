import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react'
import { defaultSettings, type Settings, type SettingsPatch } from '@shared/contract'
import { call } from '../lib/api'
import { useEvent } from './use-event'

interface SettingsContextValue {
  settings: Settings
  loaded: boolean
  update(patch: SettingsPatch): Promise<void>
}

const SettingsContext = createContext<SettingsContextValue>({
  settings: defaultSettings,
  loaded: false,
  update: async () => undefined
})

export function SettingsProvider({ children }: { children: ReactNode }) {
  const [settings, setSettings] = useState<Settings>(defaultSettings)
  const [loaded, setLoaded] = useState(false)
  useEffect(() => {
    call('settings:get', {})
      .then((s) => setSettings(s))
      .finally(() => setLoaded(true))
  }, [])
  useEvent('settings:changed', setSettings)
  const update = useCallback(async (patch: SettingsPatch) => {
    setSettings(await call('settings:update', patch))
  }, [])
  return (
    <SettingsContext.Provider value={{ settings, loaded, update }}>
      {children}
    </SettingsContext.Provider>
  )
}

export const useSettings = (): SettingsContextValue => useContext(SettingsContext)
