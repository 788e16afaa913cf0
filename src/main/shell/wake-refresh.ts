import { isChannel } from '@shared/contract'
import type { Router } from '../platform/ipc/router'

/** Refreshes the places that are due or failed: a wake must not spend the quota on fresh ones. */
export const WEATHER_REFRESH_CHANNEL = 'weather:resume'

export type WakeReason = 'resume' | 'unlock' | 'online'

/**
 * After the computer wakes or the network comes back, forecasts are stale: ask weather to
 * refresh, if this build has that request. Resume and reconnect often arrive together, so
 * triggers within `minIntervalMs` of the last refresh are coalesced into it.
 */
export function createWakeRefresh(options: {
  readonly router: Pick<Router, 'dispatch'>
  readonly now: () => number
  readonly minIntervalMs?: number
  readonly onResult?: (reason: WakeReason, ok: boolean) => void
  /** Whether the contract has a channel; injectable so both cases are tested. */
  readonly hasChannel?: (channel: string) => boolean
}): (reason: WakeReason) => boolean {
  const minInterval = options.minIntervalMs ?? 30_000
  const hasChannel = options.hasChannel ?? isChannel
  let last = -Infinity
  return (reason) => {
    if (!hasChannel(WEATHER_REFRESH_CHANNEL)) return false
    const now = options.now()
    if (now - last < minInterval) return false
    last = now
    options.router
      .dispatch(WEATHER_REFRESH_CHANNEL, {})
      .then((envelope) => options.onResult?.(reason, envelope.ok))
      .catch(() => options.onResult?.(reason, false))
    return true
  }
}

/** Turns periodic online/offline readings into the moments the network came back. */
export function createOnlineWatch(initial: boolean): (online: boolean) => boolean {
  let previous = initial
  return (online) => {
    const cameBack = online && !previous
    previous = online
    return cameBack
  }
}
