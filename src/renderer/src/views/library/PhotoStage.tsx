import { useEffect, useLayoutEffect, useRef, useState, type PointerEvent } from 'react'
import { clampPan, fitScale, zoomAt, type Zoom } from './zoom'
import styles from './Lightbox.module.css'

/**
 * The lightbox's picture: fitted to the stage, or zoomed (100 % button, double-click, wheel,
 * trackpad or touch pinch) and dragged to pan. 100 % is one preview pixel per screen pixel.
 */
export function PhotoStage({
  src,
  alt,
  placeholder
}: {
  src: string | null
  alt: string
  placeholder: string | undefined
}) {
  const boxRef = useRef<HTMLDivElement>(null)
  const [box, setBox] = useState({ w: 0, h: 0 })
  const [pic, setPic] = useState<{ src: string; w: number; h: number } | null>(null)
  // The zoom belongs to the picture it was set on: another photo starts fitted.
  const [zoomed, setZoomed] = useState<{ src: string | null; zoom: Zoom | null }>({
    src,
    zoom: null
  })
  const zoom = zoomed.src === src ? zoomed.zoom : null
  const latest = useRef({ zoom, fit: 1, box, size: { w: 0, h: 0 }, src })
  const setZoom = (z: Zoom | null): void => setZoomed({ src: latest.current.src, zoom: z })
  const loaded = pic !== null && pic.src === src
  const size = loaded ? pic : { w: 0, h: 0 }
  const fit = fitScale(box, size)
  const pointers = useRef(new Map<number, { x: number; y: number }>())
  const gesture = useRef<{ dist: number; scale: number } | null>(null)

  useLayoutEffect(() => {
    const el = boxRef.current
    if (!el) return
    const read = (): void => setBox({ w: el.clientWidth, h: el.clientHeight })
    read()
    const observer = new ResizeObserver(read)
    observer.observe(el)
    return () => observer.disconnect()
  }, [])

  useEffect(() => {
    latest.current = { zoom, fit, box, size, src }
  })
  const centred = (clientX: number, clientY: number): { x: number; y: number } => {
    const r = boxRef.current!.getBoundingClientRect()
    return { x: clientX - r.left - r.width / 2, y: clientY - r.top - r.height / 2 }
  }
  const zoomTo = (scale: number, at = { x: 0, y: 0 }): void => {
    const { zoom: z, fit: f, box: b, size: s } = latest.current
    const next = zoomAt(z ?? { scale: f, x: 0, y: 0 }, scale, at, f)
    setZoom(next && clampPan(next, b, s))
  }

  // Wheel and trackpad pinch (a wheel with Ctrl): not passive, so the page itself does not zoom.
  useEffect(() => {
    const el = boxRef.current
    if (!el) return
    const onWheel = (e: WheelEvent): void => {
      if (!latest.current.size.w) return
      e.preventDefault()
      const { zoom: z, fit: f } = latest.current
      const factor = Math.exp(-e.deltaY * (e.ctrlKey ? 0.01 : 0.002))
      zoomTo((z?.scale ?? f) * factor, centred(e.clientX, e.clientY))
    }
    el.addEventListener('wheel', onWheel, { passive: false })
    return () => el.removeEventListener('wheel', onWheel)
    // zoomTo reads the latest state through a ref.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  const onPointerDown = (e: PointerEvent<HTMLDivElement>): void => {
    pointers.current.set(e.pointerId, { x: e.clientX, y: e.clientY })
    e.currentTarget.setPointerCapture(e.pointerId)
    if (pointers.current.size === 2) {
      const [a, b] = [...pointers.current.values()]
      gesture.current = { dist: Math.hypot(a!.x - b!.x, a!.y - b!.y), scale: zoom?.scale ?? fit }
    }
  }
  const onPointerMove = (e: PointerEvent<HTMLDivElement>): void => {
    const last = pointers.current.get(e.pointerId)
    if (!last) return
    pointers.current.set(e.pointerId, { x: e.clientX, y: e.clientY })
    if (pointers.current.size === 2 && gesture.current) {
      const [a, b] = [...pointers.current.values()]
      const dist = Math.hypot(a!.x - b!.x, a!.y - b!.y)
      const mid = centred((a!.x + b!.x) / 2, (a!.y + b!.y) / 2)
      zoomTo((gesture.current.scale * dist) / Math.max(1, gesture.current.dist), mid)
    } else if (zoom) {
      setZoom(
        clampPan(
          { ...zoom, x: zoom.x + e.clientX - last.x, y: zoom.y + e.clientY - last.y },
          box,
          size
        )
      )
    }
  }
  const onPointerUp = (e: PointerEvent<HTMLDivElement>): void => {
    pointers.current.delete(e.pointerId)
    if (pointers.current.size < 2) gesture.current = null
  }

  const percent = Math.round((zoom?.scale ?? fit) * 100)
  return (
    <>
      <div
        ref={boxRef}
        className={styles.image}
        data-zoomed={zoom !== null}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
        onDoubleClick={(e) => (zoom ? setZoom(null) : zoomTo(1, centred(e.clientX, e.clientY)))}
        style={placeholder && !loaded ? { backgroundImage: `url("${placeholder}")` } : undefined}
      >
        {src && (
          <img
            key={src}
            src={src}
            alt={alt}
            draggable={false}
            data-loaded={loaded}
            onLoad={(e) =>
              setPic({ src, w: e.currentTarget.naturalWidth, h: e.currentTarget.naturalHeight })
            }
            style={
              zoom
                ? {
                    position: 'absolute',
                    left: '50%',
                    top: '50%',
                    width: size.w * zoom.scale,
                    height: size.h * zoom.scale,
                    maxWidth: 'none',
                    maxHeight: 'none',
                    transform: `translate(calc(-50% + ${zoom.x}px), calc(-50% + ${zoom.y}px))`
                  }
                : undefined
            }
          />
        )}
      </div>
      <div className={styles.zoomBar} role="group" aria-label="Zoom">
        <button
          type="button"
          aria-pressed={zoom === null}
          title="Fit (F)"
          onClick={() => setZoom(null)}
        >
          Fit
        </button>
        <button
          type="button"
          aria-pressed={zoom !== null && Math.abs(zoom.scale - 1) < 0.01}
          title="100 % (1)"
          disabled={!loaded}
          onClick={() => zoomTo(1)}
        >
          100 %
        </button>
        <span className={styles.zoomValue} aria-live="polite">
          {loaded ? `${percent} %` : ''}
        </span>
      </div>
      <ZoomKeys onFit={() => setZoom(null)} onActual={() => zoomTo(1)} />
    </>
  )
}

/** F fits, 1 shows 100 %: keys the lightbox does not use for anything else. */
function ZoomKeys({ onFit, onActual }: { onFit(): void; onActual(): void }) {
  const latest = useRef({ onFit, onActual })
  useEffect(() => {
    latest.current = { onFit, onActual }
  })
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return
      if (e.key === 'f' || e.key === 'F') latest.current.onFit()
      else if (e.key === '1') latest.current.onActual()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])
  return null
}
