import { z } from 'zod'
import type { ExportedFile } from './exports'
import type { ImportPreview, ImportSummary } from './import'
import type { ErrorCode } from './result'

export const jobIdInput = z.object({ id: z.string().min(1) })

export type JobState = 'running' | 'done' | 'failed' | 'cancelled'

export interface JobStatus<T = unknown> {
  id: string
  kind: string
  label: string
  state: JobState
  done: number
  total: number | null
  /** What the job is doing now, in Chinese ("正在读取第 1200 行"). */
  message: string
  result?: T
  error?: { code: ErrorCode; message: string }
  startedAt: number
  finishedAt?: number
}

/** The jobs the app starts, and what each leaves as its result when done. */
export interface JobResults {
  'import-preview': ImportPreview
  'import-commit': ImportSummary
  export: ExportedFile
}
export type JobKind = keyof JobResults
