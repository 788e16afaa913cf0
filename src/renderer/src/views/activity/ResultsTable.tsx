import { speedups } from '@shared/activity/export'
import { strategyLabels, type BenchRun } from '@shared/contract'
import text from '../../components/text.module.css'
import styles from './ResultsTable.module.css'

const ms = (v: number | null | undefined): string =>
  v === null || v === undefined ? '—' : `${v.toFixed(v < 10 ? 1 : 0)} ms`
const mb = (v: number | null): string => (v === null ? '—' : `${v.toFixed(0)} MB`)

/** One row per strategy: what it achieved and what it cost the rest of the app. */
export function ResultsTable({ run }: { run: BenchRun }) {
  const ups = speedups(run)
  return (
    <div className={styles.scroll}>
      <table className={styles.results}>
        <caption className={text.visuallyHidden}>Results of run {run.id}</caption>
        <thead>
          <tr>
            <th scope="col">Strategy</th>
            <th scope="col">Wall time</th>
            <th scope="col">Images/s</th>
            <th scope="col">Speedup</th>
            <th scope="col" title="Main-process event-loop delay, p99 / max">
              Main loop p99 / max
            </th>
            <th scope="col">Weather p99</th>
            <th scope="col" title="Long tasks in the window">
              Long tasks
            </th>
            <th scope="col">Frame p99</th>
            <th scope="col" title="Scripted request → answer → paint">
              Input p99
            </th>
            <th scope="col">Peak RSS main / worker</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {run.results.map((r, i) => (
            <tr key={i} className={r.status !== 'complete' ? styles.partial : undefined}>
              <th scope="row">
                {strategyLabels[r.strategy]}
                {r.strategy !== 'in-main' && <span className={text.muted}> × {r.workers}</span>}
              </th>
              <td>{(r.wallMs / 1000).toFixed(1)} s</td>
              <td>{r.perSecond.toFixed(1)}</td>
              <td>{ups[i] === null ? '—' : `${ups[i]!.toFixed(2)}×`}</td>
              <td className={r.loopP99Ms > 20 ? styles.bad : undefined}>
                {ms(r.loopP99Ms)} / {ms(r.loopMaxMs)}
              </td>
              <td>{r.weatherCount ? ms(r.weatherP99Ms) : '—'}</td>
              <td className={r.renderer && r.renderer.longTasks > 0 ? styles.bad : undefined}>
                {r.renderer ? r.renderer.longTasks : '—'}
              </td>
              <td>{ms(r.renderer?.frameP99Ms)}</td>
              <td className={r.renderer && r.renderer.inputP99Ms > 50 ? styles.bad : undefined}>
                {ms(r.renderer?.inputP99Ms)}
              </td>
              <td>
                {mb(r.peakMainRssMb)} / {mb(r.peakWorkerRssMb)}
              </td>
              <td title={r.note || undefined}>
                {r.status}
                {r.failed > 0 && <span className={text.muted}> ({r.failed} failed)</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
