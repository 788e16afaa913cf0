import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { defaultSettings } from '@shared/contract'
import { useTempDir } from '../../../../test/support/temp-dir'
import { openDatabase } from './database'
import { settingsMigrations as migrations } from './migration'
import { SettingsRepository } from './settings-repository'

const tempDir = useTempDir()

describe('settings repository', () => {
  it('reads defaults on a new file and keeps an update across reopen', () => {
    const file = join(tempDir(), 'skyfolio.db')
    const db = openDatabase(file, { migrations })
    const repo = new SettingsRepository(db)
    expect(repo.get()).toEqual(defaultSettings)
    const next = repo.update({ temperatureUnit: 'fahrenheit', reportRetentionDays: 30 })
    expect(next).toMatchObject({
      temperatureUnit: 'fahrenheit',
      reportRetentionDays: 30,
      theme: 'system'
    })
    db.close()
    const again = new SettingsRepository(openDatabase(file, { migrations }))
    expect(again.get().temperatureUnit).toBe('fahrenheit')
  })

  it('falls back to the default for a stored value that no longer fits', () => {
    const db = openDatabase(join(tempDir(), 'skyfolio.db'), { migrations })
    db.prepare('INSERT INTO settings (key, value, updated_at) VALUES (?, ?, 0)').run(
      'theme',
      '"neon"'
    )
    db.prepare('INSERT INTO settings (key, value, updated_at) VALUES (?, ?, 0)').run(
      'refreshIntervalMin',
      '{bad json'
    )
    const repo = new SettingsRepository(db)
    expect(repo.get().theme).toBe('system')
    expect(repo.get().refreshIntervalMin).toBe(defaultSettings.refreshIntervalMin)
    db.close()
  })
})
