import type { ActivitySample } from '@shared/contract'
import text from '../../components/text.module.css'
import styles from './LiveActivity.module.css'

/** What is in flight now, and how the recent requests went. */
export function NetworkSummary({
  sample,
  finished
}: {
  sample: ActivitySample | undefined
  finished: ActivitySample['network']['finished']
}) {
  const times = finished.map((f) => f.ms).sort((a, b) => a - b)
  const p50 = times[Math.floor(times.length / 2)]
  const failed = finished.filter((f) => !f.ok).length
  return (
    <div className={text.small}>
      {sample?.network.inFlight.length ? (
        <ul className={styles.plainList}>
          {sample.network.inFlight.slice(0, 5).map((r, i) => (
            <li key={i}>
              {r.label}{' '}
              <span className={text.muted}>
                — {r.host}, {Math.round(r.ageMs)} ms
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className={text.muted}>Nothing in flight.</p>
      )}
      <p className={text.muted}>
        {times.length
          ? `Last ${times.length} requests: median ${Math.round(p50 ?? 0)} ms, slowest ${Math.round(times.at(-1) ?? 0)} ms${failed ? `, ${failed} failed` : ''}`
          : 'No requests in the shown span.'}
      </p>
    </div>
  )
}
