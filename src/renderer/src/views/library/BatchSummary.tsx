import { useState } from 'react'
import type { BatchReport } from '@shared/contract/library'
import { ErrorNotice } from '../../components/ErrorNotice'
import { useApiMutation } from '../../data/api-query'
import { formatCount, formatDate, plural } from './format'
import { summaryHeadline, summaryLine, summaryParts } from './import-words'
import { useBatchReports } from './use-import-progress'
import buttons from '../../components/buttons.module.css'
import layout from '../../components/layout.module.css'
import text from '../../components/text.module.css'
import styles from './BatchSummary.module.css'

/** Retry (only the batch's real failures) and Dismiss, for one batch. */
function BatchActions({ report, compact = false }: { report: BatchReport; compact?: boolean }) {
  const retry = useApiMutation('library:retry')
  const dismiss = useApiMutation('library:dismiss-batch')
  const { batchId, summary } = report
  const error = retry.error ?? dismiss.error
  const when = compact ? ` from the import of ${formatDate(report.startedAt)}` : ''
  return (
    <>
      {summary.failed > 0 && (
        <button
          type="button"
          aria-label={`Retry ${plural(summary.failed, 'failed file')}${when}`}
          disabled={retry.isPending}
          onClick={() => retry.mutate({ batchId })}
        >
          Retry failed
        </button>
      )}
      {/* A batch still settling cannot be dismissed yet: its report is not written. */}
      {report.state !== 'running' && report.state !== 'paused' && (
        <button
          type="button"
          aria-label={compact ? `Dismiss the import of ${formatDate(report.startedAt)}` : 'Dismiss'}
          disabled={dismiss.isPending}
          onClick={() => dismiss.mutate({ batchId })}
        >
          Dismiss
        </button>
      )}
      {error && (
        <ErrorNotice
          compact
          error={error}
          what={retry.error ? 'The failed files could not be retried' : 'It could not be dismissed'}
        />
      )}
    </>
  )
}

/** The latest batch: every part of its summary, adding up to the files found. */
function LatestBatch({ report }: { report: BatchReport }) {
  const s = report.summary
  const parts = summaryParts(s, report.state)
  return (
    <>
      <div className={styles.head}>
        <strong>{summaryHeadline(report)}</strong>
        <span className={text.muted}>
          {formatDate(report.finishedAt ?? report.startedAt)} · {plural(s.found, 'file')} found
        </span>
        <span className={layout.spacer} />
        <BatchActions report={report} />
      </div>
      <dl className={styles.parts} aria-label="What happened to each file found">
        {parts.map((p) => (
          <div key={p.key} data-tone={p.tone}>
            <dt>{p.label}</dt>
            <dd>{formatCount(p.count)}</dd>
          </div>
        ))}
      </dl>
      {s.copies > 0 && (
        <p className={`${text.small} ${text.muted}`}>
          Of those added, {formatCount(s.copies)}{' '}
          {s.copies === 1 ? 'is an exact copy' : 'are exact copies'} of a photo already in your
          library, linked to it.
        </p>
      )}
      {s.failedByReason.length > 0 && (
        <ul className={styles.reasons} aria-label="Why files failed">
          {s.failedByReason.map((r) => (
            <li key={`${r.code}\n${r.reason}`}>
              <span className={styles.reasonCount}>{formatCount(r.count)}</span>
              <span>{r.reason}</span>
            </li>
          ))}
        </ul>
      )}
    </>
  )
}

/** Older batches' reports, grouped behind one line so they never push the grid down. */
function EarlierBatches({ reports }: { reports: BatchReport[] }) {
  const [open, setOpen] = useState(false)
  const dismiss = useApiMutation('library:dismiss-batch')
  if (reports.length === 0) return null
  const failed = reports.reduce((n, r) => n + r.summary.failed, 0)
  return (
    <div className={styles.earlier}>
      <div className={styles.head}>
        <button
          type="button"
          className={buttons.link}
          aria-expanded={open}
          onClick={() => setOpen(!open)}
        >
          {open ? '▾' : '▸'} {plural(reports.length, 'earlier import')}
          {failed > 0 ? ` · ${plural(failed, 'file')} failed` : ''}
        </button>
        <span className={layout.spacer} />
        {open && (
          <button
            type="button"
            disabled={dismiss.isPending}
            onClick={() => {
              for (const r of reports) dismiss.mutate({ batchId: r.batchId })
            }}
          >
            Dismiss all earlier
          </button>
        )}
      </div>
      {dismiss.error && (
        <ErrorNotice compact error={dismiss.error} what="Some reports could not be dismissed" />
      )}
      {open && (
        <ul className={styles.list} aria-label="Earlier imports">
          {reports.map((r) => (
            <li key={r.batchId}>
              <div className={styles.listText}>
                <span className={styles.listHead}>
                  {r.state === 'cancelled' ? 'Cancelled' : 'Finished'} ·{' '}
                  {formatDate(r.finishedAt ?? r.startedAt)}
                </span>
                <span className={text.muted}>{summaryLine(r)}</span>
              </div>
              <BatchActions report={r} compact />
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}

/**
 * How each import ended, finished or cancelled: the latest batch's summary in full, older ones
 * grouped. Shown until dismissed, so a cancelled import never just vanishes.
 */
export function BatchSummaries() {
  const { reports, error } = useBatchReports()
  if (error) return <ErrorNotice error={error} what="The import reports could not be read" />
  if (reports.length === 0) return null
  const [latest, ...earlier] = reports
  return (
    <section className={`${styles.card} ${layout.card}`} aria-label="Import summary">
      <LatestBatch report={latest!} />
      <EarlierBatches reports={earlier} />
    </section>
  )
}
