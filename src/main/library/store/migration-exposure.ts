import type { Migration } from '../../platform/store/migration'

/**
 * Exposure facts from EXIF (shutter, aperture, ISO, focal length, lens), kept with the content
 * like the camera and GPS. Contents stored before stay NULL: the lightbox then shows none.
 */
export const exposureMigration: Migration = {
  version: 27,
  name: 'library-exposure',
  up(db) {
    db.exec(`
      -- Seconds.
      ALTER TABLE library_assets ADD COLUMN exposure_time REAL;
      ALTER TABLE library_assets ADD COLUMN f_number REAL;
      ALTER TABLE library_assets ADD COLUMN iso INTEGER;
      -- Millimetres: the lens's own, and the full-frame equivalent the camera wrote.
      ALTER TABLE library_assets ADD COLUMN focal_length REAL;
      ALTER TABLE library_assets ADD COLUMN focal_length_35 INTEGER;
      ALTER TABLE library_assets ADD COLUMN lens TEXT;
    `)
  }
}
