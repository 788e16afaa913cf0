import { useMemo } from 'react'
import type { TimeStyle } from '@shared/weather/format-time'
import { useSettings } from '../../hooks/use-settings'

/** The user's 12/24-hour choice, for every time the weather views show (format-time.ts). */
export function useTimeStyle(): TimeStyle {
  const { hourCycle } = useSettings().settings
  return useMemo(() => ({ hourCycle }), [hourCycle])
}
