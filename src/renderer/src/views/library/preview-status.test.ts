import { describe, expect, it } from 'vitest'
import { previewNote } from './preview-status'

const waiting = { previewPending: true, previewError: null }

describe("the lightbox's words about the full-size preview", () => {
  it('says nothing once the preview is there', () => {
    expect(previewNote({ previewPending: false, previewError: null }, null, 'running')).toBeNull()
  })

  it('says it is being made while the import makes it, or after asking for it', () => {
    const making = { kind: 'making', text: 'Making the full-size preview…' }
    expect(previewNote(waiting, { queued: true }, 'running')).toEqual(making)
    // Already being made: not queued any more, but the import is at it.
    expect(previewNote(waiting, { queued: false }, 'running')).toEqual(making)
  })

  it('never says "making" when nothing is making it', () => {
    expect(previewNote(waiting, { queued: false }, 'paused')?.text).toBe(
      'The full-size preview will be made when the import resumes. The thumbnail is shown.'
    )
    expect(previewNote(waiting, { queued: false }, 'idle')).toMatchObject({ kind: 'stalled' })
    expect(previewNote(waiting, { error: 'The app is closing.' }, 'running')?.text).toBe(
      'The full-size preview could not be asked for: the app is closing. The thumbnail is shown.'
    )
  })

  it('gives the reason a preview could not be made', () => {
    const failed = { previewPending: false, previewError: 'The file changed since its import.' }
    expect(previewNote(failed, null, 'idle')).toEqual({
      kind: 'failed',
      text: 'The full-size preview could not be made: the file changed since its import. The thumbnail is shown.'
    })
  })
})
