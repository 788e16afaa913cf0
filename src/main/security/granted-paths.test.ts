import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { AppFailure } from '@shared/contract'
import { useTempDir } from '../../../test/support/temp-dir'
import { requireGranted } from './granted-paths'
import { createGrantList, everyPathGranted } from './path-grants'

const tempDir = useTempDir()
const linkDir = (target: string, link: string): void =>
  symlinkSync(target, link, process.platform === 'win32' ? 'junction' : 'dir')

/** A chosen folder with a photo, and a private folder beside it. */
function layout() {
  const dir = tempDir()
  const chosen = join(dir, 'chosen')
  const secret = join(dir, 'secret')
  mkdirSync(join(chosen, 'inner'), { recursive: true })
  mkdirSync(secret)
  writeFileSync(join(chosen, 'one.jpg'), 'x')
  writeFileSync(join(secret, 'key.jpg'), 'x')
  return { dir, chosen, secret }
}

async function refusal(promise: Promise<unknown>): Promise<AppFailure> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e
  )
  expect(error).toBeInstanceOf(AppFailure)
  return error as AppFailure
}

describe('requireGranted', () => {
  it('refuses a path nobody chose as forbidden, saying how to choose it, naming no path', async () => {
    const { chosen, secret } = layout()
    const failure = await refusal(requireGranted(createGrantList(), [join(secret, 'key.jpg')]))
    expect(failure.code).toBe('forbidden')
    expect(failure.message).toMatch(/^That path was not chosen in this window\./)
    expect(failure.message).toContain('“Add photos…”')
    expect(failure.message).not.toContain(secret)

    const grants = createGrantList()
    grants.grant(chosen)
    const mixed = await refusal(
      requireGranted(grants, [join(chosen, 'one.jpg'), secret, `${chosen}-copy`])
    )
    expect(mixed.message).toMatch(/^2 of the 3 paths were not chosen/)
  })

  it('returns the normalised paths when every one lies in a chosen folder', async () => {
    const { chosen } = layout()
    const grants = createGrantList()
    grants.grant(chosen)
    await expect(
      requireGranted(grants, [join(chosen, 'inner', '..', 'one.jpg'), `${chosen}/`])
    ).resolves.toEqual([join(chosen, 'one.jpg'), chosen])
  })

  it('does not follow a symbolic link inside a chosen folder out of it', async () => {
    const { chosen, secret } = layout()
    linkDir(secret, join(chosen, 'escape'))
    const grants = createGrantList()
    grants.grant(chosen)
    for (const path of [join(chosen, 'escape'), join(chosen, 'escape', 'key.jpg')]) {
      const failure = await refusal(requireGranted(grants, [path]))
      expect(failure.code).toBe('forbidden')
      expect(failure.message).toMatch(/leads through a link out of the folder you chose/)
    }
  })

  it('follows links that stay inside, and a link the user chose itself', async () => {
    const { dir, chosen, secret } = layout()
    linkDir(join(chosen, 'inner'), join(chosen, 'shortcut'))
    const pictures = join(dir, 'Pictures')
    linkDir(secret, pictures)
    const grants = createGrantList()
    grants.grant(chosen)
    grants.grant(pictures)
    await expect(
      requireGranted(grants, [join(chosen, 'shortcut'), pictures, join(pictures, 'key.jpg')])
    ).resolves.toEqual([join(chosen, 'shortcut'), pictures, join(pictures, 'key.jpg')])
  })

  it('lets a missing path inside a chosen folder through: opening it says it is missing', async () => {
    const { chosen } = layout()
    const grants = createGrantList()
    grants.grant(chosen)
    await expect(requireGranted(grants, [join(chosen, 'gone', 'x.jpg')])).resolves.toEqual([
      join(chosen, 'gone', 'x.jpg')
    ])
  })

  it('under the headless host, takes any typed path without reading the disk', async () => {
    const read: string[] = []
    const realpath = async (p: string): Promise<string> => {
      read.push(p)
      return p
    }
    await expect(
      requireGranted(everyPathGranted(), ['/etc/../srv/photos'], realpath)
    ).resolves.toEqual([resolve('/srv/photos')])
    expect(read).toEqual([])
  })
})
