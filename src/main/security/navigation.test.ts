import { describe, expect, it } from 'vitest'
import { APP_ENTRY_URL, APP_ORIGIN, isAppUrl } from './app-origin'
import { isExternalHttpsUrl, navigationDecision, windowOpenDecision } from './navigation'

describe('isAppUrl', () => {
  it('accepts pages on the app origin', () => {
    expect(isAppUrl(APP_ENTRY_URL)).toBe(true)
    expect(isAppUrl(`${APP_ORIGIN}/`)).toBe(true)
    expect(isAppUrl(`${APP_ORIGIN}/index.html#library`)).toBe(true)
  })

  it.each([
    'app://other/index.html',
    'app://skyfolio.evil.example/index.html',
    'app://skyfolio:8080/index.html',
    'app://user:pw@skyfolio/index.html',
    'file:///index.html',
    'http://skyfolio/index.html',
    'https://skyfolio/',
    'not a url',
    ''
  ])('refuses %s', (url) => {
    expect(isAppUrl(url)).toBe(false)
  })

  it('refuses values that are not strings', () => {
    expect(isAppUrl(null)).toBe(false)
    expect(isAppUrl(42)).toBe(false)
  })
})

describe('isExternalHttpsUrl', () => {
  it('accepts ordinary https links', () => {
    expect(isExternalHttpsUrl('https://open-meteo.com/en/docs')).toBe(true)
    expect(isExternalHttpsUrl('https://example.org/a?b=c#d')).toBe(true)
  })

  it.each([
    'http://example.org/',
    'javascript:alert(1)',
    'file:///etc/passwd',
    'data:text/html,<script>alert(1)</script>',
    'app://skyfolio/index.html',
    'smb://server/share',
    'https://trusted.example@evil.example/',
    'https://user:pw@example.org/',
    'mailto:someone@example.org',
    'https://',
    `https://example.org/${'a'.repeat(9000)}`
  ])('refuses %s', (url) => {
    expect(isExternalHttpsUrl(url)).toBe(false)
  })
})

describe('navigationDecision', () => {
  it('lets the window move within the app', () => {
    expect(navigationDecision(`${APP_ORIGIN}/index.html`)).toEqual({ action: 'allow' })
  })

  it('keeps the window on the app and hands https links to the OS browser', () => {
    expect(navigationDecision('https://example.org/')).toEqual({
      action: 'deny',
      external: 'https://example.org/'
    })
  })

  it.each(['http://example.org/', 'file:///etc/passwd', 'javascript:void(0)', 'app://x/'])(
    'drops %s without opening anything',
    (url) => {
      expect(navigationDecision(url)).toEqual({ action: 'deny', external: null })
    }
  )
})

describe('windowOpenDecision', () => {
  it('never opens a window, even for the app itself', () => {
    expect(windowOpenDecision(APP_ENTRY_URL)).toEqual({ action: 'deny', external: null })
  })

  it('hands https links to the OS browser', () => {
    expect(windowOpenDecision('https://example.org/x')).toEqual({
      action: 'deny',
      external: 'https://example.org/x'
    })
  })

  it.each(['http://example.org/', 'about:blank', 'file:///tmp/x.html', ''])(
    'refuses %s outright',
    (url) => {
      expect(windowOpenDecision(url)).toEqual({ action: 'deny', external: null })
    }
  )
})
