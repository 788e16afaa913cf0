import type { StrategyResult } from '@shared/contract'

/** A strategy's short name for chart rows: the kind, and its worker count where it has one. */
export function shortName(r: Pick<StrategyResult, 'strategy' | 'workers'>): string {
  switch (r.strategy) {
    case 'in-main':
      return 'main'
    case 'threads':
      return `threads × ${r.workers}`
    case 'processes':
      return `processes × ${r.workers}`
    case 'one-at-a-time':
      return 'one at a time'
    case 'download-first':
      return `downloads first × ${r.workers}`
    case 'pipeline':
      return `pipeline × ${r.workers}`
  }
}

/** Whether the label should say how many workers the strategy had. */
export const hasWorkers = (r: Pick<StrategyResult, 'strategy'>): boolean =>
  r.strategy !== 'in-main' && r.strategy !== 'one-at-a-time'
