import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import sharp from 'sharp'
import { describe, expect, it, vi } from 'vitest'
import type { Envelope } from '@shared/contract'
import type { PhotoDetail } from '@shared/contract/library'
import { openDatabase } from '../../platform/store/database'
import { useTempDir } from '../../../../test/support/temp-dir'
import { canonCameraTags, canonExposureTags } from '../../../../test/support/test-images'
import { useTestCores } from '../../../../test/support/test-core'
import { addPhoto, openLibraryStore, photoFacts } from '../../../../test/support/photo-store-kit'
import { libraryMigrations } from './library-migrations'

const tempDir = useTempDir()
const core = useTestCores()

const canon = {
  shutter: 0.004,
  aperture: 2.8,
  iso: 200,
  focal: 35,
  focal35: 35,
  lens: 'Canon EF 24-70mm f/2.8L II USM'
}

describe('exposure facts in the store', () => {
  it('keeps what the worker read and gives it back with the photo', () => {
    const store = openLibraryStore(tempDir())
    const id = addPhoto(store, '/p/canon.jpg', photoFacts(1, { exposure: canon }))
    const partial = addPhoto(
      store,
      '/p/phone.jpg',
      photoFacts(2, { exposure: { ...canon, shutter: null, lens: null } })
    )
    const plain = addPhoto(store, '/p/plain.jpg', photoFacts(3))
    expect(store.photos.get(id)?.exposure).toEqual(canon)
    expect(store.photos.get(partial)?.exposure).toEqual({ ...canon, shutter: null, lens: null })
    expect(store.photos.get(plain)?.exposure).toBeNull()
    store.db.close()
  })

  it('migration 27: photos imported before it show no exposure, new ones do', () => {
    const dir = tempDir()
    const old = openDatabase(join(dir, 'skyfolio.db'), {
      migrations: libraryMigrations.filter((m) => m.version < 27)
    })
    old.exec(`
      INSERT INTO library_assets (hash, width, height, format, thumbhash, phash, thumb, preview,
        version)
      VALUES ('${'a'.repeat(64)}', 10, 10, 'jpeg', 'x', '0123456789abcdef', 't', 'p', 1);
      INSERT INTO library_photos (path, name, folder, hash, phash, format, size, mtime, date,
        imported_at, name_key)
      VALUES ('/t/old.jpg', 'old.jpg', '/t', '${'a'.repeat(64)}', '0', 'jpeg', 5, 0, 0, 0, 'old');`)
    old.close()

    const store = openLibraryStore(dir)
    const oldId = store.db
      .prepare<[], number>(`SELECT id FROM library_photos WHERE path = '/t/old.jpg'`)
      .pluck()
      .get()!
    expect(store.photos.get(oldId)).toMatchObject({ name: 'old.jpg', exposure: null })
    const id = addPhoto(store, '/t/new.jpg', photoFacts(5, { exposure: canon }))
    expect(store.photos.get(id)?.exposure).toEqual(canon)
    store.db.close()
  })

  it('arrives in library:photo for a JPEG written with those EXIF tags', async () => {
    const dir = tempDir()
    const file = join(dir, 'canon.jpg')
    const jpeg = await sharp({
      create: { width: 320, height: 240, channels: 3, background: '#48c' }
    })
      .jpeg()
      .withExif({
        IFD0: canonCameraTags,
        IFD2: canonExposureTags
      })
      .toBuffer()
    writeFileSync(file, jpeg)
    const c = core(dir)
    const call = async <T>(channel: string, params: unknown = {}): Promise<T> => {
      const envelope = (await c.router.dispatch(channel, params)) as Envelope<T>
      if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`)
      return envelope.value
    }
    await call('library:import', { paths: [file] })
    const id = await vi.waitFor(
      async () => {
        const list = await call<{ items: { id: number }[] }>('library:list', {})
        expect(list.items).toHaveLength(1)
        return list.items[0]!.id
      },
      { timeout: 50_000, interval: 50 }
    )
    const detail = await call<PhotoDetail>('library:photo', { id })
    expect(detail.camera).toBe('Canon EOS R5')
    expect(detail.exposure).toEqual(canon)
  }, 60_000)
})
