import { todayIso } from '../../shared/dates'

/** The one way the register knows the date: services ask it, tests give a fixed one. */
export interface Clock {
  /** The calendar date, 'YYYY-MM-DD' in local time. */
  today(): string
  /** A timestamp in local time with offset, as the audit log shows it. */
  now(): string
}

export const systemClock: Clock = { today: () => todayIso(), now: () => nowStamp() }

export interface FixedClock extends Clock {
  /** Moves the clock to another day. */
  set(today: string): void
}

/** A clock stopped on one day, for tests: it moves only when told to. */
export function fixedClock(today: string, time = '09:00:00+08:00'): FixedClock {
  let day = today
  return {
    today: () => day,
    now: () => `${day}T${time}`,
    set: (d) => {
      day = d
    }
  }
}

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
