import crypto from 'node:crypto'
import {
  IMPORT_KINDS,
  KIND_DEFS,
  type ImportKind,
  type ImportPreview,
  type ImportSummary,
  type KindDef
} from '../../../shared/import'
import { failure } from '../../../shared/result'
import type { JobRunner, JobStatus } from '../jobs'
import type { Store } from '../store'
import { analyze, countActions, previewOf, registerProblems, type Analysis, type Progress } from './engine'
import { adapterFor } from './kinds'
import { rememberChoice, rememberedChoices } from './mappings'
import type { FileInput } from './source'

export interface ReadOptions {
  villageId?: number | null
  mapping?: Record<string, string | null>
  sheet?: string | null
}

/** Analyses kept for their commit; a clerk works on one file at a time, a few are plenty. */
const KEEP_ANALYSES = 4

const silent: Progress = { progress: () => {}, throwIfCancelled: () => {} }

/**
 * Imports: read and check a file (preview), then write it whole in one transaction with one audit entry
 * (commit). The UI runs both as jobs; the CLI and tests call `read` and `commit` directly.
 */
export class ImportService {
  private readonly analyses = new Map<string, Analysis>()

  constructor(
    private readonly store: Store,
    private readonly jobs?: JobRunner
  ) {}

  kinds(): KindDef[] {
    return IMPORT_KINDS.map((k) => KIND_DEFS[k])
  }

  async read(kind: ImportKind, input: FileInput, options: ReadOptions = {}, progress: Progress = silent): Promise<{ analysis: Analysis; preview: ImportPreview }> {
    const villageId = options.villageId ?? null
    if (villageId !== null && !this.store.db.prepare('SELECT 1 FROM villages WHERE id = ?').get(villageId)) {
      throw failure('validation', '所选村社不存在，请刷新后重新选择')
    }
    if (KIND_DEFS[kind].perVillage && villageId === null) throw failure('validation', `导入${KIND_DEFS[kind].label}须先选择所属村社`)
    const adapter = adapterFor(kind, this.store)
    const refused = adapter.refuse?.(villageId)
    if (refused) throw failure('validation', refused)
    const analysis = await analyze(
      this.store,
      adapter,
      input,
      { villageId, mapping: options.mapping ?? {}, remembered: rememberedChoices(this.store, kind), sheet: options.sheet },
      progress
    )
    const id = crypto.randomUUID()
    const preview = previewOf(id, analysis, adapter)
    this.analyses.set(id, analysis)
    while (this.analyses.size > KEEP_ANALYSES) this.analyses.delete(this.analyses.keys().next().value!)
    return { analysis, preview }
  }

  /**
   * Writes a checked file: all rows or none. The plan is made again inside the transaction, so a register
   * changed since the preview is met as it is now. Rows that match the register exactly are left alone.
   */
  commit(analysis: Analysis): ImportSummary {
    if (analysis.missingFields.length > 0) {
      throw failure('import_rejected', `缺少必需的列：${analysis.missingFields.join('、')}。请在列对应中指定后再导入。`)
    }
    if (analysis.problemCount > 0) throw failure('import_rejected', `文件中有 ${analysis.problemCount} 处问题，未导入任何数据。请修改后重新导入。`)
    const adapter = adapterFor(analysis.kind, this.store)
    const register = adapter.register
    const def = adapter.def
    return this.store.write((audit) => {
      const plan = register.plan(analysis.records)
      const conflicts = registerProblems(analysis, plan)
      if (conflicts.length > 0) {
        const first = conflicts[0]
        throw failure('import_rejected', `第${first.row}行：${first.message}。共 ${conflicts.length} 处冲突，未导入任何数据。`)
      }
      register.write(analysis.records, plan)
      const counts = countActions(plan)
      const summary: ImportSummary = { kind: analysis.kind, fileName: analysis.fileName, sha256: analysis.sha256, ...counts }
      audit({
        action: 'import',
        entity: analysis.kind,
        entityId: null,
        summary: `导入${def.label}“${analysis.fileName}”：新增 ${counts.added}，更新 ${counts.updated}，未变 ${counts.unchanged}`,
        after: { ...summary, sheet: analysis.sheet, rows: analysis.rowCount, villageId: analysis.villageId }
      })
      return summary
    })
  }

  startPreview(kind: ImportKind, input: FileInput, options: ReadOptions): JobStatus {
    return this.runner().start('import-preview', `正在检查“${input.name ?? ''}”`, async (ctx) => (await this.read(kind, input, options, ctx)).preview)
  }

  startCommit(previewId: string): JobStatus {
    const analysis = this.analyses.get(previewId)
    if (!analysis) throw failure('not_found', '预览已过期，请重新选择文件')
    return this.runner().start('import-commit', `正在导入“${analysis.fileName}”`, async (ctx) => {
      ctx.progress(0, analysis.records.length, `正在写入 ${analysis.records.length} 行…`)
      ctx.throwIfCancelled()
      const summary = this.commit(analysis)
      this.analyses.delete(previewId)
      ctx.progress(analysis.records.length, analysis.records.length, '已完成')
      return summary
    })
  }

  remember(kind: ImportKind, header: string, field: string | null): void {
    rememberChoice(this.store, kind, header, field)
  }

  private runner(): JobRunner {
    if (!this.jobs) throw new Error('ImportService needs a JobRunner for jobs')
    return this.jobs
  }
}
