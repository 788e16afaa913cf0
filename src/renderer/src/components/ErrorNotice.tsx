import type { CSSProperties } from 'react'
import { errorText } from '../lib/api'

// Styled inline from the theme's variables, so it reads the same in both themes and needs no
// stylesheet of its own.
const block: CSSProperties = {
  color: 'var(--danger)',
  border: '1px solid var(--danger)',
  borderRadius: 6,
  padding: '8px 12px',
  margin: '0 0 12px',
  display: 'flex',
  alignItems: 'center',
  gap: 8
}
const inline: CSSProperties = { color: 'var(--danger)' }
const dismissStyle: CSSProperties = { marginLeft: 'auto', color: 'inherit' }

/**
 * A failure, in words, where the user is looking: `what` says what could not be done
 * ("Could not load the filters"), then the error's own message. Announced as an alert.
 */
export function ErrorNotice({
  error,
  what,
  compact = false,
  onDismiss
}: {
  error: unknown
  what?: string
  /** A line of text inside a bar or a row, rather than a boxed block. */
  compact?: boolean
  onDismiss?: () => void
}) {
  const text = what ? `${what}: ${errorText(error)}` : errorText(error)
  if (compact)
    return (
      <span role="alert" style={inline}>
        {text}
      </span>
    )
  return (
    <div role="alert" style={block}>
      <span>{text}</span>
      {onDismiss && (
        <button type="button" style={dismissStyle} onClick={onDismiss}>
          Dismiss
        </button>
      )}
    </div>
  )
}
