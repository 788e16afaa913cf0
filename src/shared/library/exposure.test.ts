import { describe, expect, it } from 'vitest'
import { exposureLine, focalText, shutterText, type Exposure } from './exposure'

const nothing: Exposure = {
  shutter: null,
  aperture: null,
  iso: null,
  focal: null,
  focal35: null,
  lens: null
}

describe('exposure in words', () => {
  it('writes shutter speeds as photographers read them', () => {
    expect(shutterText(0.004)).toBe('1/250 s')
    expect(shutterText(1 / 8000)).toBe('1/8000 s')
    expect(shutterText(1 / 3)).toBe('1/3 s')
    expect(shutterText(0.4)).toBe('0.4 s')
    expect(shutterText(1)).toBe('1 s')
    expect(shutterText(2.5)).toBe('2.5 s')
    expect(shutterText(30)).toBe('30 s')
  })

  it('adds the full-frame focal length only when it differs', () => {
    expect(focalText(35, 35)).toBe('35 mm')
    expect(focalText(5.7, 26)).toBe('5.7 mm (26 mm equiv.)')
    expect(focalText(null, 26)).toBe('26 mm equiv.')
    expect(focalText(null, null)).toBeNull()
  })

  it('leaves out what the camera did not write', () => {
    expect(exposureLine({ ...nothing, aperture: 8, iso: 100 })).toBe('f/8 · ISO 100')
    expect(exposureLine(nothing)).toBe('')
    expect(exposureLine(null)).toBe('')
  })
})
