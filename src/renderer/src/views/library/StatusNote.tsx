import buttons from '../../components/buttons.module.css'
import text from '../../components/text.module.css'

/** A short outcome the user reads and dismisses with OK (announced as a status). */
export function StatusNote({
  note,
  onDismiss
}: {
  note: string | null
  onDismiss: () => void
}): React.JSX.Element | null {
  if (!note) return null
  return (
    <p className={text.muted} role="status">
      {note}{' '}
      <button type="button" className={buttons.link} onClick={onDismiss}>
        OK
      </button>
    </p>
  )
}
