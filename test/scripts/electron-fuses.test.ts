import { join } from 'node:path'
import type { Configuration } from 'electron-builder'
import { beforeAll, describe, expect, it } from 'vitest'

const root = join(__dirname, '../..')
type Fuses = NonNullable<Configuration['electronFuses']>

/** electron-builder.yml as electron-builder itself reads it (its loader, its YAML parser). */
async function builderConfig(): Promise<Configuration> {
  const { getConfig } = await import('app-builder-lib/out/util/config/load')
  const read = await getConfig<Configuration>(
    {
      packageKey: 'build',
      configFilename: 'electron-builder',
      projectDir: root,
      packageMetadata: null
    },
    join(root, 'electron-builder.yml')
  )
  if (!read) throw new Error('electron-builder.yml was not found')
  return read.result
}

describe('the packaged app’s Electron fuses (electron-builder.yml)', () => {
  let config: Configuration
  beforeAll(async () => {
    config = await builderConfig()
  })

  // Each fuse and the value that closes what it guards.
  const expected = {
    runAsNode: false,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableCookieEncryption: true,
    onlyLoadAppFromAsar: true,
    enableEmbeddedAsarIntegrityValidation: true,
    grantFileProtocolExtraPrivileges: false
  } satisfies Fuses

  for (const [fuse, value] of Object.entries(expected)) {
    it(`sets ${fuse} to ${value}`, () => {
      expect(config.electronFuses?.[fuse as keyof Fuses]).toBe(value)
    })
  }

  it('packs the app into an ASAR, which onlyLoadAppFromAsar needs', () => {
    expect(config.asar).not.toBe(false)
  })

  // The schema refuses unknown keys, so a misspelt fuse cannot pass unnoticed.
  it('passes electron-builder’s own schema check', async () => {
    const { validateConfiguration } = await import('app-builder-lib/out/util/config/config')
    const { DebugLogger } = await import('builder-util')
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined()
  })
})
