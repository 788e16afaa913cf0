import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { fingerprintFromBase64 } from '@shared/library/fingerprint-codec'
import { compare } from '@shared/library/near-duplicate'
import { useTempDir } from '../../../../test/support/temp-dir'
import { scenePixels, writeRotatedCopy } from '../../../../test/support/test-images'
import { processImage } from './image-pipeline'

const tempDir = useTempDir()

async function fingerprintOf(
  file: string,
  out: string
): Promise<ReturnType<typeof fingerprintFromBase64>> {
  const outcome = await processImage(file, out)
  if (!outcome.ok) throw new Error(outcome.failure.reason)
  return fingerprintFromBase64(outcome.facts.fingerprint ?? '')
}

describe("the worker's near-duplicate fingerprint", () => {
  it('comes with the facts, made after EXIF orientation, so a rotated copy matches', async () => {
    const dir = tempDir()
    const upright = await sharp(await scenePixels(900, 600, 4))
      .jpeg({ quality: 90 })
      .toBuffer()
    writeFileSync(join(dir, 'upright.jpg'), upright)
    await writeRotatedCopy(upright, join(dir, 'rotated.jpg'))
    const a = await fingerprintOf(join(dir, 'upright.jpg'), join(dir, 'out'))
    const b = await fingerprintOf(join(dir, 'rotated.jpg'), join(dir, 'out'))
    expect(a).not.toBeNull()
    expect(b).toMatchObject({ width: a!.width, height: a!.height })
    expect(compare(a!, b!).near).toBe(true)
  })
})
