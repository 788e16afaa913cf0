/** Prints rows as an aligned table. */
export function printTable(rows: Array<Record<string, string | number | null>>): void {
  if (rows.length === 0) return
  const keys = Object.keys(rows[0]!)
  const cells = rows.map((r) => keys.map((k) => String(r[k] ?? '')))
  const widths = keys.map((k, i) => Math.max(k.length, ...cells.map((c) => c[i]!.length)))
  const line = (values: string[]): string => values.map((v, i) => v.padStart(widths[i]!)).join('  ')
  console.log(line(keys))
  for (const c of cells) console.log(line(c))
}

export const round = (value: number | null | undefined, digits = 1): number | null =>
  value === null || value === undefined ? null : Math.round(value * 10 ** digits) / 10 ** digits

export function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 ? process.argv[i + 1] : undefined
}
