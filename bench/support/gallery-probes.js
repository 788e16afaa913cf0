/* global window, document, requestAnimationFrame, Element */
// Installed in the page before the app (plain JavaScript, injected as is), beside
// page-probes.js. What bench/gallery.ts measures of the grid itself, in the frame it is painted:
//
// A grid is found as [role=grid]; its rows are its [role=row] elements and a photo's tile is a
// [data-index] element inside a [role=gridcell]. In a frame, the visible band is the grid's box
// on screen, cut at the end of its content. A visible cell is EMPTY when it has neither
//   - its thumbnail shown: an <img> that has loaded (complete, naturalWidth > 0) and that the
//     cell has marked shown (data-loaded="true", when it fades in), nor
//   - its placeholder painted: an inline background colour or background image on the tile
//     (PhotoCell sets one from the photo's thumbhash in the render that draws it; a cell whose
//     photo has not arrived has neither, and shows the grid's bare panel colour).
// A part of the visible band that no rendered row covers (more than a row gap) is empty too:
// the rows there are not drawn yet. A frame is an empty-cell frame when either is true.
// The check runs in a requestAnimationFrame callback: after the frame's scroll events (where
// the virtualiser renders its rows) and before the frame's style, layout and paint.
;(() => {
  const ROW_GAP_SLACK = 8
  const g = {
    checking: false,
    frames: 0,
    emptyFrames: 0,
    /** The first few empty frames: what was missing, for the report's detail. */
    samples: [],
    checkMs: [],
    open: null
  }
  window.__gallery = g

  const gridOf = () => document.querySelector('[role=grid]')
  const tileShown = (tile) => {
    const img = tile.querySelector('img')
    return !!img && img.complete && img.naturalWidth > 0 && img.dataset.loaded === 'true'
  }
  const placeholderPainted = (tile) =>
    tile.style.backgroundColor !== '' || tile.style.backgroundImage !== ''

  /** The visible band's state: cells drawn, empty, thumbnails shown, uncovered pixels. */
  g.inspect = (grid) => {
    const box = grid.getBoundingClientRect()
    const top = Math.max(0, box.top)
    const bottom = Math.min(
      window.innerHeight,
      box.bottom,
      box.top + grid.scrollHeight - grid.scrollTop
    )
    const spans = []
    let cells = 0
    let empty = 0
    let shown = 0
    for (const row of grid.querySelectorAll('[role=row]')) {
      const r = row.getBoundingClientRect()
      if (r.bottom <= top || r.top >= bottom) continue
      spans.push([r.top, r.bottom])
      for (const tile of row.querySelectorAll('[role=gridcell] [data-index]')) {
        cells++
        const thumb = tileShown(tile)
        if (thumb) shown++
        else if (!placeholderPainted(tile)) empty++
      }
    }
    spans.sort((a, b) => a[0] - b[0])
    let cursor = top
    let uncovered = 0
    for (const [from, to] of spans) {
      if (from > cursor + ROW_GAP_SLACK) uncovered += from - cursor
      cursor = Math.max(cursor, to)
    }
    if (bottom > cursor + ROW_GAP_SLACK) uncovered += bottom - cursor
    return { cells, empty, shown, uncovered: Math.round(uncovered), scroll: grid.scrollTop }
  }

  const frame = () => {
    requestAnimationFrame(frame)
    if (g.checking) {
      const grid = gridOf()
      if (grid) {
        const t0 = performance.now()
        const s = g.inspect(grid)
        g.checkMs.push(performance.now() - t0)
        g.frames++
        if (s.empty > 0 || s.uncovered > 0 || s.cells === 0) {
          g.emptyFrames++
          if (g.samples.length < 5) g.samples.push(s)
        }
      }
    }
    if (g.open && !g.open.at) {
      const grid = gridOf()
      const s = grid && g.inspect(grid)
      const filled = s && s.cells > 0 && s.uncovered === 0
      if (filled && s.empty === 0 && !g.open.placeholders) g.open.placeholders = performance.now()
      if (filled && s.shown === s.cells) g.open.at = performance.now()
    }
  }
  requestAnimationFrame(frame)

  /**
   * Open time: from the click on the Library button in the sections bar (the event's own timestamp) to the first
   * frame in which every visible cell shows its loaded thumbnail.
   */
  g.watchOpen = () => {
    g.open = { clicked: null, placeholders: null, at: null }
    document.addEventListener(
      'click',
      (e) => {
        const inNav = e.target instanceof Element && e.target.closest('nav')
        if (inNav && g.open.clicked === null) g.open.clicked = e.timeStamp
      },
      { capture: true }
    )
  }

  /**
   * Scrolls the grid by `step` px every `every` frames, `count` times, then waits `tail` frames.
   * Each step is made in a task queued by a frame's callback, so it lands between frames, as a
   * wheel event's scroll does: the next frame runs its scroll events, then is inspected.
   */
  g.drive = (step, every, count, tail) =>
    new Promise((resolve) => {
      const grid = gridOf()
      let frames = 0
      let done = 0
      const tick = () => {
        frames++
        if (done < count && frames % every === 1 % every) {
          done++
          setTimeout(() => grid.scrollBy({ top: step, behavior: 'instant' }), 0)
        }
        if (done >= count && frames >= count * every + tail) resolve(frames)
        else requestAnimationFrame(tick)
      }
      requestAnimationFrame(tick)
    })

  /** Figures since the last call; counting continues as set. */
  g.take = () => {
    const out = {
      frames: g.frames,
      emptyFrames: g.emptyFrames,
      samples: g.samples,
      checkMs: g.checkMs
    }
    g.frames = 0
    g.emptyFrames = 0
    g.samples = []
    g.checkMs = []
    return out
  }
})()
