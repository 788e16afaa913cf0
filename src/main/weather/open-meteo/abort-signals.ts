/** A signal that aborts once every one of `signals` has: a shared request outlives any one caller. */
export function allAborted(signals: readonly AbortSignal[]): AbortSignal {
  const controller = new AbortController()
  const check = (): void => {
    if (signals.every((s) => s.aborted)) controller.abort()
  }
  for (const s of signals) s.addEventListener('abort', check, { once: true })
  check()
  return controller.signal
}
