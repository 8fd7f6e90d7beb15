import type Database from 'better-sqlite3'

export interface Migration {
  /** Versions only go up, one per step, starting at 1. */
  version: number
  name: string
  /** SQL run as one script, or a function for steps that must compute, given the stamp its rows carry. */
  up: string | ((db: Database.Database, now: string) => void)
}
