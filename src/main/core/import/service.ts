import crypto from 'node:crypto'
import {
  IMPORT_KINDS,
  KIND_DEFS,
  type ImportKind,
  type ImportPreview,
  type ImportSummary,
  type KindDef,
  type RowAction
} from '../../../shared/import'
import { failure } from '../../../shared/result'
import type { JobResults } from '../../../shared/jobs'
import type { JobRunner, JobStatus } from '../jobs'
import type { AuditEntry, Store } from '../store'
import type { ImportRegisters, KindAdapter, Planned, Register } from './adapter'
import { addProblem, analyze, countActions, previewOf, previewWith, registerProblems, type AnalyzeOptions, type Analysis, type Progress } from './engine'
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

/** The plan each preview was made with, and the register's change mark at that moment. */
const plans = new WeakMap<Analysis, { plan: Planned[]; mark: string }>()

/**
 * The plan to write an analysis with, inside the commit's transaction: the preview's own while the register
 * is unchanged since it was made, otherwise a new one against the register as it is now.
 */
export function currentPlan(store: Store, analysis: Analysis, register: Register<unknown>): { plan: Planned[]; reused: boolean } {
  const made = plans.get(analysis)
  if (made && made.mark === store.changeMark()) return { plan: made.plan, reused: true }
  return { plan: register.plan(analysis.records), reused: false }
}

/** A file with problems, carried out of the streamed transaction so that it rolls back. */
class Rejected extends Error {
  constructor(readonly preview: ImportPreview) {
    super('import rejected')
  }
}

const silent: Progress = { progress: () => {}, throwIfCancelled: () => {} }

/**
 * Imports: read and check a file (preview), then write it whole in one transaction with one audit entry
 * (commit). The UI runs both as jobs; the CLI and tests call `read` and `commit` directly.
 */
export class ImportService {
  private readonly analyses = new Map<string, Analysis>()

  private readonly store: Store

  constructor(
    private readonly registers: ImportRegisters,
    private readonly jobs: JobRunner
  ) {
    this.store = registers.store
  }

  kinds(): KindDef[] {
    return IMPORT_KINDS.map((k) => KIND_DEFS[k])
  }

  async read(kind: ImportKind, input: FileInput, options: ReadOptions = {}, progress: Progress = silent): Promise<{ analysis: Analysis; preview: ImportPreview }> {
    const { adapter, options: analyzeOptions } = this.prepare(kind, options)
    const analysis = await analyze(this.store, adapter, input, analyzeOptions, progress)
    const id = crypto.randomUUID()
    // The plan and the mark of the register it was made against, in one snapshot: commit reuses it while the mark holds.
    const preview = this.store.snapshot(() => {
      const plan = adapter.register.plan(analysis.records)
      plans.set(analysis, { plan, mark: this.store.changeMark() })
      return previewOf(id, analysis, adapter, plan)
    })
    this.analyses.set(id, analysis)
    while (this.analyses.size > KEEP_ANALYSES) this.analyses.delete(this.analyses.keys().next().value!)
    return { analysis, preview }
  }

  /**
   * Writes a checked file: all rows or none. A register changed since the preview is planned again inside the
   * transaction and met as it is now. Rows that match the register exactly are left alone.
   */
  commit(analysis: Analysis): ImportSummary {
    if (analysis.missingFields.length > 0) {
      throw failure('import_rejected', `缺少必需的列：${analysis.missingFields.join('、')}。请在列对应中指定后再导入。`)
    }
    if (analysis.problemCount > 0) throw failure('import_rejected', `文件中有 ${analysis.problemCount} 处问题，未导入任何数据。请修改后重新导入。`)
    const adapter = adapterFor(analysis.kind, this.registers)
    const register = adapter.register
    return this.store.write((audit) => {
      const { plan } = currentPlan(this.store, analysis, register)
      const conflicts = registerProblems(analysis, plan)
      if (conflicts.length > 0) {
        const first = conflicts[0]
        throw failure('import_rejected', `第${first.row}行：${first.message}。共 ${conflicts.length} 处冲突，未导入任何数据。`)
      }
      register.write(analysis.records, plan)
      return this.audited(audit, analysis, adapter.def, countActions(plan.map((p) => p.action)))
    })
  }

