import { isEmptyExposure, type Exposure } from '@shared/library/exposure'

/** library_assets' exposure columns (migration 27); NULL for contents stored before. */
export interface ExposureColumns {
  exposure_time: number | null
  f_number: number | null
  iso: number | null
  focal_length: number | null
  focal_length_35: number | null
  lens: string | null
}

/** The exposure columns of a content (`a`), for a SELECT. */
export const EXPOSURE_COLUMNS =
  'a.exposure_time, a.f_number, a.iso, a.focal_length, a.focal_length_35, a.lens'

/** Named parameters for an INSERT: @exposureTime, @fNumber, @iso, @focal, @focal35, @lens. */
export const exposureParams = (
  e: Exposure | null | undefined
): Record<
  'exposureTime' | 'fNumber' | 'iso' | 'focal' | 'focal35' | 'lens',
  number | string | null
> => ({
  exposureTime: e?.shutter ?? null,
  fNumber: e?.aperture ?? null,
  iso: e?.iso ?? null,
  focal: e?.focal ?? null,
  focal35: e?.focal35 ?? null,
  lens: e?.lens ?? null
})

export function toExposure(r: ExposureColumns): Exposure | null {
  const exposure: Exposure = {
    shutter: r.exposure_time,
    aperture: r.f_number,
    iso: r.iso,
    focal: r.focal_length,
    focal35: r.focal_length_35,
    lens: r.lens
  }
  return isEmptyExposure(exposure) ? null : exposure
}
