import { describe, expect, it } from 'vitest'
import { processSampleSchema } from '@shared/contract/activity'
import { samplesFromAppMetrics, type AppMetric } from './app-metrics'

const metric = (m: Partial<AppMetric> & Pick<AppMetric, 'pid' | 'type'>): AppMetric => ({
  cpu: { percentCPUUsage: 12.5 },
  memory: { workingSetSize: 204_800 },
  ...m
})

describe('samplesFromAppMetrics', () => {
  it('names the app workers as the core knows them and Chromium helpers by type', () => {
    const samples = samplesFromAppMetrics(
      [
        metric({ pid: 1, type: 'Browser' }),
        metric({ pid: 2, type: 'Tab' }),
        metric({ pid: 3, type: 'GPU' }),
        metric({ pid: 4, type: 'Utility', serviceName: 'Skyfolio image-worker' }),
        metric({ pid: 5, type: 'Utility', name: 'Network Service' }),
        metric({ pid: 6, type: 'Zygote' })
      ],
      [{ pid: 4, name: 'Image worker 1', kind: 'worker' }]
    )
    expect(samples.map((s) => [s.kind, s.name])).toEqual([
      ['main', 'Main'],
      ['renderer', 'Window'],
      ['gpu', 'GPU'],
      ['worker', 'Image worker 1'],
      ['utility', 'Network Service'],
      ['other', 'Zygote']
    ])
    for (const sample of samples) expect(processSampleSchema.safeParse(sample).success).toBe(true)
  })

  it('converts kilobytes to megabytes and keeps CPU as percent of one core', () => {
    const [s] = samplesFromAppMetrics([metric({ pid: 1, type: 'Browser' })], [])
    expect(s).toMatchObject({ cpuPercent: 12.5, rssMb: 200 })
  })

  it('never reports negative or non-finite figures', () => {
    const [s] = samplesFromAppMetrics(
      [
        metric({
          pid: 1,
          type: 'Tab',
          cpu: { percentCPUUsage: Number.NaN },
          memory: { workingSetSize: -1 }
        })
      ],
      []
    )
    expect(s).toMatchObject({ cpuPercent: 0, rssMb: 0 })
  })
})
