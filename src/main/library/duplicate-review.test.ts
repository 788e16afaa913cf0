import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import sharp from 'sharp'
import { describe, expect, it, vi } from 'vitest'
import type { DuplicateGroup, EventName } from '@shared/contract'
import type { Core } from '../core/core'
import { useTestCores } from '../../../test/support/test-core'
import { useTempDir } from '../../../test/support/temp-dir'
import { scenePixels } from '../../../test/support/test-images'

const tempDir = useTempDir()
const core = useTestCores()
/** Imports run real workers from source: slow on a busy machine, never timed. */
const SLOW = 180_000

async function call<T>(c: Core, channel: string, params: unknown = {}): Promise<T> {
  const envelope = await c.router.dispatch(channel, params)
  if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`)
  return envelope.value as T
}

describe('the duplicate review through the app core', () => {
  it(
    'tells the window once the pairs of an import are made, so the review shows the group',
    async () => {
      const dir = tempDir()
      const folder = join(dir, 'Trip')
      mkdirSync(folder)
      const beach = await sharp(await scenePixels(1600, 1100, 1))
        .jpeg({ quality: 90 })
        .toBuffer()
      writeFileSync(join(folder, 'beach.jpg'), beach)
      await sharp(beach).resize(800).jpeg({ quality: 60 }).toFile(join(folder, 'beach-small.jpg'))

      const c = core(dir)
      const heard: { event: EventName; payload: unknown }[] = []
      c.bus.connect((event, payload) => heard.push({ event, payload }))
      await call(c, 'library:import', { paths: [folder] })
      await vi.waitFor(
        async () =>
          expect((await call<{ state: string }>(c, 'library:progress')).state).toBe('idle'),
        { timeout: SLOW, interval: 25 }
      )
      // Pairing runs after the import: a change with nothing added or removed says it is done.
      await vi.waitFor(
        () =>
          expect(heard).toContainEqual({
            event: 'library:changed',
            payload: expect.objectContaining({ added: 0, removed: 0 })
          }),
        { timeout: SLOW, interval: 25 }
      )
      const page = await call<{ total: number; groups: DuplicateGroup[] }>(
        c,
        'library:duplicate-groups',
        { offset: 0, limit: 10 }
      )
      expect(page.groups.map((g) => g.members.map((m) => m.name))).toEqual([
        ['beach.jpg', 'beach-small.jpg']
      ])
    },
    SLOW
  )
})
