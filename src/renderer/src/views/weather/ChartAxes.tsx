/**
 * The temperature grid of a weather chart: a line across the plot at each tick, labelled at its
 * left in the user's unit. Drawn inside the chart's grid group (chart-parts.module.css styles it).
 */
export function TempGrid({
  ticks,
  y,
  left,
  right,
  symbol
}: {
  ticks: readonly number[]
  y: (v: number) => number
  /** Where the plot starts and ends, in the drawing's units. */
  left: number
  right: number
  symbol: string
}) {
  return ticks.map((v) => (
    <g key={v}>
      <line x1={left} x2={right} y1={y(v)} y2={y(v)} />
      <text x={left - 6} y={y(v) + 4} textAnchor="end">
        {v}
        {symbol}
      </text>
    </g>
  ))
}

/** The chance-of-precipitation axis: 0, 50 and 100 % labelled beside the plot's right edge. */
export function PercentAxis({ y, right }: { y: (p: number) => number; right: number }) {
  return [0, 50, 100].map((p) => (
    <text key={p} x={right + 6} y={y(p) + 4}>
      {p}%
    </text>
  ))
}
