import { existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { decodeMediaBatch, mediaBatchUrl } from '@shared/library/media-batch'
import { useTempDir } from '../../../test/support/temp-dir'
import { memoryLogger } from '../platform/log'
import { answerMediaBatch } from './media-batch'

const tempDir = useTempDir()

function library(): { roots: Record<string, string>; outside: string } {
  const dir = tempDir()
  const thumbs = join(dir, 'thumbs')
  mkdirSync(join(thumbs, 'ab'), { recursive: true })
  writeFileSync(join(thumbs, 'ab', 'one.webp'), 'RIFF-one')
  writeFileSync(join(thumbs, 'ab', 'two.webp'), 'RIFF-two')
  const outside = join(dir, 'secret.txt')
  writeFileSync(outside, 'secret')
  return { roots: { thumbnails: thumbs }, outside }
}

const ask = (roots: Record<string, string>, files: string[], root = 'thumbnails') =>
  answerMediaBatch(new URL(mediaBatchUrl(root, files), 'app://skyfolio'), roots, memoryLogger())

const texts = (body: Uint8Array | null, count: number) =>
  decodeMediaBatch(body!.slice().buffer, count)?.map((f) => (f ? Buffer.from(f).toString() : null))

describe('answering a media batch', () => {
  it('sends every file in the order asked, cached for good when all are there', async () => {
    const { roots } = library()
    const answer = await ask(roots, ['ab/two.webp', 'ab/one.webp'])
    expect(answer.status).toBe(200)
    expect(answer.headers['cache-control']).toMatch(/immutable/)
    expect(texts(answer.body, 2)).toEqual(['RIFF-two', 'RIFF-one'])
  })

  it('answers a missing file as missing, keeps the rest, and is not cached', async () => {
    const { roots } = library()
    const answer = await ask(roots, ['ab/one.webp', 'ab/not-made-yet.webp'])
    expect(texts(answer.body, 2)).toEqual(['RIFF-one', null])
    expect(answer.headers['cache-control']).toBe('no-store')
  })

  it('never reads outside the root, not even through a link inside it', async () => {
    const { roots, outside } = library()
    symlinkSync(outside, join(roots.thumbnails!, 'ab', 'link.webp'))
    const answer = await ask(roots, ['ab/link.webp', 'ab/one.webp'])
    expect(texts(answer.body, 2)).toEqual([null, 'RIFF-one'])
  })

  it('answers 404 for an unknown root, a prototype name or a malformed request', async () => {
    const { roots } = library()
    for (const root of ['nope', 'constructor', '__proto__'])
      expect((await ask(roots, ['ab/one.webp'], root)).status, root).toBe(404)
    const bad = await answerMediaBatch(
      new URL('app://skyfolio/media-batch/thumbnails?f=..%2Fsecret.txt'),
      roots,
      memoryLogger()
    )
    expect(bad).toMatchObject({ status: 404, body: null })
  })

  // /proc/self/mem is a regular file that fails on the first read, as root too.
  it.runIf(existsSync('/proc/self/mem'))(
    'answers a file that fails to read as missing, says so in the log, and sends the rest',
    async () => {
      const { roots } = library()
      const log = memoryLogger()
      const answer = await answerMediaBatch(
        new URL(mediaBatchUrl('proc', ['mem', 'status']), 'app://skyfolio'),
        { ...roots, proc: '/proc/self' },
        log
      )
      const [mem, status] = texts(answer.body, 2)!
      expect(mem).toBeNull()
      expect(status).toMatch(/^Name:/)
      expect(log.lines.join('\n')).toMatch(/could not read a batched media file.*EIO/)
    }
  )
})
