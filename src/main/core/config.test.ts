import { describe, expect, it } from 'vitest'
import { ConfigError, readConfig } from './config'

describe('readConfig', () => {
  it('gives the defaults for an empty environment', () => {
    const config = readConfig({}, 'linux')
    expect(config).toMatchObject({
      userDataDir: null,
      weatherUrl: null,
      autoRefresh: true,
      port: 0,
      logLevel: 'info',
      importTimeoutMs: 60_000
    })
    expect(config.defaultUserDataDir).toMatch(/\.config\/Skyfolio$/)
  })

  it('reads every variable it knows, and treats empty ones as unset', () => {
    const config = readConfig(
      {
        SKYFOLIO_USER_DATA: '/tmp/profile',
        SKYFOLIO_WEATHER_URL: 'http://127.0.0.1:4567',
        SKYFOLIO_WEATHER_AUTOREFRESH: '0',
        SKYFOLIO_PORT: '8123',
        SKYFOLIO_LOG: '',
        XDG_CONFIG_HOME: '/xdg'
      },
      'linux'
    )
    expect(config).toMatchObject({
      userDataDir: '/tmp/profile',
      weatherUrl: 'http://127.0.0.1:4567',
      autoRefresh: false,
      port: 8123,
      logLevel: 'info',
      defaultUserDataDir: '/xdg/Skyfolio'
    })
  })

  it('refuses bad values, naming each variable', () => {
    const read = () =>
      readConfig({ SKYFOLIO_PORT: '70000', SKYFOLIO_WEATHER_URL: 'file:///etc/passwd' }, 'linux')
    expect(read).toThrow(ConfigError)
    expect(read).toThrow(/SKYFOLIO_PORT/)
    expect(read).toThrow(/SKYFOLIO_WEATHER_URL/)
  })
})
