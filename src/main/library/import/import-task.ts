import type { ImportProgress } from '@shared/contract/library'

/** What the status bar and the OS's progress bar say of a running import. */
export interface ImportTask {
  readonly label: string
  /** 0–1, or null while the total can still grow. */
  readonly progress: number | null
  readonly detail: string
}

/**
 * The import as one background task. Phase 1 counts files through their thumbnails; phase 2
 * (previews) counts previews, so the bar does not sit at "80 of 80" while previews are made.
 */
export function importTaskOf(p: ImportProgress): ImportTask {
  const previews = p.phase === 'previews' && (p.previewsTotal ?? 0) > 0
  const done = previews ? p.previewsDone! : p.done + p.failed + p.skipped
  const total = previews ? p.previewsTotal! : p.discovered
  const growing = !previews && p.discovering
  const counted = `${done} of ${total}${growing ? '+' : ''}`
  const speed = p.perSecond > 0 ? ` · ${p.perSecond.toFixed(1)}/s` : ''
  return {
    label: previews ? 'Making previews' : 'Importing photos',
    progress: total > 0 && !growing ? done / total : null,
    detail: p.state === 'paused' ? `${p.pauseReason ?? 'Paused'} · ${counted}` : counted + speed
  }
}
