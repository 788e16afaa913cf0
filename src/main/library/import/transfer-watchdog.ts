import { failure, type Failure } from '@shared/library/reasons'

export interface TransferLimits {
  /** Until the response headers arrive. */
  readonly headersTimeoutMs: number
  /** Longest wait for the next chunk of the body. */
  readonly idleTimeoutMs: number
  readonly totalTimeoutMs: number
  /** Below this many bytes a second, measured over each `rateWindowMs`, the transfer stops. */
  readonly minBytesPerSecond: number
  readonly rateWindowMs: number
}

export const defaultTransferLimits: TransferLimits = {
  headersTimeoutMs: 15_000,
  idleTimeoutMs: 20_000,
  totalTimeoutMs: 120_000,
  minBytesPerSecond: 1024,
  rateWindowMs: 15_000
}

export interface TransferWatchdog {
  /** The headers are in: from now on the body must keep flowing, fast enough. */
  bodyStarted(): void
  /** A chunk of `bytes` arrived. */
  received(bytes: number): void
  /** Stops every timer (the transfer ended, one way or another). */
  clear(): void
}

const rateWords = (bytesPerSecond: number): string =>
  bytesPerSecond >= 1024
    ? `${Math.round((bytesPerSecond / 1024) * 10) / 10} KB/s`
    : `${bytesPerSecond} bytes/s`

/**
 * The timers that end a download which will not finish: no headers, a body that stops, one that
 * takes too long overall, and one that trickles (a few bytes a second keep the idle timer
 * happy while holding a download slot for minutes). `stop` is called with the reason, once per
 * cause; the caller aborts the request.
 */
export function watchTransfer(
  limits: TransferLimits,
  stop: (why: Failure) => void
): TransferWatchdog {
  const seconds = (ms: number): number => Math.round(ms / 1000)
  const total = setTimeout(
    () =>
      stop(
        failure('download', `The download took longer than ${seconds(limits.totalTimeoutMs)} s.`)
      ),
    limits.totalTimeoutMs
  )
  let idle = setTimeout(
    () => stop(failure('download', 'The server did not answer in time.')),
    limits.headersTimeoutMs
  )
  let rate: ReturnType<typeof setInterval> | null = null
  let windowBytes = 0
  const armIdle = (): void => {
    clearTimeout(idle)
    idle = setTimeout(
      () => stop(failure('download', 'The server stopped sending data.')),
      limits.idleTimeoutMs
    )
  }
  return {
    bodyStarted() {
      armIdle()
      rate = setInterval(() => {
        if (windowBytes < (limits.minBytesPerSecond * limits.rateWindowMs) / 1000)
          stop(
            failure(
              'download',
              `The server sent data too slowly (under ${rateWords(limits.minBytesPerSecond)}); the download was stopped.`
            )
          )
        windowBytes = 0
      }, limits.rateWindowMs)
    },
    received(bytes) {
      armIdle()
      windowBytes += bytes
    },
    clear() {
      clearTimeout(total)
      clearTimeout(idle)
      if (rate) clearInterval(rate)
    }
  }
}
