import { describe, expect, it } from 'vitest'
import { memoryLogger } from '../log'
import { EventBus } from './event-bus'

describe('event bus', () => {
  it('delivers valid events to every connected sink until it disconnects', () => {
    const bus = new EventBus(memoryLogger())
    const a: unknown[] = []
    const b: unknown[] = []
    bus.connect((e, p) => a.push([e, p]))
    const offB = bus.connect((e, p) => b.push([e, p]))
    bus.emit('status:changed', { tasks: [] })
    offB()
    bus.emit('status:changed', { tasks: [] })
    expect(a).toHaveLength(2)
    expect(b).toEqual([['status:changed', { tasks: [] }]])
  })

  it('drops a payload outside the contract and says so in the log', () => {
    const log = memoryLogger()
    const bus = new EventBus(log)
    const got: unknown[] = []
    bus.connect((e) => got.push(e))
    bus.emit('status:changed', { tasks: [{ id: 'x' }] } as never)
    expect(got).toEqual([])
    expect(log.lines.join('\n')).toContain('outside the contract')
  })

  it('keeps delivering when one sink throws', () => {
    const bus = new EventBus(memoryLogger())
    const got: unknown[] = []
    bus.connect(() => {
      throw new Error('window gone')
    })
    bus.connect((e) => got.push(e))
    bus.emit('status:changed', { tasks: [] })
    expect(got).toEqual(['status:changed'])
  })
})
