import {
  MAX_LISTED_PROBLEMS,
  PREVIEW_ROWS,
  type ImportColumn,
  type ImportPreview,
  type ImportProblem,
  type ReadFile,
  type RowAction
} from '../../../shared/import'
import { failure } from '../../../shared/result'
import { yieldToEventLoop } from '../jobs'
import type { Store } from '../store'
import type { BuildContext, FieldProblem, KindAdapter, Planned, Values } from './adapter'
import { warmSearchKeys } from '../search-key'
import { HEADER_SEARCH_ROWS } from './header'
import { NAMED_IGNORED_ROWS, previewNotes, type IgnoredRows } from './notes'
import { mappedColumns, rowPreparer, type PreparedBatch, type RowPreparer } from './prepare'
import { openSource, type FileInput } from './source'

export interface AnalyzeOptions {
  /** The day ID numbers and dates are checked against. */
  today: string
  villageId: number | null
  /** Column letter → field (or null), chosen by the user for this file. */
  mapping: Record<string, string | null>
  /** Header text (normalised) → field, remembered from earlier imports. */
  remembered: Map<string, string | null>
  /** Read this sheet only (the one an earlier preview chose); otherwise the first that holds the data. */
  sheet?: string | null
  /** Values for the whole file where it has no column (届别), by field. */
  fileValues?: Record<string, string>
  /**
   * Takes the records while the file is still being read, a chunk at a time, and keeps them: the analysis
   * then holds only the records not yet taken. Without it every record stays in the analysis.
   */
  sink?: RecordSink
}

/** Gets `a.records` (the records read since the last call, from record number `a.firstRecord` on). */
export type RecordSink = (a: Analysis) => void

const SINK_CHUNK = 500

/** What a long read reports and how it is stopped (a JobContext, or the CLI's own). */
export interface Progress {
  progress(done: number, total?: number | null, message?: string): void
  throwIfCancelled(): void
  /** The change is about to be made final: false when a cancel came first (see JobContext.finalStep). */
  finalStep?(): boolean
}

/** A file read and checked, kept between preview and commit. */
export interface Analysis extends ReadFile {
  villageId: number | null
  fileValues: Record<string, string>
  records: unknown[]
  /** The sheet row of each record. */
  recordRows: number[]
  /** The number, in the file, of `records[0]`: records a sink has taken are gone from the analysis. */
  firstRecord: number
  problems: ImportProblem[]
  problemCount: number
  /** Data rows read (blank, title, header and footer rows not counted). */
  rowCount: number
  sample: { row: number; record: number | null; values: Record<string, string> }[]
  /** Rows with content left out (hidden by the sheet, 合计 rows): how many, and the first few. */
  ignoredRows: IgnoredRows
  /** Columns the sheet hides, not read. */
  hiddenColumns: { letter: string; header: string }[]
}

const PROGRESS_EVERY = 1000

/**
 * Reads a roster once, streaming: finds the sheet and its header row, maps the columns, coerces and checks
 * every row, and builds the kind's records. Nothing is written; every problem keeps its sheet row number.
 */
