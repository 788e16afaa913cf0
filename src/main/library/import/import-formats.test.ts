import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { useTempDir } from '../../../../test/support/temp-dir'
import { openQueue, rows, type QueueKit } from '../../../../test/support/library-test-kit'
import {
  badChecksumPng,
  cameraRaw,
  heicHead,
  jpeg2000Head,
  svgDrawing,
  validImageSet,
  writeJpeg
} from '../../../../test/support/test-images'

const tempDir = useTempDir()
const open: QueueKit[] = []
afterEach(async () => {
  await Promise.all(open.splice(0).map((k) => k.quit()))
})

interface Job {
  source: string
  state: string
  code: string | null
  reason: string | null
}

describe('every file in a chosen folder gets a result', () => {
  it('imports valid images, skips formats not supported yet, fails damaged files: totals add up', async () => {
    const dir = tempDir()
    const folder = join(dir, 'card')
    mkdirSync(folder)
    const valid = await validImageSet()
    for (const { name, bytes } of valid) writeFileSync(join(folder, name), bytes)
    const unsupported: Record<string, Buffer> = {
      'logo.svg': svgDrawing(),
      'scan.jp2': jpeg2000Head(),
      'IMG_0001.HEIC': heicHead(),
      'IMG_0002.CR2': await cameraRaw('cr2'),
      'DSC_0003.NEF': await cameraRaw('nef'),
      'DSC_0004.ARW': await cameraRaw('arw'),
      'IMG_0005.DNG': await cameraRaw('dng')
    }
    for (const [name, bytes] of Object.entries(unsupported))
      writeFileSync(join(folder, name), bytes)
    writeFileSync(join(folder, 'checksum.png'), await badChecksumPng())
    writeFileSync(join(folder, 'notes.txt'), 'not an image, not counted')
    const outside = join(dir, 'elsewhere')
    mkdirSync(outside)
    await writeJpeg(join(outside, 'private.jpg'))
    symlinkSync(outside, join(folder, 'link-out'))

    const k = openQueue(dir)
    open.push(k)
    k.queue.add([folder], [])
    const t = setInterval(
      () =>
        console.log(
          JSON.stringify(k.queue.progress()),
          rows(k.db, 'SELECT state, count(*) n FROM library_jobs GROUP BY state')
        ),
      2000
    )
    await k.queue.idle()
    clearInterval(t)

    const jobs = rows<Job>(k.db, 'SELECT source, state, code, reason FROM library_jobs')
    const by = (name: string): Job | undefined => jobs.find((j) => j.source.endsWith(`/${name}`))
    for (const { name } of valid)
      expect({ name, state: by(name)?.state }).toEqual({ name, state: 'done' })
    for (const name of Object.keys(unsupported)) {
      expect({ name, job: by(name) }).toMatchObject({
        name,
        job: {
          state: 'skipped',
          code: 'unsupported',
          reason: expect.stringMatching(/not supported yet/)
        }
      })
    }
    expect(by('checksum.png')).toMatchObject({ state: 'failed', code: 'corrupt' })
    expect(by('link-out')).toMatchObject({ state: 'skipped', code: 'outside-folder' })
    expect(jobs.some((j) => j.source.endsWith('private.jpg'))).toBe(false)
    expect(by('notes.txt')).toBeUndefined()

    // One result per image found (and one for the link), and the batch's counts say the same.
    const found = valid.length + Object.keys(unsupported).length + 1 + 1
    expect(jobs).toHaveLength(found)
    const count = (state: string): number => jobs.filter((j) => j.state === state).length
    expect([count('done'), count('skipped'), count('failed')]).toEqual([
      valid.length,
      Object.keys(unsupported).length + 1,
      1
    ])
    expect(k.finished).toEqual([valid.length])
    expect(Math.max(...k.progress.map((p) => p.discovered))).toBe(found)
  }, 60_000) // some twenty files through real worker processes, at low priority
})
