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
import type { Store } from '../store'
import type { ImportRegisters, KindAdapter, Planned, Register } from './adapter'
import { addProblem, analyze, countActions, previewOf, previewWith, registerProblems, type AnalyzeOptions, type Analysis, type Progress } from './engine'
import { commitOnThread } from './commit-thread'
import { audited, refuseConflicts, slices, writableOf, writeAnalysis } from './write-analysis'
import { BULK_ROWS, SuspendedTallies } from './bulk-tallies'
import { adapterFor } from './kinds'
import { rememberChoice, rememberedChoices } from './mappings'
import { problemWorkbook } from './problem-workbook'
import type { FileInput } from './source'

export interface ReadOptions {
  villageId?: number | null
  mapping?: Record<string, string | null>
  sheet?: string | null
  /** Values for the whole file where it has no column (届别 of a members roster). */
  fileValues?: Record<string, string | undefined>
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

const definedValues = (o: Record<string, string | undefined> | undefined): Record<string, string> =>
  Object.fromEntries(Object.entries(o ?? {}).filter((e): e is [string, string] => typeof e[1] === 'string'))

const silent: Progress = { progress: () => {}, throwIfCancelled: () => {} }

function refuseUnclean(analysis: Analysis): void {
  if (analysis.missingFields.length > 0) {
    throw failure('import_rejected', `缺少必需的列：${analysis.missingFields.join('、')}。请在列对应中指定后再导入。`)
  }
  if (analysis.problemCount > 0) throw failure('import_rejected', `文件中有 ${analysis.problemCount} 处问题，未导入任何数据。请修改后重新导入。`)
}

/**
 * Imports: read and check a file (preview), then write it whole in one transaction with one audit entry
 * (commit). The UI runs both as jobs; the CLI and tests call `read` and `commit` directly.
 */
export class ImportService {
  private readonly analyses = new Map<string, Analysis>()
  /** The file each kept analysis was read from, for its problem list. */
  private readonly inputs = new WeakMap<Analysis, FileInput>()

  private readonly store: Store

  constructor(
    private readonly registers: ImportRegisters,
    private readonly jobs: JobRunner,
    /** The same registers over another connection: the one a streamed write (writeStreamed) runs on. */
    private readonly registersOn: (tx: Store) => ImportRegisters
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
    const register = adapter.register
    // Planned a batch at a time between other calls; kept for the commit only if nothing was written meanwhile.
    const mark = this.store.changeMark()
    let plan: Planned[]
    if (register.chunked) {
      plan = []
      for await (const [start, end] of slices(analysis.records.length, progress)) {
        for (const p of register.plan(analysis.records.slice(start, end))) plan.push(p)
      }
    } else plan = register.plan(analysis.records)
    if (this.store.changeMark() === mark) plans.set(analysis, { plan, mark })
    const preview = previewOf(id, analysis, adapter, plan)
    this.analyses.set(id, analysis)
    this.inputs.set(analysis, input)
    while (this.analyses.size > KEEP_ANALYSES) this.analyses.delete(this.analyses.keys().next().value!)
    return { analysis, preview }
  }

  /**
   * Writes a checked file: all rows or none. A register changed since the preview is planned again inside the
   * transaction and met as it is now. Rows that match the register exactly are left alone.
   */
  commit(analysis: Analysis): ImportSummary {
    refuseUnclean(analysis)
    const adapter = adapterFor(analysis.kind, this.registers)
    const register = adapter.register
    return this.store.write((audit) => {
      const { plan } = currentPlan(this.store, analysis, register)
      refuseConflicts(registerProblems(analysis, plan))
      register.write(analysis.records, plan)
      return audited(audit, analysis, adapter.def, countActions(plan.map((p) => p.action)))
    })
  }

