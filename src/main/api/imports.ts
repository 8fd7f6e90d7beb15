import { importCommitInput, importPreviewInput, rememberMappingInput } from '../../shared/import'
import { MIME } from '../../shared/exports'
import type { Services } from '../core/services'
import { method, query } from './method'

/** Rosters in from xlsx/csv: a preview with every wrong row, then a commit of the whole file. */
export const importsApi = ({ imports }: Services) => ({
  kinds: query(() => imports.kinds()),
  /** Starts reading and checking a file; the job's result is the ImportPreview. */
  preview: method(importPreviewInput, ({ kind, fileName, base64, villageId, mapping, sheet, fileValues }) =>
    imports.startPreview(kind, { bytes: Buffer.from(base64, 'base64'), name: fileName }, { villageId, mapping, sheet, fileValues })
  ),
  /** 导出问题清单: the wrong rows of a previewed file as an xlsx in its own columns plus 问题. */
  problems: method(importCommitInput, async ({ previewId }) => {
    const { fileName, bytes } = await imports.problemList(previewId)
    return { fileName, mime: MIME.xlsx, base64: bytes.toString('base64') }
  }),
  /** Starts writing a previewed file; the job's result is the ImportSummary. */
  commit: method(importCommitInput, ({ previewId }) => imports.startCommit(previewId)),
  remember: method(rememberMappingInput, ({ kind, header, field }) => imports.remember(kind, header, field))
})
