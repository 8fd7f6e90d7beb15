import type Database from 'better-sqlite3'
import { BUSY_STEP_MS } from './busy'

/**
 * The page cache of a connection that writes a roster in one transaction. With SQLite's default 2 MB, the
 * indexes of 100,000 new voters outgrow it and dirty pages spill to the WAL during the transaction: writing
 * the rows took a third longer in CPU time.
 */
export const WRITER_CACHE_KB = 32_768

/** quick_check of a copy just written, read through this connection: 'ok' or SQLite's first complaint. */
export function checkCopy(db: Database.Database, file: string): string {
  try {
    db.prepare('ATTACH ? AS backup_copy').run(file)
  } catch (e) {
    return (e as Error).message
  }
  try {
    return String(db.pragma('backup_copy.quick_check', { simple: true }))
  } catch (e) {
    return (e as Error).message
  } finally {
    db.exec('DETACH backup_copy')
  }
}

/**
 * How a connection's commits reach the disk. 'full': each commit is synced before it returns (an import's
 * connection: a roster saved the day before an election survives a power cut the moment 导入完成 shows).
 * 'normal': in WAL mode a commit is written to the WAL without a sync (≈ 9 ms saved per save, on the one
 * thread every request waits on); a crash of the program loses nothing and the file stays consistent
 * after a power cut, which may take back only the saves since the last sync: the store syncs within
 * DURABLE_WITHIN_MS of every write (see Store.write).
 */
export type Durability = 'full' | 'normal'

export function configure(db: Database.Database, onDisk: boolean, durability: Durability = 'normal'): void {
  if (onDisk) db.pragma('journal_mode = WAL')
  db.pragma(`synchronous = ${durability === 'full' ? 'FULL' : 'NORMAL'}`)
  db.pragma('foreign_keys = ON')
  db.pragma(`busy_timeout = ${BUSY_STEP_MS}`)
  // Reads through a memory map instead of a read() per page: a search that looks up thousands of people by id
  // took two to three times as long without it at a million voters. Address space only; the OS pages it.
  if (onDisk) db.pragma(`mmap_size = ${MMAP_BYTES}`)
}

const MMAP_BYTES = 256 * 1024 * 1024