  /**
   * `commit` as the window runs it: the rows written a batch at a time in one transaction on a connection of the
   * import's own, with progress after each and a cancel honoured up to the final COMMIT (rolled back: the register
   * stays as it was). On a file that connection is on the commit thread, so that every other call is answered
   * meanwhile; an in-memory register (tests) has no other connection, and is written here between calls.
   */
  async commitInBatches(analysis: Analysis, progress: Progress = silent): Promise<ImportSummary> {
    refuseUnclean(analysis)
    if (this.store.path !== ':memory:') return commitOnThread(this.store, writableOf(analysis), progress)
    return this.store.writeStreamed(async (tx, audit) => {
      // The write lock is held from here on: a plan still current now stays current.
      const made = plans.get(analysis)
      const plan = made && made.mark === this.store.changeMark() ? made.plan : null
      return writeAnalysis(tx, this.writingOn(tx), analysis, audit, progress, plan)
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
    if (!adapter.register.chunked) {
      const { analysis, preview } = await this.read(kind, input, options, progress)
      const clean = preview.missingFields.length === 0 && preview.counts.problems === 0
      return { preview, summary: clean ? await this.commitInBatches(analysis, progress) : null }
    }
    try {
      return await this.store.writeStreamed(async (tx, audit) => {
        const writing = adapterFor(kind, this.writingOn(tx)).register
        const actions: RowAction[] = []
        // How many rows the file holds is known only at its end: the counts' triggers are set aside once it is large.
        let tallies: SuspendedTallies | null = null
        const sink = (a: Analysis): void => {
          if (!tallies && kind === 'voters' && a.firstRecord + a.records.length >= BULK_ROWS) tallies = SuspendedTallies.begin(tx)
          const plan = writing.plan(a.records)
          for (const p of plan) actions.push(p.action)
          for (const p of registerProblems(a, plan)) addProblem(a, p)
          // Once anything is wrong the transaction will be rolled back: the rest is only checked.
          if (a.problemCount === 0) writing.write(a.records, plan)
        }
        const analysis = await analyze(this.store, adapter, input, { ...analyzeOptions, sink }, progress)
        const preview = previewWith(crypto.randomUUID(), analysis, adapter, actions)
        if (preview.missingFields.length > 0 || analysis.problemCount > 0) throw new Rejected(preview)
        await (tallies as SuspendedTallies | null)?.end(() => progress.throwIfCancelled())
        progress.throwIfCancelled()
        return { preview, summary: audited(audit, analysis, adapter.def, countActions(actions)) }
      })
    } catch (e) {
      if (e instanceof Rejected) return { preview: e.preview, summary: null }
      throw e
    }
  }

  private writingOn(tx: Store): ImportRegisters {
    return tx === this.store ? this.registers : this.registersOn(tx)
  }

  private prepare(kind: ImportKind, options: ReadOptions): { adapter: KindAdapter; options: AnalyzeOptions } {
    const villageId = options.villageId ?? null
    if (villageId !== null && !this.store.one('SELECT 1 FROM villages WHERE id = ?', villageId)) {
      throw failure('validation', '所选村社不存在，请刷新后重新选择')
    }
    if (KIND_DEFS[kind].perVillage && villageId === null) throw failure('validation', `导入${KIND_DEFS[kind].label}须先选择所属村社`)
    const adapter = adapterFor(kind, this.registers)
    const fileValues = definedValues(options.fileValues)
    const refused = adapter.refuse?.(villageId, fileValues)
    if (refused) throw failure('validation', refused)
    return {
      adapter,
      options: {
        today: this.registers.clock.today(),
        villageId,
        mapping: options.mapping ?? {},
        remembered: rememberedChoices(this.store, kind),
        sheet: options.sheet,
        fileValues
      }
    }
  }

  startPreview(kind: ImportKind, input: FileInput, options: ReadOptions): JobStatus<JobResults['import-preview']> {
    return this.runner().start('import-preview', `正在检查“${input.name ?? ''}”`, async (ctx) => (await this.read(kind, input, options, ctx)).preview)
  }

  startCommit(previewId: string): JobStatus<JobResults['import-commit']> {
    const analysis = this.analyses.get(previewId)
    if (!analysis) throw failure('not_found', '预览已过期，请重新选择文件')
    return this.runner().start('import-commit', `正在导入“${analysis.fileName}”`, async (ctx) => {
      ctx.progress(0, analysis.records.length, `正在写入 ${analysis.records.length} 行…`)
      const summary = await this.commitInBatches(analysis, ctx)
      this.analyses.delete(previewId)
      ctx.progress(analysis.records.length, analysis.records.length, '已完成')
      return summary
    })
  }

  /** 导出问题清单 of a previewed file: its wrong rows in its own columns, with a 问题 column. */
  async problemList(previewId: string): Promise<{ fileName: string; bytes: Buffer }> {
    const analysis = this.analyses.get(previewId)
    const input = analysis && this.inputs.get(analysis)
    if (!analysis || !input) throw failure('not_found', '预览已过期，请重新选择文件')
    if (analysis.problemCount === 0) throw failure('validation', '该文件没有问题，无需导出问题清单')
    return { fileName: problemListName(analysis.fileName), bytes: await problemWorkbook(input, analysis) }
  }

  remember(kind: ImportKind, header: string, field: string | null): void {
    rememberChoice(this.store, this.registers.clock, kind, header, field)
  }

  private runner(): JobRunner {
    if (!this.jobs) throw new Error('ImportService needs a JobRunner for jobs')
    return this.jobs
  }
}

/** "龙山村人选.xlsx" → "龙山村人选-问题清单.xlsx". */
export const problemListName = (fileName: string): string => `${fileName.replace(/\.[^.]+$/, '')}-问题清单.xlsx`
