import { useEffect, useRef } from 'react'
import type { EventName, EventPayload } from '@shared/contract'
import { subscribe } from '../lib/api'

/** Subscribes to a pushed event for the component's lifetime. */
export function useEvent<E extends EventName>(
  event: E,
  listener: (payload: EventPayload<E>) => void
): void {
  const latest = useRef(listener)
  useEffect(() => {
    latest.current = listener
  })
  useEffect(() => subscribe(event, (payload) => latest.current(payload)), [event])
}
