/**
 * What one Open-Meteo call counts for against the free limits. Open-Meteo documents fractional
 * calls: a call with more than 10 variables, or more than two weeks of data, counts as more
 * than one (20 variables = 2 calls; 4 weeks = 2 calls), and each location counts separately.
 * Shared by the client (to stay under the limits) and the fixture (to enforce them).
 */
export const FREE_LIMITS = { minute: 600, hour: 5_000, day: 10_000 } as const
export type CallLimits = { readonly minute: number; readonly hour: number; readonly day: number }

const VARIABLE_BLOCKS = ['hourly', 'daily', 'current', 'minutely_15'] as const
const DAY_MS = 86_400_000

const count = (v: string | null): number => (v ? v.split(',').filter(Boolean).length : 0)

/** The weight of the call `url` asks for (at least 1 per location). */
export function callWeight(url: string | URL): number {
  const params = (typeof url === 'string' ? new URL(url) : url).searchParams
  const locations = Math.max(1, count(params.get('latitude')))
  const variables = VARIABLE_BLOCKS.reduce((n, b) => n + count(params.get(b)), 0)
  const start = params.get('start_date')
  const end = params.get('end_date')
  let days: number
  if (start && end) {
    const span = (Date.parse(`${end}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / DAY_MS
    days = Number.isFinite(span) ? span + 1 : 1
  } else {
    const forecast = Number(params.get('forecast_days') ?? 7)
    days = (Number.isFinite(forecast) ? forecast : 7) + (Number(params.get('past_days')) || 0)
  }
  return locations * Math.max(1, variables / 10) * Math.max(1, days / 14)
}
