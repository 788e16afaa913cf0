import type { UnknownReason } from '@shared/contract/photo-weather'

/** Grid step in degrees: 0.1° is about 11 km north–south (less east–west away from the equator). */
export const CELL_DEGREES = 0.1
/** Beyond this latitude the grid cell is "a pole": no photo weather is asked for. */
export const POLE_LATITUDE = 85

export interface Cell {
  /** "latIndex:lonIndex", stable across runs. */
  readonly key: string
  /** The cell's centre: the only position that ever leaves the machine. */
  readonly latitude: number
  readonly longitude: number
}

const round1 = (n: number): number => Math.round(n * 10) / 10

/** The grid cell a position falls in (rounded before anything is sent). */
export function cellOf(lat: number, lon: number): Cell {
  const i = Math.round(lat / CELL_DEGREES)
  // 180° and -180° are the same meridian.
  let j = Math.round(lon / CELL_DEGREES)
  if (j === 1800) j = -1800
  return {
    key: `${i}:${j}`,
    latitude: round1(i * CELL_DEGREES),
    longitude: round1(j * CELL_DEGREES)
  }
}

export function cellFromKey(key: string): Cell {
  const [i, j] = key.split(':').map(Number) as [number, number]
  return { key, latitude: round1(i * CELL_DEGREES), longitude: round1(j * CELL_DEGREES) }
}

/** Why a position gets no weather, or null when it is usable. */
export function badPosition(lat: number, lon: number): UnknownReason | null {
  if (!Number.isFinite(lat) || !Number.isFinite(lon)) return 'no-place'
  if (lat === 0 && lon === 0) return 'null-island'
  if (Math.abs(lat) > POLE_LATITUDE) return 'pole'
  return null
}

const EARTH_KM = 6371

export function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const r = Math.PI / 180
  const a =
    Math.sin(((lat2 - lat1) * r) / 2) ** 2 +
    Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(((lon2 - lon1) * r) / 2) ** 2
  return 2 * EARTH_KM * Math.asin(Math.min(1, Math.sqrt(a)))
}
