import { z } from 'zod'
import type { ImportProblem, ImportSummary, PreviewRow } from './import'

/** What a set of .lrmx files will do to the register, before anything is written. */
export interface LrmxPreview {
  id: string
  files: number
  counts: { rows: number; added: number; updated: number; unchanged: number; problems: number }
  /** `row` is the file's number in the set (1, 2, …); `header` names the file and the field. */
  problems: ImportProblem[]
  rows: PreviewRow[]
}

export type LrmxSummary = Omit<ImportSummary, 'kind' | 'sha256'> & { kind: 'lrmx'; files: number }

export const lrmxPreviewInput = z.object({
  files: z
    .array(z.object({ fileName: z.string().trim().min(1, '缺少文件名').max(255), base64: z.string().min(1, '文件是空的') }))
    .min(1, '请选择至少一个 .lrmx 文件')
    .max(2000, '一次最多导入 2000 个文件')
})
export type LrmxPreviewInput = z.input<typeof lrmxPreviewInput>
