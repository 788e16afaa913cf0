import { describe, expect, it } from 'vitest'
import { nameKey } from './name-key'

const byKey = (names: string[]): string[] =>
  [...names].sort((a, b) => (nameKey(a) < nameKey(b) ? -1 : nameKey(a) > nameKey(b) ? 1 : 0))

describe('nameKey', () => {
  it('orders names as Intl.Collator does with numeric: true, ignoring case and accents', () => {
    const names = [
      'IMG_10.jpg',
      'img_2.JPG',
      'IMG_1.jpg',
      'IMG_0009.jpg',
      'img_100.jpg',
      'DSC_0001.NEF',
      'dsc_12.jpg',
      'Photo 2.png',
      'photo 10.png',
      'Été 3.jpg',
      'ete 20.jpg',
      'zebra.jpg',
      'Apple.jpg',
      '2019-05-01 beach.jpg',
      '2019-5-2 beach.jpg',
      '_draft.jpg',
      'a~b.jpg',
      'ab.jpg'
    ]
    const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' })
    expect(byKey(names)).toEqual([...names].sort(collator.compare))
  })

  it('puts a longer number after a shorter one, however many digits', () => {
    expect(
      byKey(['x99999999999999999999999.jpg', 'x100000000000000000000000.jpg', 'x7.jpg'])
    ).toEqual(['x7.jpg', 'x99999999999999999999999.jpg', 'x100000000000000000000000.jpg'])
  })

  it('gives the same key whatever the case', () => {
    expect(nameKey('IMG_0042.JPG')).toBe(nameKey('img_42.jpg'))
  })
})
