import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useTempDir } from '../../../../test/support/temp-dir'
import { discover, type Discovered } from './discovery'

const tempDir = useTempDir()

async function walk(...roots: string[]): Promise<Discovered[]> {
  const all: Discovered[] = []
  for await (const batch of discover(roots, { batchSize: 3 })) all.push(...batch)
  return all
}

/** Each entry as "relative path: state (code)", sorted, for readable comparisons. */
function summary(found: readonly Discovered[], base: string): string[] {
  return found
    .map((f) => {
      const state = !f.failure ? 'queued' : f.skipped ? 'skipped' : 'failed'
      return `${f.path.slice(base.length + 1)}: ${state}${f.failure ? ` (${f.failure.code})` : ''}`
    })
    .sort()
}

const touch = (path: string): void => writeFileSync(path, 'x')

describe('discover', () => {
  it('counts images of formats not supported yet as skipped, and leaves other files out', async () => {
    const root = tempDir()
    for (const name of ['a.jpg', 'b.PNG', 'c.tiff', 'notes.txt', 'clip.mp4', 'IMG_1.xmp']) {
      touch(join(root, name))
    }
    const unsupported = ['logo.svg', 'scan.jp2', 'IMG_2.HEIC', 'pic.heif', 'old.bmp']
    const raw = ['IMG_3.CR2', 'DSC_4.nef', 'DSC_5.ARW', 'IMG_6.dng', 'DSCF7.raf']
    for (const name of [...unsupported, ...raw]) touch(join(root, name))

    const found = await walk(root)
    expect(summary(found, root)).toEqual(
      [
        'a.jpg: queued',
        'b.PNG: queued',
        'c.tiff: queued',
        ...[...unsupported, ...raw].map((n) => `${n}: skipped (unsupported)`)
      ].sort()
    )
    for (const f of found.filter((f) => f.failure))
      expect(f.failure?.reason).toMatch(/not supported yet/)
    const byName = (n: string): string | undefined =>
      found.find((f) => f.path.endsWith(n))?.failure?.reason
    expect(byName('scan.jp2')).toMatch(/JPEG 2000/)
    expect(byName('IMG_2.HEIC')).toMatch(/HEIC/)
    expect(byName('DSC_4.nef')).toMatch(/RAW/)
  })

  it('never follows a link out of the chosen folder; links inside lead nowhere twice', async () => {
    const base = tempDir()
    const root = join(base, 'chosen')
    const outside = join(base, 'elsewhere')
    mkdirSync(join(root, 'sub'), { recursive: true })
    mkdirSync(join(root, '.hidden'))
    mkdirSync(outside)
    touch(join(root, 'a.jpg'))
    touch(join(root, 'sub', 'b.jpg'))
    touch(join(root, '.hidden', 'c.jpg'))
    touch(join(outside, 'secret.jpg'))
    symlinkSync(outside, join(root, 'link-out'))
    symlinkSync(join(outside, 'secret.jpg'), join(root, 'file-out.jpg'))
    symlinkSync(join(root, 'sub'), join(root, 'link-in'))
    symlinkSync(join(root, 'sub', 'b.jpg'), join(root, 'b-again.jpg'))
    symlinkSync(root, join(root, 'sub', 'up'))
    symlinkSync(join(root, '.hidden'), join(root, 'shown'))
    // A link inside the followed folder that points back out: no way out through a link.
    symlinkSync(outside, join(root, '.hidden', 'out-again'))

    expect(summary(await walk(root), root)).toEqual(
      [
        'a.jpg: queued',
        'sub/b.jpg: queued',
        // A link to a file inside is that file (a second path; the import marks a duplicate).
        'b-again.jpg: queued',
        'file-out.jpg: skipped (outside-folder)',
        'link-out: skipped (outside-folder)',
        'link-in: failed (loop)',
        'sub/up: failed (loop)',
        // Its real folder is hidden, so the link is the only way in: followed, once.
        'shown/c.jpg: queued',
        'shown/out-again: skipped (outside-folder)'
      ].sort()
    )
  })

  it('takes files under another chosen folder by their real path, once', async () => {
    const base = tempDir()
    mkdirSync(join(base, 'one'))
    mkdirSync(join(base, 'two'))
    touch(join(base, 'two', 'b.jpg'))
    symlinkSync(join(base, 'two'), join(base, 'one', 'to-two'))
    const found = await walk(join(base, 'one'), join(base, 'two'))
    expect(summary(found, base)).toEqual(['one/to-two: failed (loop)', 'two/b.jpg: queued'])
  })
})
