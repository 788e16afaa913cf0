import { linkSync, mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import sharp from 'sharp'
import { rgbaToThumbHash } from 'thumbhash'
import { migrations } from '../../src/main/core/migrations'
import { appPaths } from '../../src/main/platform/paths'
import { openDatabase } from '../../src/main/platform/store/database'
import { seedPhotos } from '../../test/support/photo-store-kit'

/** Distinct thumbnails made; every photo's file is a hard link to one of them. */
const KINDS = 24

interface Thumb {
  jpeg: Buffer
  thumbhash: string
}

/**
 * A thumbnail as the worker makes one (256 × 192 JPEG, 4:3 like the rows' 4000 × 3000), with
 * some detail so decoding it costs what a photo's does, and its thumbhash made the same way.
 */
async function thumbnail(kind: number): Promise<Thumb> {
  const angle = (kind / KINDS) * 2 * Math.PI
  const channel = (shift: number): number => Math.round(128 + 100 * Math.cos(angle + shift))
  const base = sharp({
    create: {
      width: 256,
      height: 192,
      channels: 3,
      background: '#808080',
      noise: { type: 'gaussian', mean: 128, sigma: 40 }
    }
  }).tint({ r: channel(0), g: channel(2.1), b: channel(4.2) })
  const raw = await base.clone().raw().toBuffer({ resolveWithObject: true })
  const jpeg = await sharp(raw.data, { raw: raw.info }).jpeg({ quality: 80 }).toBuffer()
  const tiny = await sharp(raw.data, { raw: raw.info })
    .resize(32, 24)
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true })
  const hash = rgbaToThumbHash(tiny.info.width, tiny.info.height, tiny.data)
  return { jpeg, thumbhash: Buffer.from(hash).toString('base64') }
}

/**
 * A user-data folder holding `rows` library photos: the rows of test/support/photo-store-kit's
 * seedPhotos (dated over eleven years, so the grid has month sections), each content with a
 * real thumbhash and its own thumbnail file at the path the media route serves (distinct URLs,
 * so the browser fetches and decodes each one as it would a real library's).
 */
export async function makeGalleryLibrary(userData: string, rows: number): Promise<void> {
  const paths = appPaths(userData)
  const thumbs = await Promise.all(Array.from({ length: KINDS }, (_, k) => thumbnail(k)))
  const sources = thumbs.map((t, k) => {
    const file = join(paths.cache, `gallery-source-${k}.jpg`)
    mkdirSync(dirname(file), { recursive: true })
    writeFileSync(file, t.jpeg)
    return file
  })
  const db = openDatabase(paths.database, { migrations })
  try {
    seedPhotos(db, rows)
    db.exec('CREATE TEMP TABLE kinds (k INTEGER PRIMARY KEY, thumbhash TEXT NOT NULL)')
    const kind = db.prepare('INSERT INTO kinds (k, thumbhash) VALUES (?, ?)')
    thumbs.forEach((t, k) => kind.run(k, t.thumbhash))
    db.exec(`
      UPDATE library_assets SET
        thumb = substr(hash, 1, 2) || '/' || hash || '-v1-256.jpg',
        thumbhash = (SELECT thumbhash FROM kinds WHERE k = library_assets.rowid % ${KINDS})
    `)
    const files = db
      .prepare<[], { rowid: number; thumb: string }>('SELECT rowid, thumb FROM library_assets')
      .all()
    const made = new Set<string>()
    for (const f of files) {
      const target = join(paths.thumbnails, f.thumb)
      const dir = dirname(target)
      if (!made.has(dir)) mkdirSync(dir, { recursive: true })
      made.add(dir)
      linkSync(sources[f.rowid % KINDS]!, target)
    }
  } finally {
    db.close()
  }
}
