import { mkdirSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { useTempDir } from '../../../test/support/temp-dir'
import { GENERATED_PHOTO, generatedSample } from './sample-set'

const tempDir = useTempDir()

describe('the generated sample', () => {
  it('is made once per parameters: a later run reuses every photo and makes only new ones', async () => {
    const root = tempDir()
    // A set made with older parameters is never read again, so it is removed.
    mkdirSync(join(root, 'generated-v1'))
    writeFileSync(join(root, 'generated-v1', 'photo-0000.jpg'), 'old')
    const first = await generatedSample(root, 1)
    expect(first.generated).toMatchObject({ width: GENERATED_PHOTO.width, quality: 88 })
    const made = statSync(first.files[0]!)
    const progress: number[] = []
    const second = await generatedSample(root, 2, (n) => progress.push(n))
    expect(second.files[0]).toBe(first.files[0])
    // The first photo was not made again: same file, untouched.
    expect(statSync(second.files[0]!)).toMatchObject({ ino: made.ino, mtimeMs: made.mtimeMs })
    expect(progress).toEqual([1, 2])
    const meta = await sharp(second.files[1]!).metadata()
    expect([meta.width, meta.height, meta.format]).toEqual([3000, 2000, 'jpeg'])
    expect(() => statSync(join(root, 'generated-v1'))).toThrow()
  }, 120_000)
})
