/** Timestamps in local time with offset, as a clerk reads them in the audit log. */
export function nowStamp(now?: Date): string {
  if (now) return stampOf(now)
  // An import stamps 100,000 rows: one formatting per second of them is enough.
  const second = Math.floor(Date.now() / 1000)
  if (second !== last.second) last = { second, stamp: stampOf(new Date(second * 1000)) }
  return last.stamp
}

let last = { second: -1, stamp: '' }

function stampOf(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  const off = -now.getTimezoneOffset()
  const sign = off >= 0 ? '+' : '-'
  const abs = Math.abs(off)
  return (
    `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}T` +
    `${pad(now.getHours())}:${pad(now.getMinutes())}:${pad(now.getSeconds())}` +
    `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  )
}