export async function analyze(store: Store, adapter: KindAdapter, input: FileInput, options: AnalyzeOptions, progress: Progress): Promise<Analysis> {
  const def = adapter.def
  const source = await openSource(input)
  const today = options.today
  const fileValues = options.fileValues ?? {}
  const ctx: BuildContext = { today, villageId: options.villageId, villageByName: villageLookup(store), fileValues }
  const sheets: string[] = []
  let fallback: Analysis | null = null
  let result: Analysis | null = null
  const prepared = source.prepared({
    def,
    mapping: options.mapping,
    remembered: [...options.remembered],
    sheet: options.sheet ?? null,
    today,
    fixed: Object.keys(fileValues)
  })

  // Runs once the reader has started and this thread only waits for its first rows.
  setTimeout(warmSearchKeys, 0)
  for await (const sheet of prepared) {
    sheets.push(sheet.name)
    if (!sheet.head) continue
    const base: Analysis = {
      kind: def.kind,
      fileName: source.fileName,
      sha256: source.sha256,
      format: source.format,
      encoding: source.encoding,
      sheet: sheet.name,
      sheets,
      headerRow: sheet.head.headerRow,
      columns: sheet.head.columns,
      missingFields: sheet.head.missing,
      hiddenColumns: sheet.head.hiddenColumns,
      villageId: options.villageId,
      fileValues,
      records: [],
      recordRows: [],
      firstRecord: 0,
      problems: [],
      problemCount: 0,
      rowCount: 0,
      sample: [],
      ignoredRows: { hidden: { count: 0, first: [] }, total: { count: 0, first: [] } }
    }
    if (!sheet.rows) {
      if (!fallback || sheet.head.score > fallback.columns.filter((c) => c.field).length) fallback = base
      continue
    }
    result = base
    const reader = new RowReader(adapter, ctx, base, options.sink)
    let reported = 0
    let preparer: RowPreparer | undefined
    for await (const batch of sheet.rows) {
      reader.read('raw' in batch ? (preparer ??= rowPreparer(def, sheet.head, today)).prepare(batch.raw) : batch)
      if (base.rowCount - reported >= PROGRESS_EVERY) {
        reported = base.rowCount
        progress.throwIfCancelled()
        progress.progress(source.bytesRead(), source.size, `已读取 ${base.rowCount} 行`)
        await yieldToEventLoop()
      }
    }
    reader.flush()
    progress.progress(source.size, source.size, `已读取 ${base.rowCount} 行`)
  }
  progress.throwIfCancelled()
  const chosen = result ?? fallback
  if (!chosen) {
    const labels = def.fields.filter((f) => f.required).map((f) => `“${f.label}”`).join('、')
    throw failure(
      'unreadable_file',
      sheets.length === 0
        ? `“${source.fileName}”中没有工作表，没有可导入的内容`
        : `在“${source.fileName}”${options.sheet ? `的工作表“${options.sheet}”` : ''}前${HEADER_SEARCH_ROWS}行中没有找到表头（应有${labels}等列名）。请确认选择了正确的文件和数据类型。`
    )
  }
  return chosen
}

/** Village names of the register, looked up once each. */
function villageLookup(store: Store): (name: string) => number | null {
  const cache = new Map<string, number | null>()
  return (name) => {
    if (!cache.has(name)) cache.set(name, store.value<number>('SELECT id FROM villages WHERE name = ? ORDER BY id LIMIT 1', name) ?? null)
    return cache.get(name)!
  }
}

/** Builds the kind's records from prepared rows, and checks what needs the whole file (duplicates) or the register. */
class RowReader {
  private readonly mapped: ImportColumn[]
  private readonly fields: string[]
  private readonly columnOf = new Map<string, ImportColumn>()
  private readonly required: string[]
  private readonly seen = new Map<string, number>()
  private readonly labels

  constructor(
    private readonly adapter: KindAdapter,
    private readonly ctx: BuildContext,
    private readonly out: Analysis,
    private readonly sink?: RecordSink
  ) {
    this.mapped = mappedColumns(out.columns)
    this.fields = this.mapped.map((c) => c.field!)
    for (const c of this.mapped) this.columnOf.set(c.field!, c)
    this.labels = new Map(adapter.def.fields.map((f) => [f.key, f.label]))
    // A field given for the whole file fills the row's empty cell.
    this.required = adapter.def.fields.filter((f) => f.required && !(f.key in ctx.fileValues)).map((f) => f.key)
  }

  read(batch: PreparedBatch): void {
    for (const [row, why] of batch.ignored) {
      const kept = this.out.ignoredRows[why]
      if (kept.count++ < NAMED_IGNORED_ROWS) kept.first.push(row)
    }
    const width = this.fields.length
    let p = 0
    let s = 0
    for (let i = 0; i < batch.rows.length; i++) {
      const row = batch.rows[i]
      const values: Values = {}
      const problems: ImportProblem[] = []
      for (let j = 0; j < width; j++) {
        const v = batch.values[i * width + j]
        if (v !== undefined) values[this.fields[j]] = v
      }
      for (; p < batch.problems.length && batch.problems[p][0] === i; p++) {
        problems.push(this.problem(row, { field: this.fields[batch.problems[p][1]], message: batch.problems[p][2] }))
      }
      const recordIndex = this.readRow(row, values, problems)
      if (s < batch.shown.length && batch.shown[s][0] === i) {
        const texts = batch.shown[s++][1]
        if (this.out.sample.length < PREVIEW_ROWS) {
          const shown: Record<string, string> = {}
          this.fields.forEach((f, k) => (shown[f] = texts[k]))
          this.out.sample.push({ row, record: recordIndex, values: shown })
        }
      }
    }
  }

