import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { AppError, Envelope, ImportProgress } from '@shared/contract'
import { useTestCores } from '../../../test/support/test-core'
import { useTempDir } from '../../../test/support/temp-dir'
import { writeJpeg } from '../../../test/support/test-images'
import type { Core } from './core'

const tempDir = useTempDir()
const core = useTestCores()

const send = (c: Core, channel: string, params: unknown = {}): Promise<Envelope<unknown>> =>
  c.router.dispatch(channel, params)

async function refused(c: Core, channel: string, params: unknown): Promise<AppError> {
  const envelope = await send(c, channel, params)
  if (envelope.ok) throw new Error(`${channel} was accepted`)
  return envelope.error
}

async function accepted<T>(c: Core, channel: string, params: unknown = {}): Promise<T> {
  const envelope = await send(c, channel, params)
  if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`)
  return envelope.value as T
}

async function settled(c: Core): Promise<ImportProgress> {
  for (;;) {
    const p = await accepted<ImportProgress>(c, 'library:progress')
    if (p.state === 'idle') return p
    await new Promise((r) => setTimeout(r, 25))
  }
}

const photoCount = async (c: Core): Promise<number> =>
  (await accepted<{ total: number }>(c, 'library:list')).total

/** A folder with one photo in it, and a folder beside it whose name starts the same. */
async function folders(dir: string) {
  const photos = join(dir, 'photos')
  const sibling = join(dir, 'photos-private')
  mkdirSync(photos)
  mkdirSync(sibling)
  await writeJpeg(join(photos, 'one.jpg'))
  await writeJpeg(join(sibling, 'two.jpg'), { seed: 2 })
  return { photos, sibling }
}

const folderRun = (path: string) => ({
  sample: { kind: 'folder', path },
  maxWorkers: 1,
  jsStage: false,
  withWeather: false
})

// Real imports and runs with worker processes: generous limits for a loaded machine.
describe('paths the desktop window may name', { timeout: 90_000 }, () => {
  it('refuses to import a typed path nobody chose, and queues nothing', async () => {
    const dir = tempDir()
    const { photos } = await folders(dir)
    const c = core(dir, { runtime: 'electron' })
    const error = await refused(c, 'library:import', { paths: [photos], urls: [] })
    expect(error.code).toBe('forbidden')
    expect(error.message).toContain('not chosen in this window')
    expect(await settled(c)).toMatchObject({ discovered: 0, batchId: null })
    expect(await photoCount(c)).toBe(0)
  })

  it('imports what was dropped (granted), and nothing beside it that shares its name', async () => {
    const dir = tempDir()
    const { photos, sibling } = await folders(dir)
    const c = core(dir, { runtime: 'electron' })
    // What the IPC bridge does with the preload's webUtils.getPathForFile answer.
    expect(c.grants.grant(photos)).toBe(true)

    const prefix = await refused(c, 'library:import', { paths: [sibling], urls: [] })
    expect(prefix.code).toBe('forbidden')
    const climb = await refused(c, 'library:import', {
      paths: [join(photos, '..', 'photos-private', 'two.jpg')],
      urls: []
    })
    expect(climb.code).toBe('forbidden')
    // One path nobody chose refuses the whole request: nothing of it is queued.
    const mixed = await refused(c, 'library:import', { paths: [photos, sibling], urls: [] })
    expect(mixed.message).toMatch(/^1 of the 2 paths was not chosen/)
    expect((await settled(c)).discovered).toBe(0)

    await accepted(c, 'library:import', { paths: [join(photos, 'one.jpg')], urls: [] })
    await settled(c)
    expect(await photoCount(c)).toBe(1)
  })

  it('grants what the native dialog returned, for later requests too', async () => {
    const dir = tempDir()
    const { photos } = await folders(dir)
    const c = core(dir, {
      runtime: 'electron',
      desktop: { chooseImportSources: async () => [photos] }
    })
    expect(await accepted(c, 'library:import-dialog')).toEqual({ chosen: 1 })
    await settled(c)
    expect(await photoCount(c)).toBe(1)
    await expect(
      accepted(c, 'library:import', { paths: [join(photos, 'one.jpg')], urls: [] })
    ).resolves.toBeDefined()
  })

  it('refuses "Test both" on a folder nobody chose, and runs it on a chosen one', async () => {
    const dir = tempDir()
    const { photos, sibling } = await folders(dir)
    const empty = join(photos, 'empty')
    mkdirSync(empty)
    const c = core(dir, { runtime: 'electron' })
    const error = await refused(c, 'bench:start', folderRun(sibling))
    expect(error.code).toBe('forbidden')
    expect((await accepted<{ runs: unknown[] }>(c, 'bench:runs')).runs).toEqual([])

    c.grants.grant(photos)
    // Accepted: the run starts (and ends at once: the folder has no images).
    const { runId } = await accepted<{ runId: number }>(c, 'bench:start', folderRun(empty))
    expect(runId).toBeGreaterThan(0)
  })
})

describe('paths under the headless host', { timeout: 90_000 }, () => {
  it('takes typed paths: the token holder typed them', async () => {
    const dir = tempDir()
    const { photos, sibling } = await folders(dir)
    const c = core(dir, { runtime: 'headless' })
    await accepted(c, 'library:import', { paths: [photos], urls: [] })
    await settled(c)
    expect(await photoCount(c)).toBe(1)
    const empty = join(sibling, 'empty')
    mkdirSync(empty)
    await expect(accepted(c, 'bench:start', folderRun(empty))).resolves.toMatchObject({
      runId: expect.any(Number)
    })
  })
})
