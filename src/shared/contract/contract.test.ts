import { describe, expect, it } from 'vitest'
import {
  channels,
  defaultSettings,
  eventNames,
  requests,
  settingsPatchSchema,
  settingsSchema
} from '.'

describe('contract', () => {
  it('names every request domain:verb and every event domain:happening', () => {
    for (const name of [...channels, ...eventNames])
      expect(name).toMatch(/^[a-z]+(-[a-z]+)*:[a-z]+(-[a-z]+)*$/)
  })

  it('gives every request a params object schema that refuses unknown keys', () => {
    for (const channel of channels) {
      const schema = requests[channel].params
      const withExtra = schema.safeParse({ surely_not_a_param_name: 1 })
      expect(withExtra.success, `${channel} accepted an unknown key`).toBe(false)
      expect(schema.safeParse('a string').success, channel).toBe(false)
    }
  })

  it('has defaults that satisfy the settings schema', () => {
    expect(settingsSchema.parse(defaultSettings)).toEqual(defaultSettings)
  })

  it('accepts a partial settings patch without filling in defaults', () => {
    expect(settingsPatchSchema.parse({ theme: 'dark' })).toEqual({ theme: 'dark' })
    expect(settingsPatchSchema.safeParse({ refreshIntervalMin: 5 }).success).toBe(false)
    expect(settingsPatchSchema.safeParse({ weatherBaseUrl: 'file:///etc/passwd' }).success).toBe(
      false
    )
    expect(settingsPatchSchema.safeParse({ weatherBaseUrl: 'http://127.0.0.1:9000' }).success).toBe(
      true
    )
  })

  it('only lets https links out to the OS browser', () => {
    const schema = requests['shell:open-external'].params
    expect(schema.safeParse({ url: 'https://open-meteo.com/' }).success).toBe(true)
    expect(schema.safeParse({ url: 'http://open-meteo.com/' }).success).toBe(false)
    expect(schema.safeParse({ url: 'file:///etc/passwd' }).success).toBe(false)
    expect(schema.safeParse({ url: 'javascript:alert(1)' }).success).toBe(false)
  })
})
