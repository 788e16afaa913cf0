import { useState } from 'react'
import { SetPlaceDialog } from './SetPlaceDialog'

/**
 * "Set place…" for picked photos (the ones without GPS get the chosen place's position; see
 * photo-weather:set-place).
 */
export function SetPlaceButton({ ids }: { ids: readonly number[] }) {
  const [open, setOpen] = useState(false)
  return (
    <>
      <button type="button" disabled={ids.length === 0} onClick={() => setOpen(true)}>
        Set place…
      </button>
      {open && <SetPlaceDialog photoIds={[...ids]} onClose={() => setOpen(false)} />}
    </>
  )
}
