import { createContext, useContext, useMemo, type ReactNode } from 'react'
import { defaultSettings, type Settings, type SettingsPatch } from '@shared/contract'
import { useApiMutation, useApiQuery } from '../data/api-query'

interface SettingsContextValue {
  settings: Settings
  /** Read (or failed to be read): the theme can leave its startup guess. */
  loaded: boolean
  /** Why the settings could not be read, or the last change could not be saved. */
  error: Error | null
  dismissError(): void
  /** Saves a change; the settings update when main answers (or its event arrives). */
  update(patch: SettingsPatch): void
}

const SettingsContext = createContext<SettingsContextValue>({
  settings: defaultSettings,
  loaded: false,
  error: null,
  dismissError: () => undefined,
  update: () => undefined
})

export function SettingsProvider({ children }: { children: ReactNode }) {
  const read = useApiQuery('settings:get', {})
  const save = useApiMutation('settings:update')
  const { data, isPending, error: readError, refetch } = read
  const { error: saveError, reset, mutate } = save
  const value = useMemo<SettingsContextValue>(
    () => ({
      settings: data ?? defaultSettings,
      loaded: !isPending,
      error: saveError ?? readError,
      dismissError: () => {
        reset()
        // A failed read is tried again rather than hidden.
        if (readError) void refetch()
      },
      update: (patch) => mutate(patch)
    }),
    [data, isPending, saveError, readError, reset, refetch, mutate]
  )
  return <SettingsContext.Provider value={value}>{children}</SettingsContext.Provider>
}

export const useSettings = (): SettingsContextValue => useContext(SettingsContext)
