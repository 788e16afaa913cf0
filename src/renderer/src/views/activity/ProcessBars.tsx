import type { ProcessSample } from '@shared/contract'
import text from '../../components/text.module.css'
import styles from './ProcessBars.module.css'

/** Current CPU and memory per process, as bars. */
export function ProcessBars({
  processes,
  rendererMeasured
}: {
  processes: readonly ProcessSample[]
  rendererMeasured: boolean
}) {
  const maxCpu = Math.max(100, ...processes.map((p) => p.cpuPercent))
  return (
    <div className={styles.processBars}>
      <table>
        <caption className={text.visuallyHidden}>CPU and memory per process</caption>
        <thead>
          <tr>
            <th scope="col">Process</th>
            <th scope="col">CPU</th>
            <th scope="col">Memory</th>
          </tr>
        </thead>
        <tbody>
          {processes.map((p) => (
            <tr key={p.pid}>
              <th scope="row">
                {p.name} <span className={text.muted}>{p.pid}</span>
              </th>
              <td>
                <span className={styles.bar} aria-hidden="true">
                  <span
                    className={styles.fill}
                    style={{ width: `${(p.cpuPercent / maxCpu) * 100}%` }}
                  />
                </span>
                {p.cpuPercent.toFixed(0)}%
              </td>
              <td>{p.rssMb.toFixed(0)} MB</td>
            </tr>
          ))}
        </tbody>
      </table>
      {!rendererMeasured && (
        <p className={`${text.muted} ${text.small}`}>
          The window&apos;s own process is measured in the page (frame times above); per-process CPU
          for it is available in the desktop app.
        </p>
      )}
    </div>
  )
}
