import { speedups } from '@shared/activity/export'
import { strategyLabels, type BenchRun, type StrategyResult } from '@shared/contract'
import { hasWorkers } from './strategy-names'
import text from '../../components/text.module.css'
import styles from './ResultsTable.module.css'

type Spread = { median: number; min: number; max: number; n: number } | null | undefined

const ms = (v: number | null | undefined): string =>
  v === null || v === undefined ? '—' : `${v.toFixed(v < 10 ? 1 : 0)} ms`
const mb = (v: number | null | undefined): string =>
  v === null || v === undefined ? '—' : `${v.toFixed(0)} MB`

/** The repeats' range under a median, when there was more than one pass. */
function Range({ s, format }: { s: Spread; format: (v: number) => string }) {
  if (!s || s.n < 2) return null
  return (
    <span className={styles.range}>
      {format(s.min)}–{format(s.max)}
    </span>
  )
}

const plain = (digits: number) => (v: number) => v.toFixed(digits)
const msNumber = (v: number): string => v.toFixed(v < 10 ? 1 : 0)

/** One row per strategy: its medians (range below), and what it cost the rest of the app. */
export function ResultsTable({ run }: { run: BenchRun }) {
  const ups = speedups(run)
  const summary = (r: StrategyResult) => r.summary ?? null
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
            <th scope="col" title="Main's RSS before the strategy → after it (what main kept)">
              Main RSS before → after
            </th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {run.results.map((r, i) => {
            const s = summary(r)
            return (
              <tr key={i} className={r.status !== 'complete' ? styles.partial : undefined}>
                <th scope="row">
                  {strategyLabels[r.strategy]}
                  {hasWorkers(r) && <span className={text.muted}> × {r.workers}</span>}
                </th>
                <td>
                  {(r.wallMs / 1000).toFixed(1)} s
                  <Range s={s?.wallMs} format={(v) => (v / 1000).toFixed(1)} />
                </td>
                <td>
                  {r.perSecond.toFixed(1)}
                  <Range s={s?.perSecond} format={plain(1)} />
                </td>
                <td>{ups[i] === null ? '—' : `${ups[i]!.toFixed(2)}×`}</td>
                <td className={r.loopP99Ms > 20 ? styles.bad : undefined}>
                  {ms(r.loopP99Ms)} / {ms(r.loopMaxMs)}
                  <Range s={s?.loopP99Ms} format={msNumber} />
                </td>
                <td>
                  {r.weatherCount ? ms(r.weatherP99Ms) : '—'}
                  <Range s={s?.weatherP99Ms} format={msNumber} />
                </td>
                <td className={r.renderer && r.renderer.longTasks > 0 ? styles.bad : undefined}>
                  {r.renderer ? r.renderer.longTasks : '—'}
                </td>
                <td>
                  {ms(r.renderer?.frameP99Ms)}
                  <Range s={s?.frameP99Ms} format={msNumber} />
                </td>
                <td className={r.renderer && r.renderer.inputP99Ms > 50 ? styles.bad : undefined}>
                  {ms(r.renderer?.inputP99Ms)}
                  <Range s={s?.inputP99Ms} format={msNumber} />
                </td>
                <td>
                  {mb(r.peakMainRssMb)} / {mb(r.peakWorkerRssMb)}
                </td>
                <td title={r.memory?.released || undefined}>
                  {r.memory ? `${mb(r.memory.beforeMb)} → ${mb(r.memory.afterMb)}` : '—'}
                </td>
                <td title={r.note || undefined}>
                  {r.status}
                  {r.failed > 0 && <span className={text.muted}> ({r.failed} failed)</span>}
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}
