import type { ImportColumn, KindDef } from '../../../shared/import'

/** What the preview notes about a file besides its rows: what it holds that is not imported, and what was asked once. */
export interface NoteFacts {
  sheet: string
  sheets: string[]
  columns: ImportColumn[]
  villageId: number | null
  fileValues: Record<string, string>
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
  const others = f.sheets.filter((s) => s !== f.sheet)
  if (others.length) notes.push(`只读取工作表“${f.sheet}”；${others.map((s) => `“${s}”`).join('、')}未读取（如填表说明）`)
  for (const [key, value] of Object.entries(f.fileValues)) {
    const label = def.fields.find((d) => d.key === key)?.label ?? key
    notes.push(mapped.has(key) ? `“${label}”为空的行按导入时选择的“${value}”登记` : `文件没有“${label}”列，全部按导入时选择的“${value}”登记`)
  }
  if (def.kind === 'candidates' && !mapped.has('source')) notes.push('文件没有“人选来源”列：新提名人选的来源记为“未填写”，在人选库中显示为“待补充”')
  if (!def.perVillage && f.villageId !== null && !mapped.has('village') && def.fields.some((d) => d.key === 'village')) {
    notes.push('文件没有“所在村社”列，全部归入所选村社')
  }
  return notes
}
