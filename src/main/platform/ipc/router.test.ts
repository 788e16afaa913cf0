import { describe, expect, it } from 'vitest'
import { AppFailure, defaultSettings } from '@shared/contract'
import { memoryLogger } from '../log'
import { stubAppHandlers } from '../../../../test/support/app-handlers'
import { createRouter, type Handlers } from './router'

function routerWith(overrides: Partial<Handlers> = {}) {
  const calls: unknown[] = []
  const handlers = stubAppHandlers({
    'settings:update': (patch) => {
      calls.push(patch)
      return defaultSettings
    },
    ...overrides
  })
  const log = memoryLogger()
  return { router: createRouter(handlers, log), calls, log }
}

describe('router', () => {
  it('answers a valid request with its result', async () => {
    const { router } = routerWith()
    await expect(router.dispatch('app:status', {})).resolves.toEqual({
      ok: true,
      value: { tasks: [] }
    })
  })

  it('refuses an unknown channel with a typed error and a log line', async () => {
    const { router, log } = routerWith()
    const reply = await router.dispatch('weather:explode', {})
    expect(reply).toMatchObject({ ok: false, error: { code: 'unknown_channel' } })
    expect(log.lines.join('\n')).toContain('unknown channel')
  })

  it('refuses a prototype key posing as a channel', async () => {
    const { router } = routerWith()
    const reply = await router.dispatch('constructor', {})
    expect(reply).toMatchObject({ ok: false, error: { code: 'unknown_channel' } })
  })

  it('validates params before the handler runs', async () => {
    const { router, calls } = routerWith()
    const reply = await router.dispatch('settings:update', { refreshIntervalMin: 2 })
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid_params' } })
    expect(reply.ok || reply.error.message).toMatch(/refreshIntervalMin/)
    const extra = await router.dispatch('settings:update', { theme: 'dark', evil: true })
    expect(extra).toMatchObject({ ok: false, error: { code: 'invalid_params' } })
    expect(calls).toEqual([])
  })

  it('passes a service failure through with its kind', async () => {
    const { router } = routerWith({
      'app:status': () => {
        throw new AppFailure('not_found', 'That place is gone.')
      }
    })
    await expect(router.dispatch('app:status', {})).resolves.toEqual({
      ok: false,
      error: { code: 'not_found', message: 'That place is gone.' }
    })
  })

  it('hides a crash behind an internal error and logs the details', async () => {
    const { router, log } = routerWith({
      'app:status': () => {
        throw new TypeError('secret stack detail')
      }
    })
    const reply = await router.dispatch('app:status', {})
    expect(reply).toMatchObject({ ok: false, error: { code: 'internal' } })
    expect(JSON.stringify(reply)).not.toContain('secret stack detail')
    expect(log.lines.join('\n')).toContain('secret stack detail')
  })

  it('treats missing params as an empty object', async () => {
    const { router } = routerWith()
    await expect(router.dispatch('app:status', undefined)).resolves.toMatchObject({ ok: true })
  })
})
