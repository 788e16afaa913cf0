import { cancelled, WeatherFetchError } from './weather-errors'

export interface TextResponse {
  readonly status: number
  readonly headers: Headers
  readonly text: string
}

/**
 * One GET whose timeout covers the whole exchange, body included: a server that drips its
 * answer slowly times out like one that never answers.
 */
export async function fetchText(
  fetchFn: typeof fetch,
  url: string,
  options: { signal?: AbortSignal; timeoutMs: number; label: string }
): Promise<TextResponse> {
  const { signal, timeoutMs, label } = options
  if (signal?.aborted) throw cancelled()
  const controller = new AbortController()
  let timedOut = false
  const timer = setTimeout(() => {
    timedOut = true
    controller.abort()
  }, timeoutMs)
  const onAbort = (): void => controller.abort()
  signal?.addEventListener('abort', onAbort, { once: true })
  try {
    const res = await fetchFn(url, {
      signal: controller.signal,
      headers: { accept: 'application/json' },
      redirect: 'error'
    })
    const text = await res.text()
    return { status: res.status, headers: res.headers, text }
  } catch (error) {
    if (timedOut) {
      throw new WeatherFetchError(
        'timeout',
        `Open-Meteo (${label}) did not answer within ${Math.round(timeoutMs / 1000)} s.`
      )
    }
    if (signal?.aborted) throw cancelled()
    // The socket's code (ECONNREFUSED, ENOTFOUND…) is for the log; the user reads words.
    const cause = (error as { cause?: { code?: string } }).cause?.code
    throw new WeatherFetchError(
      'network',
      `Skyfolio could not reach Open-Meteo (${label}). Check the connection.`,
      { diagnostic: cause ?? (error instanceof Error ? error.message : String(error)) }
    )
  } finally {
    clearTimeout(timer)
    signal?.removeEventListener('abort', onAbort)
  }
}
