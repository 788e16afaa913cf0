import { describe, expect, it } from 'vitest'
import {
  authorize,
  cookieValues,
  newToken,
  originAllowed,
  tokenCookieName,
  tokensMatch
} from './host-auth'

const origin = 'http://127.0.0.1:4000'
const host = { token: 't', origin, cookieName: tokenCookieName(4000) }

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

  it('reads every value of one cookie among several', () => {
    expect(cookieValues('a=1; skyfolio_token_4000=xyz; b=2', 'skyfolio_token_4000')).toEqual([
      'xyz'
    ])
    expect(cookieValues('x=1; n=a; n=b', 'n')).toEqual(['a', 'b'])
    expect(cookieValues('xskyfolio_token_4000=1', 'skyfolio_token_4000')).toEqual([])
    expect(cookieValues(undefined, 'skyfolio_token_4000')).toEqual([])
  })

  it('names the cookie for the port, so another port cannot overwrite it', () => {
    expect(tokenCookieName(4000)).not.toBe(tokenCookieName(4001))
  })

  it('refuses a foreign origin even with the right token', () => {
    expect(originAllowed(origin, origin)).toBe(true)
    expect(originAllowed(undefined, origin)).toBe(true)
    expect(originAllowed('http://evil.example', origin)).toBe(false)
    expect(originAllowed('http://127.0.0.1:4001', origin)).toBe(false)
    expect(
      authorize({ cookie: 'skyfolio_token_4000=t', origin: 'http://evil.example' }, host)
    ).toBe('forbidden-origin')
  })

  it('accepts the token as cookie or bearer, nothing else', () => {
    expect(authorize({ cookie: 'skyfolio_token_4000=t' }, host)).toBe('ok')
    expect(authorize({ authorization: 'Bearer t' }, host)).toBe('ok')
    expect(authorize({ cookie: 'skyfolio_token_4000=u' }, host)).toBe('unauthorized')
    expect(authorize({ cookie: 'skyfolio_token_4001=t' }, host)).toBe('unauthorized')
    expect(authorize({}, host)).toBe('unauthorized')
  })

  it('survives a malformed escape and finds the token behind a planted cookie', () => {
    const planted = 'skyfolio_token_4000=%E0%A4%A; skyfolio_token_4000=wrong'
    expect(() => authorize({ cookie: planted }, host)).not.toThrow()
    expect(authorize({ cookie: planted }, host)).toBe('unauthorized')
    expect(authorize({ cookie: `${planted}; skyfolio_token_4000=t` }, host)).toBe('ok')
  })
})
