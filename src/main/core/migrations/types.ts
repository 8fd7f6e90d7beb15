import type Database from 'better-sqlite3'

export interface Migration {
  /** Versions only go up, one per step, starting at 1. */
  version: number
  name: string
  /** SQL run as one script, or a function for steps that must compute, given the stamp its rows carry. */
  up: string | ((db: Database.Database, now: string) => void)
  /**
   * The step rebuilds a table others refer to (create, copy, drop, rename: SQLite's way to change a CHECK).
   * Foreign keys are then off while the steps run and checked in full before they commit.
   */
  rebuildsTables?: boolean
}