  /** Checks and builds one row; the number of its record, when it makes one. */
  private readRow(row: number, values: Values, problems: ImportProblem[]): number | null {
    this.out.rowCount++
    for (const f of this.required) {
      if (values[f] === null) problems.push(this.problem(row, { field: f, message: '必填项为空' }))
    }
    let recordIndex: number | null = null
    if (problems.length === 0) {
      const built = this.adapter.build(values, this.ctx)
      if (built.ok) {
        const id = this.adapter.identity(built.record)
        const first = id ? this.seen.get(id.key) : undefined
        if (id && first !== undefined) {
          problems.push(this.problem(row, { field: id.field, message: `与第${first}行重复（${this.labels.get(id.field) ?? ''}相同）` }))
        } else {
          if (id) this.seen.set(id.key, row)
          recordIndex = this.out.firstRecord + this.out.records.length
          this.out.records.push(built.record)
          this.out.recordRows.push(row)
          if (this.sink && this.out.records.length >= SINK_CHUNK) this.flush()
        }
      } else {
        for (const p of built.problems) problems.push(this.problem(row, p))
      }
    }
    for (const p of problems) addProblem(this.out, p)
    return recordIndex
  }

  flush(): void {
    if (!this.sink || this.out.records.length === 0) return
    this.sink(this.out)
    this.out.firstRecord += this.out.records.length
    this.out.records = []
    this.out.recordRows = []
  }

  problem(row: number, p: FieldProblem): ImportProblem {
    const c = this.columnOf.get(p.field)
    return { row, column: c?.letter ?? '', header: c?.header ?? this.labels.get(p.field) ?? '', message: p.message }
  }
}

export function addProblem(a: Analysis, p: ImportProblem): void {
  a.problemCount++
  if (a.problems.length < MAX_LISTED_PROBLEMS) a.problems.push(p)
}

/** Conflicts with the register become row problems too, under the column of the field concerned. */
export function registerProblems(a: Pick<Analysis, 'columns' | 'recordRows'>, plan: Planned[]): ImportProblem[] {
  const out: ImportProblem[] = []
  plan.forEach((p, i) => {
    if (!p.problem) return
    const c = a.columns.find((col) => col.field === p.problem!.field)
    out.push({ row: a.recordRows[i], column: c?.letter ?? '', header: c?.header ?? '', message: p.problem.message })
  })
  return out
}

export function countActions(actions: readonly RowAction[]): Record<RowAction, number> {
  const counts = { added: 0, updated: 0, unchanged: 0 }
  for (const action of actions) counts[action]++
  return counts
}

/** The preview shown before anything is written: the plan against the register as it is now. */
export function previewOf(id: string, a: Analysis, adapter: KindAdapter, plan: Planned[] = adapter.register.plan(a.records)): ImportPreview {
  for (const p of registerProblems(a, plan)) addProblem(a, p)
  return previewWith(id, a, adapter, plan.map((p) => p.action))
}

/** The preview of an analysis whose register conflicts are already among its problems; `actions` by record number. */
export function previewWith(id: string, a: Analysis, adapter: KindAdapter, actions: RowAction[]): ImportPreview {
  a.problems.sort((x, y) => x.row - y.row)
  const counts = countActions(actions)
  const problemRows = new Set(a.problems.map((p) => p.row))
  return {
    id,
    kind: a.kind,
    kindLabel: adapter.def.label,
    fileName: a.fileName,
    sha256: a.sha256,
    format: a.format,
    encoding: a.encoding,
    sheet: a.sheet,
    sheets: a.sheets,
    headerRow: a.headerRow,
    columns: a.columns,
    missingFields: a.missingFields,
    counts: { rows: a.rowCount, ...counts, problems: a.problemCount },
    problems: a.problems,
    notes: previewNotes(adapter.def, a),
    rows: a.sample.map((s) => ({
      row: s.row,
      action: s.record === null || problemRows.has(s.row) ? 'error' : actions[s.record],
      values: s.values
    }))
  }
}
