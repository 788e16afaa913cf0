import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useTempDir } from '../../../test/support/temp-dir'
import { openDatabase } from '../platform/store/database'
import { migrations } from './migrations'

const tempDir = useTempDir()

describe("the app's migrations", () => {
  it('apply to an empty file, each version once', () => {
    const db = openDatabase(join(tempDir(), 'skyfolio.db'), { migrations })
    const latest = Math.max(...migrations.map((m) => m.version))
    expect(db.pragma('user_version', { simple: true })).toBe(latest)
    expect(new Set(migrations.map((m) => m.version)).size).toBe(migrations.length)
    db.close()
  })
})
