import type { ImportSummary } from '../../../shared/import'
import type { AppError } from '../../../shared/result'
import type { Writable } from './write-analysis'

/** What a commit on the thread begins with: the file, who writes, the moment it stamps, and the file's facts. */
export interface CommitInput {
  file: string
  nativeBinding?: string
  /** The data key of an encrypted register: the thread's connection must open the file as this one did. */
  key?: Uint8Array
  actor: string
  today: string
  now: string
  analysis: Omit<Writable, 'records' | 'recordRows'>
}

export type ToCommit =
  /** A new commit: the thread writes one at a time, and waits for the next when done. */
  | { t: 'begin'; input: CommitInput }
  | { t: 'records'; records: unknown[]; rows: number[] }
  /** Every record sent: write them. */
  | { t: 'write' }
  | { t: 'cancel' }
  /** The answer to 'final': COMMIT, or roll back. */
  | { t: 'commit' }

export type FromCommit =
  | { t: 'progress'; done: number; total: number; message: string }
  /** Everything is written and checked: may it COMMIT? */
  | { t: 'final' }
  | { t: 'done'; summary: ImportSummary }
  | { t: 'cancelled' }
  | { t: 'failed'; error: AppError | null; message: string }
