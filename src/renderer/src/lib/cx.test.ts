import { describe, expect, it } from 'vitest'
import { cx } from './cx'

describe('cx', () => {
  it('joins the names that apply and drops the rest', () => {
    expect(cx('a', false, 'b', undefined, null, '', 'c')).toBe('a b c')
  })
  it('is empty when none apply', () => {
    expect(cx(false, undefined)).toBe('')
  })
})
