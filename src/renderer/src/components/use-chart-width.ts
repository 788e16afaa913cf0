import { useLayoutEffect, useRef, useState, type RefObject } from 'react'

/**
 * A chart's drawn width in CSS pixels, kept current as its box resizes, so it can draw in real
 * pixels (round markers, undistorted labels) rather than stretch a fixed viewBox.
 */
export function useChartWidth<T extends HTMLElement>(
  fallback = 320
): [RefObject<T | null>, number] {
  const ref = useRef<T>(null)
  const [width, setWidth] = useState(fallback)
  useLayoutEffect(() => {
    const el = ref.current
    if (!el) return
    setWidth(el.clientWidth || fallback)
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.max(1, Math.round(entry.contentRect.width)))
    })
    observer.observe(el)
    return () => observer.disconnect()
  }, [fallback])
  return [ref, width]
}