  /**
   * Reads, checks and writes a file in one pass and one transaction, writing each chunk of rows while the next
   * are still being read (the CLI's import); a file with any problem is rolled back whole and only reported.
   * Kinds whose rows depend on one another are read first and written after.
   */
  async readAndCommit(
    kind: ImportKind,
    input: FileInput,
    options: ReadOptions = {},
    progress: Progress = silent
  ): Promise<{ preview: ImportPreview; summary: ImportSummary | null }> {
    const { adapter, options: analyzeOptions } = this.prepare(kind, options)
    const register = adapter.register
    if (!register.chunked) {
      const { analysis, preview } = await this.read(kind, input, options, progress)
      const clean = preview.missingFields.length === 0 && preview.counts.problems === 0
      return { preview, summary: clean ? this.commit(analysis) : null }
    }
    try {
      return await this.store.writeStreamed(async (audit) => {
        const actions: RowAction[] = []
        const sink = (a: Analysis): void => {
          const plan = register.plan(a.records)
          for (const p of plan) actions.push(p.action)
          for (const p of registerProblems(a, plan)) addProblem(a, p)
          // Once anything is wrong the transaction will be rolled back: the rest is only checked.
          if (a.problemCount === 0) register.write(a.records, plan)
        }
        const analysis = await analyze(this.store, adapter, input, { ...analyzeOptions, sink }, progress)
        const preview = previewWith(crypto.randomUUID(), analysis, adapter, actions)
        if (preview.missingFields.length > 0 || analysis.problemCount > 0) throw new Rejected(preview)
        progress.throwIfCancelled()
        return { preview, summary: this.audited(audit, analysis, adapter.def, countActions(actions)) }
      })
    } catch (e) {
      if (e instanceof Rejected) return { preview: e.preview, summary: null }
      throw e
    }
  }

  private prepare(kind: ImportKind, options: ReadOptions): { adapter: KindAdapter; options: AnalyzeOptions } {
    const villageId = options.villageId ?? null
    if (villageId !== null && !this.store.one('SELECT 1 FROM villages WHERE id = ?', villageId)) {
      throw failure('validation', '所选村社不存在，请刷新后重新选择')
    }
    if (KIND_DEFS[kind].perVillage && villageId === null) throw failure('validation', `导入${KIND_DEFS[kind].label}须先选择所属村社`)
    const adapter = adapterFor(kind, this.registers)
    const refused = adapter.refuse?.(villageId)
    if (refused) throw failure('validation', refused)
    return {
      adapter,
      options: { today: this.registers.clock.today(), villageId, mapping: options.mapping ?? {}, remembered: rememberedChoices(this.store, kind), sheet: options.sheet }
    }
  }

  /** The one audit entry of an import, and its summary. */
  private audited(audit: (entry: AuditEntry) => void, analysis: Analysis, def: KindDef, counts: Record<RowAction, number>): ImportSummary {
    const summary: ImportSummary = { kind: analysis.kind, fileName: analysis.fileName, sha256: analysis.sha256, ...counts }
    audit({
      action: 'import',
      entity: analysis.kind,
      entityId: null,
      summary: `导入${def.label}“${analysis.fileName}”：新增 ${counts.added}，更新 ${counts.updated}，未变 ${counts.unchanged}`,
      after: { ...summary, sheet: analysis.sheet, rows: analysis.rowCount, villageId: analysis.villageId }
    })
    return summary
  }

  startPreview(kind: ImportKind, input: FileInput, options: ReadOptions): JobStatus<JobResults['import-preview']> {
    return this.runner().start('import-preview', `正在检查“${input.name ?? ''}”`, async (ctx) => (await this.read(kind, input, options, ctx)).preview)
  }

  startCommit(previewId: string): JobStatus<JobResults['import-commit']> {
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
