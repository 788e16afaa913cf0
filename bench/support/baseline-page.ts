/** Where the app's grid sits and how its tiles are laid out, read from the app's page. */
export interface GridGeometry {
  left: number
  top: number
  width: number
  height: number
  cell: number
  columns: number
  gap: number
}

/**
 * The baseline: a static page with `tiles` coloured tiles laid out as the app's grid lays them
 * (same box on screen, same tile size, columns and gap) in a scrolling box, and no script, so
 * scrolling it measures what the browser itself costs. The markup names its parts as the grid
 * does (role=grid, row, gridcell) so the same scroll driver moves it.
 */
export function baselineHtml(tiles: number, g: GridGeometry): string {
  const rows: string[] = []
  for (let first = 0; first < tiles; first += g.columns) {
    const cells: string[] = []
    for (let i = first; i < Math.min(tiles, first + g.columns); i++) {
      const hue = (i * 47) % 360
      cells.push(`<div role=gridcell style="background:hsl(${hue} 45% 50%)"></div>`)
    }
    rows.push(`<div role=row>${cells.join('')}</div>`)
  }
  return `<!doctype html><html><head><meta charset=utf-8><title>baseline</title><style>
body{margin:0;background:#111}
[role=grid]{position:absolute;left:${g.left}px;top:${g.top}px;width:${g.width}px;height:${g.height}px;overflow:auto}
[role=row]{display:flex;gap:${g.gap}px;margin-bottom:${g.gap}px}
[role=gridcell]{flex:none;width:${g.cell}px;height:${g.cell}px;border-radius:6px}
</style></head><body><div role=grid>${rows.join('')}</div></body></html>`
}
