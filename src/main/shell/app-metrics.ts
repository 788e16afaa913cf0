import type { ProcessSample } from '@shared/contract'
import type { KnownProcess } from '../platform/metrics/process-stats'

/** The fields of Electron's ProcessMetric this needs (app.getAppMetrics()). */
export interface AppMetric {
  readonly pid: number
  readonly type: string
  readonly name?: string
  readonly serviceName?: string
  readonly cpu: { readonly percentCPUUsage: number }
  /** Kilobytes. */
  readonly memory: { readonly workingSetSize: number }
}

const kindOf: Record<string, ProcessSample['kind']> = {
  Browser: 'main',
  Tab: 'renderer',
  GPU: 'gpu',
  Utility: 'utility'
}

const names: Record<string, string> = { Browser: 'Main', Tab: 'Window', GPU: 'GPU' }

/**
 * Electron's own per-process figures as the Activity view's samples: the app's workers by
 * the names the core gave them, Chromium's helpers (network service, GPU) by their type.
 */
export function samplesFromAppMetrics(
  metrics: readonly AppMetric[],
  known: readonly KnownProcess[]
): ProcessSample[] {
  const byPid = new Map(known.map((p) => [p.pid, p]))
  return metrics.map((m) => {
    const k = byPid.get(m.pid)
    const cpu = m.cpu.percentCPUUsage
    const rss = m.memory.workingSetSize / 1024
    return {
      pid: m.pid,
      kind: k?.kind ?? kindOf[m.type] ?? 'other',
      name: (k?.name ?? names[m.type] ?? m.name ?? m.serviceName ?? m.type).slice(0, 100),
      cpuPercent: Number.isFinite(cpu) && cpu > 0 ? cpu : 0,
      rssMb: Number.isFinite(rss) && rss > 0 ? rss : 0
    }
  })
}
