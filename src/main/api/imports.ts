import { importCommitInput, importPreviewInput, rememberMappingInput } from '../../shared/import'
import type { Services } from '../core/services'
import { method, query } from './method'

/** Rosters in from xlsx/csv: a preview with every wrong row, then a commit of the whole file. */
export const importsApi = ({ imports }: Services) => ({
  kinds: query(() => imports.kinds()),
  /** Starts reading and checking a file; the job's result is the ImportPreview. */
  preview: method(importPreviewInput, ({ kind, fileName, base64, villageId, mapping, sheet }) =>
    imports.startPreview(kind, { bytes: Buffer.from(base64, 'base64'), name: fileName }, { villageId, mapping, sheet })
  ),
  /** Starts writing a previewed file; the job's result is the ImportSummary. */
  commit: method(importCommitInput, ({ previewId }) => imports.startCommit(previewId)),
  remember: method(rememberMappingInput, ({ kind, header, field }) => imports.remember(kind, header, field))
})
