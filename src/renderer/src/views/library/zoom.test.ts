import { describe, expect, it } from 'vitest'
import { clampPan, fitScale, zoomAt } from './zoom'

describe('lightbox zoom', () => {
  it('fits the whole picture, never above 100 %', () => {
    expect(fitScale({ w: 720, h: 480 }, { w: 1440, h: 960 })).toBe(0.5)
    expect(fitScale({ w: 2000, h: 2000 }, { w: 800, h: 600 })).toBe(1)
  })

  it('keeps the point under the pointer still and goes back to fit below it', () => {
    const z = zoomAt({ scale: 0.5, x: 0, y: 0 }, 1, { x: 100, y: -50 }, 0.5)!
    // The picture point under (100, -50) was at 200, -100 picture px; it still is.
    expect(((100 - z.x) / z.scale) * 1).toBe(100 / 0.5)
    expect((-50 - z.y) / z.scale).toBe(-50 / 0.5)
    expect(zoomAt(z, 0.4, { x: 0, y: 0 }, 0.5)).toBeNull()
  })

  it('does not let the picture be dragged out of sight', () => {
    expect(
      clampPan({ scale: 1, x: 5000, y: -5000 }, { w: 800, h: 600 }, { w: 1440, h: 960 })
    ).toEqual({
      scale: 1,
      x: 320,
      y: -180
    })
  })
})
