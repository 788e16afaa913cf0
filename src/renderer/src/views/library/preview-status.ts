import type { ImportProgress, PhotoDetail } from '@shared/contract/library'

/** What `library:want-preview` answered for the open photo, or why it could not be asked. */
export type PreviewAsk = { queued: boolean } | { error: string } | null

export interface PreviewNote {
  /** 'making' while the preview is on its way; 'stalled' when it is not coming now; 'failed'. */
  kind: 'making' | 'stalled' | 'failed'
  text: string
}

/** A reason as part of a sentence: "The file changed." → "the file changed" ("JPEG …" stays). */
function clause(reason: string): string {
  const text = reason.trim().replace(/[.\s]+$/, '')
  return /^\p{Lu}\p{Ll}/u.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text
}

/**
 * The lightbox's words about a photo's full-size preview while only its thumbnail can be shown;
 * null once the preview is there. Never says "making" when nothing is making it.
 */
export function previewNote(
  photo: Pick<PhotoDetail, 'previewPending' | 'previewError'>,
  ask: PreviewAsk,
  importState: ImportProgress['state'] | undefined
): PreviewNote | null {
  if (photo.previewError)
    return {
      kind: 'failed',
      text: `The full-size preview could not be made: ${clause(photo.previewError)}. The thumbnail is shown.`
    }
  if (!photo.previewPending) return null
  if (ask && 'error' in ask)
    return {
      kind: 'stalled',
      text: `The full-size preview could not be asked for: ${clause(ask.error)}. The thumbnail is shown.`
    }
  if (importState === 'paused')
    return {
      kind: 'stalled',
      text: 'The full-size preview will be made when the import resumes. The thumbnail is shown.'
    }
  // A queued preview comes next; an import running is making it (or is about to).
  if ((ask && ask.queued) || importState === 'running' || importState === undefined)
    return { kind: 'making', text: 'Making the full-size preview…' }
  return {
    kind: 'stalled',
    text: 'The full-size preview was not made: its import stopped before it. The thumbnail is shown.'
  }
}
