import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import type { Envelope } from '@shared/contract'
import type { Core } from '../core/core'
import { useTestCores } from '../../../test/support/test-core'
import { useTempDir } from '../../../test/support/temp-dir'
import { writeJpeg } from '../../../test/support/test-images'

const tempDir = useTempDir()
const core = useTestCores()

async function call<T>(c: Core, channel: string, params: unknown = {}): Promise<T> {
  const envelope = (await c.router.dispatch(channel, params)) as Envelope<T>
  if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`)
  return envelope.value
}

async function settled(c: Core): Promise<void> {
  for (;;) {
    const p = await call<{ state: string }>(c, 'library:progress')
    if (p.state === 'idle') return
    await new Promise((r) => setTimeout(r, 25))
  }
}

describe('library service', () => {
  it('imports through the contract and answers the gallery’s questions', async () => {
    const dir = tempDir()
    const folder = join(dir, 'Trip')
    mkdirSync(folder)
    for (let i = 0; i < 4; i++)
      await writeJpeg(join(folder, `p${i}.jpg`), { seed: i, date: `2020:0${i + 1}:02 12:00:00` })
    writeFileSync(join(folder, 'broken.jpg'), 'nope')
    const progress: unknown[] = []
    const progressCalls: (number | null)[] = []
    const c = core(dir, { desktop: { setProgress: (f) => progressCalls.push(f) } })
    c.bus.connect((event, payload) => {
      if (event === 'library:progress') progress.push(payload)
    })
    expect(c.mediaRoots.thumbnails).toBe(join(dir, 'user', 'cache', 'thumbnails'))

    await call(c, 'library:import', { paths: [folder] })
    await settled(c)
    expect(progress.length).toBeGreaterThan(0)
    await vi.waitFor(() => expect(progressCalls.at(-1)).toBeNull())

    const list = await call<{
      total: number
      items: { id: number; name: string; thumb: string }[]
    }>(c, 'library:list', { sort: 'taken', descending: false })
    expect(list.total).toBe(4)
    expect(list.items.map((i) => i.name)).toEqual(['p0.jpg', 'p1.jpg', 'p2.jpg', 'p3.jpg'])
    expect(list.items[0]!.thumb).toMatch(
      /^\/media\/thumbnails\/[0-9a-f]{2}\/[0-9a-f]{64}-v1-256\.jpg$/
    )

    const detail = await call<{ camera: string; takenAt: number; preview: string }>(
      c,
      'library:photo',
      { id: list.items[0]!.id }
    )
    expect(detail.camera).toBe('Skyfolio Test Camera')
    expect(new Date(detail.takenAt).getUTCMonth()).toBe(0)
    expect(detail.preview).toMatch(/-1440\.jpg$/)

    const failures = await call<{ total: number; items: { name: string; code: string }[] }>(
      c,
      'library:failures'
    )
    expect(failures.items).toEqual([
      expect.objectContaining({ name: 'broken.jpg', code: 'not-image' })
    ])

    const none = await call<{ total: number }>(c, 'library:list', { filter: { format: 'png' } })
    expect(none.total).toBe(0)
    const jpegs = await call<{ total: number }>(c, 'library:list', { filter: { format: 'jpeg' } })
    expect(jpegs.total).toBe(4)

    const facets = await call<{ total: number; formats: { format: string }[] }>(c, 'library:facets')
    expect(facets.total).toBe(4)
    expect(facets.formats).toEqual([{ format: 'jpeg', count: 4 }])

    expect(await call(c, 'library:remove', { ids: [list.items[0]!.id] })).toEqual({ removed: 1 })
    expect((await call<{ total: number }>(c, 'library:list')).total).toBe(3)

    await expect(call(c, 'library:import', {})).rejects.toThrow(/invalid_params/)
  })

  it('imports what the native dialog returns', async () => {
    const dir = tempDir()
    const file = join(dir, 'one.jpg')
    await writeJpeg(file)
    const c = core(dir, { desktop: { chooseImportSources: async () => [file] } })
    expect(await call(c, 'library:import-dialog')).toEqual({ chosen: 1 })
    await settled(c)
    expect((await call<{ total: number }>(c, 'library:list')).total).toBe(1)
  })
})
