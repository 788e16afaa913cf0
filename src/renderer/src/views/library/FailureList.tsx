import { keepPreviousData } from '@tanstack/react-query'
import { useState } from 'react'
import type { FailureItem } from '@shared/contract/library'
import { ErrorNotice } from '../../components/ErrorNotice'
import { useApiMutation, useApiQuery } from '../../data/api-query'
import { call, errorText } from '../../lib/api'
import { plural } from './format'
import buttons from '../../components/buttons.module.css'
import layout from '../../components/layout.module.css'
import text from '../../components/text.module.css'
import styles from './FailureList.module.css'

const PAGE = 100
const noItems: FailureItem[] = []

/**
 * Files that could not be imported, each with its reason, retry and show-in-folder. Shown in
 * the toolbar's "not imported" panel (`embedded`: open, without a card of its own).
 */
export function FailureList({ embedded = false }: { embedded?: boolean }) {
  const [limit, setLimit] = useState(PAGE)
  const [open, setOpen] = useState(embedded)
  const [error, setError] = useState<string | null>(null)
  // Read again when the import's failed or skipped counts move, at most every 300 ms, and after
  // a retry or dismissal (data/invalidations.ts).
  const failures = useApiQuery(
    'library:failures',
    { offset: 0, limit: Math.min(limit, 500) },
    // "Show more" keeps the shorter list up until the longer one arrives.
    { placeholderData: keepPreviousData }
  )
  const { mutateAsync: retryJobs } = useApiMutation('library:retry')
  const { mutateAsync: dismiss } = useApiMutation('library:dismiss-failures')
  const items = failures.data?.items ?? noItems
  const total = failures.data?.total ?? 0

  if (total === 0)
    return failures.error ? (
      <ErrorNotice
        error={failures.error}
        what="The files that were not imported could not be listed"
      />
    ) : null
  const failedCount = items.filter((i) => i.state === 'failed').length

  const retry = async (jobIds?: number[]): Promise<void> => {
    try {
      await retryJobs(jobIds ? { jobIds } : {})
    } catch (e) {
      setError(errorText(e))
    }
  }

  return (
    <section className={embedded ? styles.embedded : layout.card} aria-label="Files not imported">
      <div className={styles.head}>
        <button
          type="button"
          className={buttons.link}
          aria-expanded={open}
          aria-controls="failure-list"
          onClick={() => setOpen(!open)}
        >
          {open ? '▾' : '▸'} {plural(total, 'file')} could not be imported
        </button>
        <span className={layout.spacer} />
        {failedCount > 0 && (
          <button type="button" onClick={() => void retry()}>
            Retry all
          </button>
        )}
        <button
          type="button"
          onClick={() => dismiss({}).catch((e: unknown) => setError(errorText(e)))}
        >
          Dismiss
        </button>
      </div>
      {error && (
        <p className={text.error} role="alert">
          {error}
        </p>
      )}
      {failures.error && (
        <ErrorNotice error={failures.error} what="The list could not be read again" />
      )}
      {open && (
        <ul id="failure-list" className={styles.list}>
          {items.map((f) => (
            <li key={f.jobId}>
              <div className={styles.text}>
                <span className={styles.name} title={f.source}>
                  {f.name}
                </span>
                <span className={text.muted}>{f.reason}</span>
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
