import { describe, expect, it } from 'vitest'
import { authorize, cookieValue, newToken, originAllowed, tokensMatch } from './host-auth'

const origin = 'http://127.0.0.1:4000'

describe('host auth', () => {
  it('makes long random tokens', () => {
    const a = newToken()
    expect(a.length).toBeGreaterThanOrEqual(32)
    expect(newToken()).not.toBe(a)
  })

  it('matches tokens exactly', () => {
    expect(tokensMatch('abc', 'abc')).toBe(true)
    expect(tokensMatch('abd', 'abc')).toBe(false)
    expect(tokensMatch('ab', 'abc')).toBe(false)
    expect(tokensMatch(null, 'abc')).toBe(false)
    expect(tokensMatch('', 'abc')).toBe(false)
  })

  it('reads one cookie among several', () => {
    expect(cookieValue('a=1; skyfolio_token=xyz; b=2', 'skyfolio_token')).toBe('xyz')
    expect(cookieValue('xskyfolio_token=1', 'skyfolio_token')).toBeNull()
    expect(cookieValue(undefined, 'skyfolio_token')).toBeNull()
  })

  it('refuses a foreign origin even with the right token', () => {
    expect(originAllowed(origin, origin)).toBe(true)
    expect(originAllowed(undefined, origin)).toBe(true)
    expect(originAllowed('http://evil.example', origin)).toBe(false)
    expect(originAllowed('http://127.0.0.1:4001', origin)).toBe(false)
    expect(
      authorize({ cookie: 'skyfolio_token=t', origin: 'http://evil.example' }, 't', origin)
    ).toBe('forbidden-origin')
  })

  it('accepts the token as cookie or bearer, nothing else', () => {
    expect(authorize({ cookie: 'skyfolio_token=t' }, 't', origin)).toBe('ok')
    expect(authorize({ authorization: 'Bearer t' }, 't', origin)).toBe('ok')
    expect(authorize({ cookie: 'skyfolio_token=u' }, 't', origin)).toBe('unauthorized')
    expect(authorize({}, 't', origin)).toBe('unauthorized')
  })
})
