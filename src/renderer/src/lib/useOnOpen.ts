import { useEffect, useRef } from 'react'

/**
 * Fills a dialog's form the moment it opens, before the clerk can type: afterOpenChange waits for the
 * opening animation and would wipe what was typed meanwhile.
 */
export function useOnOpen(open: boolean, fill: () => void): void {
  const latest = useRef(fill)
  latest.current = fill
  useEffect(() => {
    if (open) latest.current()
  }, [open])
}
