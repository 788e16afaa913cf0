import type { BatchReport, BatchSummary, ImportProgress } from '@shared/contract/library'
import { formatCount, formatDuration, plural } from './format'

/** The line above the progress bar: which phase runs, and how far along it is. */
export interface PhaseLine {
  /** "Finding photos…", "Thumbnails", "Previews". */
  label: string
  /** "1,234 of 10,000", "1,234 found". */
  count: string
  /** 0–1 for the bar; null for an indeterminate one (the total can still grow). */
  fraction: number | null
}

/** Files that have left phase 1: in the grid, failed or skipped. */
export const settledOf = (p: ImportProgress): number => p.done + p.failed + p.skipped

/**
 * Where the import stands, in words. While folders are still walked the total grows, so the
 * line says how many were found rather than "0 of N"; then thumbnails (phase 1: the grid
 * fills), then previews (phase 2, made once every thumbnail of the batch is there).
 */
export function phaseLine(p: ImportProgress): PhaseLine {
  const settled = settledOf(p)
  if (p.discovering)
    return {
      label: 'Finding photos…',
      count: `${formatCount(p.discovered)} found`,
      fraction: null
    }
  if (p.phase === 'previews') {
    const total = p.previewsTotal ?? 0
    const done = p.previewsDone ?? 0
    return {
      label: 'Previews',
      count: `${formatCount(done)} of ${formatCount(total)}`,
      fraction: total > 0 ? done / total : null
    }
  }
  return {
    label: 'Thumbnails',
    count: `${formatCount(settled)} of ${formatCount(p.discovered)}`,
    fraction: p.discovered > 0 ? settled / p.discovered : null
  }
}

/** What the header says beside "Importing photos": paused, speed, or time left. */
export function timingText(p: ImportProgress): string {
  // The heading already says "Import paused"; a pause Skyfolio made itself says why.
  if (p.state === 'paused') return p.pauseReason ?? ''
  if (p.discovering) return settledOf(p) > 0 ? `${plural(settledOf(p), 'photo')} in the grid` : ''
  if (p.etaSeconds !== null && p.perSecond > 0) return `about ${formatDuration(p.etaSeconds)} left`
  return ''
}

/** A previews failure, said so that nobody thinks the photos are lost. */
export const previewsFailedText = (n: number): string =>
  `${plural(n, 'preview')} could not be made; ${n === 1 ? 'that photo keeps its' : 'those photos keep their'} thumbnail${n === 1 ? '' : 's'}`

/** One part of a batch's summary; the parts add up to `found`. */
export interface SummaryPart {
  key: keyof BatchSummary
  label: string
  count: number
  /** Drawn in the danger colour (real failures). */
  tone?: 'danger'
}

/**
 * The parts of a batch's summary in the order a user reads them. Added, already there, not
 * supported and failed always show (a zero is an answer); the rest only when they happened.
 * Every file found is in exactly one part.
 */
export function summaryParts(s: BatchSummary, state: BatchReport['state']): SummaryPart[] {
  const parts: SummaryPart[] = [
    { key: 'added', label: 'Added', count: s.added },
    { key: 'alreadyThere', label: 'Already in your library', count: s.alreadyThere },
    { key: 'unsupported', label: 'Not supported', count: s.unsupported },
    { key: 'leftOut', label: 'Left out', count: s.leftOut },
    { key: 'failed', label: 'Failed', count: s.failed, tone: s.failed > 0 ? 'danger' : undefined },
    { key: 'notProcessed', label: 'Not processed', count: s.notProcessed },
    { key: 'pending', label: 'Still being finished', count: s.pending }
  ]
  const always = new Set<keyof BatchSummary>(['added', 'alreadyThere', 'unsupported', 'failed'])
  if (state === 'cancelled') always.add('notProcessed')
  return parts.filter((p) => always.has(p.key) || p.count > 0)
}

/** The card's headline: how the batch ended, with its most telling number. */
export function summaryHeadline(r: BatchReport): string {
  const s = r.summary
  if (r.state === 'cancelled') return `Cancelled: ${formatCount(s.notProcessed)} not processed`
  if (s.found === 0) return 'Import finished: no photos found'
  if (s.added === 0 && s.alreadyThere === s.found)
    return `Import finished: all ${formatCount(s.found)} already in your library`
  return `Import finished: ${plural(s.added, 'photo')} added`
}

/** One line for an older batch in the group: "334 found: 0 added, 334 already there". */
export function summaryLine(r: BatchReport): string {
  const parts = summaryParts(r.summary, r.state)
    .filter((p) => p.count > 0 || p.key === 'added')
    .map((p) => `${formatCount(p.count)} ${p.label.toLowerCase()}`)
  return `${formatCount(r.summary.found)} found: ${parts.join(', ')}`
}
