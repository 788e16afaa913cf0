import {
  defaultSettings,
  parseSetting,
  settingKeys,
  type Settings,
  type SettingsPatch
} from '@shared/contract'
import type { Db } from './database'

/** One row per setting key; a missing or stale value reads as its default. */
export class SettingsRepository {
  private readonly selectAll
  private readonly upsert

  constructor(
    private readonly db: Db,
    private readonly now: () => number = Date.now
  ) {
    this.selectAll = db.prepare<[], { key: string; value: string }>(
      'SELECT key, value FROM settings'
    )
    this.upsert = db.prepare(
      `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
       ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`
    )
  }

  get(): Settings {
    const stored = new Map(this.selectAll.all().map((r) => [r.key, r.value]))
    const out: Record<string, unknown> = { ...defaultSettings }
    for (const key of settingKeys) {
      const raw = stored.get(key)
      if (raw === undefined) continue
      let value: unknown
      try {
        value = JSON.parse(raw)
      } catch {
        continue
      }
      out[key] = parseSetting(key, value)
    }
    return out as Settings
  }

  update(patch: SettingsPatch): Settings {
    const at = this.now()
    this.db.transaction(() => {
      for (const [key, value] of Object.entries(patch)) {
        if (value !== undefined) this.upsert.run(key, JSON.stringify(value), at)
      }
    })()
    return this.get()
  }
}
