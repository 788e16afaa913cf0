import { useCallback, useEffect, useRef, useState } from 'react'
import type { FailureItem, ImportProgress } from '@shared/contract/library'
import { call, errorText } from '../../lib/api'
import { plural } from './format'

const PAGE = 100

/** Files that could not be imported, each with its reason, retry and show-in-folder. */
export function FailureList({
  progress,
  onProgress
}: {
  progress: ImportProgress
  onProgress(p: ImportProgress): void
}) {
  const [items, setItems] = useState<FailureItem[]>([])
  const [total, setTotal] = useState(0)
  const [limit, setLimit] = useState(PAGE)
  const [open, setOpen] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const stamp = `${progress.failed}/${progress.skipped}/${progress.batchId}/${progress.state}`

  const load = useCallback(async () => {
    try {
      const r = await call('library:failures', { offset: 0, limit: Math.min(limit, 500) })
      setItems(r.items)
      setTotal(r.total)
    } catch (e) {
      setError(errorText(e))
    }
  }, [limit])

  // Refetch when the counts move, at most twice a second.
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  useEffect(() => {
    if (timer.current) return
    timer.current = setTimeout(() => {
      timer.current = null
      void load()
    }, 300)
  }, [stamp, load])
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current)
      timer.current = null
    },
    []
  )

  if (total === 0) return null
  const failedCount = items.filter((i) => i.state === 'failed').length

  const retry = async (jobIds?: number[]): Promise<void> => {
    try {
      onProgress(await call('library:retry', jobIds ? { jobIds } : {}))
      await load()
    } catch (e) {
      setError(errorText(e))
    }
  }

  return (
    <section className="failures card" aria-label="Files not imported">
      <div className="failures-head">
        <button
          type="button"
          className="link-button"
          aria-expanded={open}
          aria-controls="failure-list"
          onClick={() => setOpen(!open)}
        >
          {open ? '▾' : '▸'} {plural(total, 'file')} could not be imported
        </button>
        <span className="spacer" />
        {failedCount > 0 && (
          <button type="button" onClick={() => void retry()}>
            Retry all
          </button>
        )}
        <button
          type="button"
          onClick={() =>
            call('library:dismiss-failures', {})
              .then(load)
              .catch((e) => setError(errorText(e)))
          }
        >
          Dismiss
        </button>
      </div>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      {open && (
        <ul id="failure-list" className="failure-list">
          {items.map((f) => (
            <li key={f.jobId}>
              <div className="failure-text">
                <span className="failure-name" title={f.source}>
                  {f.name}
                </span>
                <span className="muted">{f.reason}</span>
              </div>
              {f.state === 'failed' && (
                <button
                  type="button"
                  aria-label={`Retry ${f.name}`}
                  onClick={() => void retry([f.jobId])}
                >
                  Retry
                </button>
              )}
              {!f.isUrl && (
                <button
                  type="button"
                  aria-label={`Show ${f.name} in folder`}
                  onClick={() =>
                    call('library:show-in-folder', { jobId: f.jobId }).catch((e) =>
                      setError(errorText(e))
                    )
                  }
                >
                  Show in folder
                </button>
              )}
            </li>
          ))}
          {total > items.length && (
            <li>
              <button type="button" onClick={() => setLimit((l) => l + PAGE)}>
                Show more ({total - items.length} more)
              </button>
            </li>
          )}
        </ul>
      )}
    </section>
  )
}
