import type { ImportColumn, KindDef } from '../../../shared/import'
import type { IgnoredRow } from './prepare'

/** Rows left out by kind: how many, and the first few (NAMED_IGNORED_ROWS) by sheet row. */
export type IgnoredRows = Record<IgnoredRow, { count: number; first: number[] }>

/** Ignored rows named in a note; beyond them the note gives the count. */
export const NAMED_IGNORED_ROWS = 5

/** What the preview notes about a file besides its rows: what it holds that is not imported, and what was asked once. */
export interface NoteFacts {
  sheet: string
  sheets: string[]
  columns: ImportColumn[]
  villageId: number | null
  fileValues: Record<string, string>
  ignoredRows?: IgnoredRows
  hiddenColumns?: { letter: string; header: string }[]
}

/** "第5、9行" or "第5、9、12、13、20行等共 37 行". */
function rowList(kept: { count: number; first: number[] }): string {
  const named = `第${kept.first.join('、')}行`
  return kept.count > kept.first.length ? `${named}等共 ${kept.count} 行` : named
}

/**
 * Notes, not problems: columns the register has no place for (备注, 照片, 序号), sheets of instructions, and
 * the values that stand for a column the file lacks. None of them stops an import.
 */
export function previewNotes(def: KindDef, f: NoteFacts): string[] {
  const notes: string[] = []
  const mapped = new Set(f.columns.map((c) => c.field).filter(Boolean))
  const ignored = f.columns.filter((c) => !c.field)
  if (ignored.length) notes.push(`以下列不导入：${ignored.map((c) => `${c.letter}列“${c.header}”`).join('、')}`)
  const hiddenColumns = f.hiddenColumns ?? []
  if (hiddenColumns.length) notes.push(`${hiddenColumns.map((c) => `${c.letter}列“${c.header}”`).join('、')}为隐藏列，已忽略`)
  const hiddenRows = f.ignoredRows?.hidden
  if (hiddenRows?.count) notes.push(`${rowList(hiddenRows)}为隐藏行，已忽略`)
  const totals = f.ignoredRows?.total
  if (totals?.count) notes.push(`${rowList(totals)}为合计行，已忽略`)
  const others = f.sheets.filter((s) => s !== f.sheet)
  if (others.length) notes.push(`只读取工作表“${f.sheet}”；${others.map((s) => `“${s}”`).join('、')}未读取（如填表说明）`)
  for (const [key, value] of Object.entries(f.fileValues)) {
    const asked = def.askedOnce?.[key]
    if (asked) {
      notes.push(`${asked}按导入时填写的 ${value} 登记（整份文件相同）`)
      continue
    }
    const label = def.fields.find((d) => d.key === key)?.label ?? key
    notes.push(mapped.has(key) ? `“${label}”为空的行按导入时选择的“${value}”登记` : `文件没有“${label}”列，全部按导入时选择的“${value}”登记`)
  }
  if (def.kind === 'candidates' && !mapped.has('source')) notes.push('文件没有“人选来源”列：新提名人选的来源记为“未填写”，在人选库中显示为“待补充”')
  if (!def.perVillage && f.villageId !== null && !mapped.has('village') && def.fields.some((d) => d.key === 'village')) {
    notes.push('文件没有“所在村社”列，全部归入所选村社')
  }
  return notes
}
