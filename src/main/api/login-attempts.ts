import fs from 'node:fs'
import { failure } from '../../shared/result'
import type { Clock } from '../core/clock'
import { replaceFile } from '../core/durable-file'

/** Wrong passwords allowed in a row before each next try must wait. */
export const FREE_ATTEMPTS = 5
const FIRST_WAIT_S = 30
const LONGEST_WAIT_S = 15 * 60

type Counts = Record<string, { count: number; lastAt: string }>

/**
 * Wrong passwords in a row per account, kept beside the register (`office.db.attempts`) because a refused password
 * cannot open it; the database and its key slots are not touched by a wrong password. After five, each next try
 * waits: 30 seconds, doubling with every failure, up to 15 minutes. The count goes into 操作记录 at the next login.
 */
export class LoginAttempts {
  private readonly file: string

  constructor(
    dbFile: string,
    private readonly clock: Clock
  ) {
    this.file = `${dbFile}.attempts`
  }

  /** Seconds the next try of `account` must wait now (0: it may try). */
  waitFor(account: string): number {
    const c = this.read()[account]
    if (!c || c.count < FREE_ATTEMPTS) return 0
    const wait = Math.min(FIRST_WAIT_S * 2 ** (c.count - FREE_ATTEMPTS), LONGEST_WAIT_S)
    const passed = (Date.parse(this.clock.now()) - Date.parse(c.lastAt)) / 1000
    return Math.max(0, Math.ceil(wait - passed))
  }

  refuseWhileWaiting(account: string): void {
    const wait = this.waitFor(account)
    if (wait > 0) throw failure('unauthorized', `密码已连续输错多次，请在 ${wait} 秒后再试`)
  }

  /** Counts one more wrong password; returns how many in a row. */
  failed(account: string): number {
    const all = this.read()
    const count = (all[account]?.count ?? 0) + 1
    all[account] = { count, lastAt: this.clock.now() }
    replaceFile(this.file, JSON.stringify(all))
    return count
  }

  /** The right password: the count starts again; returns how many wrong ones came before it. */
  succeeded(account: string): number {
    const all = this.read()
    const missed = all[account]?.count ?? 0
    if (missed > 0) {
      delete all[account]
      replaceFile(this.file, JSON.stringify(all))
    }
    return missed
  }

  private read(): Counts {
    try {
      return JSON.parse(fs.readFileSync(this.file, 'utf8')) as Counts
    } catch {
      return {}
    }
  }
}
