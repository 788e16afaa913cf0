import { useEffect, useId, useRef, useState } from 'react'
import { useApiMutation } from '../../data/api-query'
import { call, errorText } from '../../lib/api'
import { plural } from './format'
import { parseSources, sourcesFromTransfer, type Sources } from './sources'
import buttons from '../../components/buttons.module.css'
import layout from '../../components/layout.module.css'
// Not `text`: that name is the list being typed.
import textStyles from '../../components/text.module.css'
import styles from './ImportSources.module.css'

/**
 * Every way in: the native dialog, a box for URLs (or paths), a .txt list, and drag-and-drop
 * or paste anywhere in the window.
 */
export function ImportSources() {
  // Its answer (the queue's progress) goes to the cache through the result table.
  const { mutateAsync: importSources } = useApiMutation('library:import')
  const [panelOpen, setPanelOpen] = useState(false)
  const [text, setText] = useState('')
  const [message, setMessage] = useState<{ kind: 'info' | 'error'; text: string } | null>(null)
  const [dragging, setDragging] = useState(false)
  const fileInput = useRef<HTMLInputElement>(null)
  // Confirmations fade on their own; errors stay until dismissed.
  useEffect(() => {
    if (message?.kind !== 'info') return
    const t = setTimeout(() => setMessage(null), 8000)
    return () => clearTimeout(t)
  }, [message])
  const textId = useId()

  const start = async (sources: Pick<Sources, 'paths' | 'urls'>, note = ''): Promise<boolean> => {
    if (sources.paths.length === 0 && sources.urls.length === 0) return false
    try {
      await importSources({ paths: sources.paths, urls: sources.urls })
      const parts = [
        sources.paths.length
          ? plural(sources.paths.length, 'file or folder', 'files and folders')
          : '',
        sources.urls.length ? plural(sources.urls.length, 'URL') : ''
      ].filter(Boolean)
      setMessage({ kind: 'info', text: `Importing ${parts.join(' and ')}.${note}` })
      return true
    } catch (e) {
      setMessage({ kind: 'error', text: errorText(e) })
      return false
    }
  }

  const chooseWithDialog = async (): Promise<void> => {
    try {
      const { chosen } = await call('library:import-dialog', {})
      if (chosen === 0)
        setMessage({
          kind: 'info',
          text: 'Nothing chosen. Where there is no file dialog (the browser window), paste folder paths or URLs under “Add from URLs or paths”.'
        })
    } catch (e) {
      setMessage({ kind: 'error', text: errorText(e) })
    }
  }

  const submitText = async (): Promise<void> => {
    const parsed = parseSources(text)
    const note = parsed.rejected.length
      ? ` ${plural(parsed.rejected.length, 'line')} ignored (not a URL or a full path).`
      : ''
    if (await start(parsed, note)) {
      setText('')
      setPanelOpen(false)
    } else if (parsed.rejected.length)
      setMessage({ kind: 'error', text: 'No web addresses (http/https) or full paths found.' })
  }

  const readList = async (files: FileList | null): Promise<void> => {
    const file = files?.[0]
    if (!file) return
    const parsed = parseSources(await file.text())
    setText((t) => [t.trim(), ...parsed.paths, ...parsed.urls].filter(Boolean).join('\n'))
    setPanelOpen(true)
  }

  // Drop and paste anywhere while the library is open.
  useEffect(() => {
    const accept = async (data: DataTransfer | null): Promise<void> => {
      if (!data) return
      const found = await sourcesFromTransfer(data)
      const note = found.unreadable
        ? ` ${plural(found.unreadable, 'file')} could not be located from this window; use “Add photos…” for those.`
        : ''
      if (!(await start(found, note)) && found.unreadable)
        setMessage({
          kind: 'error',
          text: 'This window cannot see where dropped files live. Use “Add photos…”, or paste their folder path.'
        })
    }
    const onDragOver = (e: DragEvent): void => {
      if (!e.dataTransfer?.types.some((t) => t === 'Files' || t === 'text/uri-list')) return
      e.preventDefault()
      setDragging(true)
    }
    const onDragLeave = (e: DragEvent): void => {
      if (e.relatedTarget === null) setDragging(false)
    }
    const onDrop = (e: DragEvent): void => {
      e.preventDefault()
      setDragging(false)
      void accept(e.dataTransfer)
    }
    const onPaste = (e: ClipboardEvent): void => {
      const target = e.target as HTMLElement | null
      if (target?.closest('input, textarea')) return // typing into a field is not an import
      e.preventDefault()
      void accept(e.clipboardData)
    }
    window.addEventListener('dragover', onDragOver)
    window.addEventListener('dragleave', onDragLeave)
    window.addEventListener('drop', onDrop)
    window.addEventListener('paste', onPaste)
    return () => {
      window.removeEventListener('dragover', onDragOver)
      window.removeEventListener('dragleave', onDragLeave)
      window.removeEventListener('drop', onDrop)
      window.removeEventListener('paste', onPaste)
    }
    // start only reads stable values
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  return (
    <>
      <div className={styles.buttons}>
        <button type="button" className={buttons.primary} onClick={() => void chooseWithDialog()}>
          Add photos…
        </button>
        <button
          type="button"
          aria-expanded={panelOpen}
          aria-controls="import-text-panel"
          onClick={() => setPanelOpen(!panelOpen)}
        >
          Add from URLs or paths
        </button>
      </div>
      {panelOpen && (
        <section
          id="import-text-panel"
          className={`${styles.text} ${layout.card}`}
          aria-label="Import from URLs or paths"
        >
          <label htmlFor={textId}>
            Image URLs or full file/folder paths, one per line. Web images are downloaded and then
            processed like local files.
          </label>
          <textarea
            id={textId}
            rows={4}
            value={text}
            spellCheck={false}
            placeholder={'https://example.com/photo.jpg\n/home/me/Pictures/Holiday'}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void submitText()
            }}
          />
          <div className={`${layout.toolbar} ${styles.textToolbar}`}>
            <button
              type="button"
              className={buttons.primary}
              disabled={!text.trim()}
              onClick={() => void submitText()}
            >
              Import list
            </button>
            <button type="button" onClick={() => fileInput.current?.click()}>
              Open a .txt list…
            </button>
            <input
              ref={fileInput}
              type="file"
              accept=".txt,text/plain"
              className={textStyles.visuallyHidden}
              tabIndex={-1}
              aria-hidden="true"
              aria-label="URL list file"
              onChange={(e) => void readList(e.target.files)}
            />
            <span className={`${textStyles.muted} ${textStyles.small}`}>Ctrl+Enter imports</span>
          </div>
        </section>
      )}
      {message && (
        <p
          className={`${message.kind === 'error' ? layout.alert : styles.notice} ${styles.message}`}
          role={message.kind === 'error' ? 'alert' : 'status'}
        >
          {message.text}
          <button
            type="button"
            className={`${buttons.icon} ${styles.dismiss}`}
            aria-label="Dismiss message"
            onClick={() => setMessage(null)}
          >
            ✕
          </button>
        </p>
      )}
      {dragging && (
        <div className={styles.dropOverlay} aria-hidden="true">
          Drop photos, folders or links to import
        </div>
      )}
    </>
  )
}
