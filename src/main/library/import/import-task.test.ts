import { describe, expect, it } from 'vitest'
import type { ImportProgress } from '@shared/contract/library'
import { importTaskOf } from './import-task'

const base: ImportProgress = {
  batchId: 1,
  state: 'running',
  discovering: false,
  discovered: 80,
  done: 40,
  failed: 1,
  skipped: 1,
  duplicates: 0,
  downloading: 0,
  phase: 'thumbnails',
  previewsDone: 0,
  previewsTotal: 0,
  previewsFailed: 0,
  perSecond: 12.34,
  etaSeconds: 3,
  startedAt: 0,
  workers: 2
}

describe('the import as a background task', () => {
  it('counts files through their thumbnails in phase 1', () => {
    expect(importTaskOf(base)).toEqual({
      label: 'Importing photos',
      progress: 42 / 80,
      detail: '42 of 80 · 12.3/s'
    })
  })

  it('has no fraction while folders are still walked', () => {
    const task = importTaskOf({ ...base, discovering: true })
    expect(task.progress).toBeNull()
    expect(task.detail).toBe('42 of 80+ · 12.3/s')
  })

  it('counts previews in phase 2 instead of sitting at "80 of 80"', () => {
    const task = importTaskOf({
      ...base,
      done: 78,
      phase: 'previews',
      previewsDone: 20,
      previewsTotal: 78,
      perSecond: 0
    })
    expect(task).toEqual({ label: 'Making previews', progress: 20 / 78, detail: '20 of 78' })
  })

  it('says why it is paused', () => {
    const task = importTaskOf({ ...base, state: 'paused', pauseReason: 'The disk is full' })
    expect(task.detail).toBe('The disk is full · 42 of 80')
  })
})
