import type { ImportKind, ImportProblem, ImportSummary, KindDef, RowAction } from '../../../shared/import'
import { failure } from '../../../shared/result'
import { yieldToEventLoop } from '../jobs'
import type { AuditEntry, Store } from '../store'
import type { ImportRegisters, Planned } from './adapter'
import { BULK_ROWS, SuspendedTallies } from './bulk-tallies'
import { countActions, registerProblems, type Analysis, type Progress } from './engine'
import { adapterFor } from './kinds'

/** What a commit needs of an analysis: its records and where they came from, not its preview. */
export type Writable = Pick<Analysis, 'kind' | 'records' | 'recordRows' | 'columns' | 'fileName' | 'sha256' | 'sheet' | 'rowCount' | 'villageId'>

export const writableOf = (a: Analysis): Writable => ({
  kind: a.kind,
  records: a.records,
  recordRows: a.recordRows,
  columns: a.columns,
  fileName: a.fileName,
  sha256: a.sha256,
  sheet: a.sheet,
  rowCount: a.rowCount,
  villageId: a.villageId
})

/** The longest a batch of planning or writing keeps the thread before other calls get their turn. */
const TURN_MS = 40
const SLICE = 250

/**
 * Record ranges [start, end) of a long loop: the caller works through each; before each the loop checks for a
 * cancel, and after every TURN_MS of work it lets the event loop run (API calls, progress polls, a cancel).
 */
export async function* slices(total: number, progress: Progress, turnMs = TURN_MS): AsyncIterable<[number, number]> {
  let turn = performance.now()
  for (let start = 0; start < total; start += SLICE) {
    progress.throwIfCancelled()
    if (performance.now() - turn >= turnMs) {
      await yieldToEventLoop()
      turn = performance.now()
    }
    yield [start, Math.min(start + SLICE, total)]
  }
}

export function refuseConflicts(conflicts: ImportProblem[]): void {
  if (conflicts.length === 0) return
  const first = conflicts[0]
  throw failure('import_rejected', `第${first.row}行：${first.message}。共 ${conflicts.length} 处冲突，未导入任何数据。`)
}

/**
 * The rows of a checked file written inside the transaction `tx` holds, a batch at a time with progress after
 * each, planned against the register as it is under the write lock; a conflict refuses the whole file. A large
 * voter roster sets the kept counts' triggers aside and counts the villages again (bulk-tallies.ts). Returns
 * the summary, with the import's one audit entry recorded.
 */
export async function writeAnalysis(
  tx: Store,
  registers: ImportRegisters,
  analysis: Writable,
  audit: (entry: AuditEntry) => void,
  progress: Progress,
  /** The plan made for the preview, when it is known to be current still. */
  made: Planned[] | null = null,
  /** Work between two turns of the event loop: on the commit thread every batch, so that a cancel is heard at once. */
  turnMs = TURN_MS
): Promise<ImportSummary> {
  const total = analysis.records.length
  const adapter = adapterFor(analysis.kind, registers)
  const register = adapter.register
  let plan = made
  if (!plan && !register.chunked) plan = register.plan(analysis.records)
  const tallies = analysis.kind === 'voters' && total >= BULK_ROWS ? SuspendedTallies.begin(tx) : null
  const actions: RowAction[] = []
  for await (const [start, end] of slices(total, progress, turnMs)) {
    const records = analysis.records.slice(start, end)
    const part = plan ? plan.slice(start, end) : register.plan(records)
    refuseConflicts(registerProblems({ columns: analysis.columns, recordRows: analysis.recordRows.slice(start, end) }, part))
    register.write(records, part)
    for (const p of part) actions.push(p.action)
    progress.progress(end, total, `已写入 ${end} / ${total} 行`)
  }
  await tallies?.end(() => progress.throwIfCancelled())
  progress.throwIfCancelled()
  return audited(audit, analysis, adapter.def, countActions(actions))
}

/** The one audit entry of an import, and its summary. */
export function audited(
  audit: (entry: AuditEntry) => void,
  analysis: Pick<Writable, 'kind' | 'fileName' | 'sha256' | 'sheet' | 'rowCount' | 'villageId'>,
  def: KindDef,
  counts: Record<RowAction, number>
): ImportSummary {
  const summary: ImportSummary = { kind: analysis.kind as ImportKind, fileName: analysis.fileName, sha256: analysis.sha256, ...counts }
  audit({
    action: 'import',
    entity: analysis.kind,
    entityId: null,
    summary: `导入${def.label}“${analysis.fileName}”：新增 ${counts.added}，更新 ${counts.updated}，未变 ${counts.unchanged}`,
    after: { ...summary, sheet: analysis.sheet, rows: analysis.rowCount, villageId: analysis.villageId }
  })
  return summary
}
