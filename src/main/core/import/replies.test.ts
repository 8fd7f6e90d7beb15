import ExcelJS from 'exceljs'
import { nthId } from '../../../../tests/fixtures/rosters'
import fs from 'node:fs'
import path from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import { personRecordInput } from '../../../shared/cadre'
import { candidateInput } from '../../../shared/candidate'
import { seatsOf } from '../../../shared/seats'
import { villageInput } from '../../../shared/village'
import { batchStageInput } from '../../../shared/vetting-batch'
import { fixedClock } from '../clock'
import { hasCommand, libreOfficeCsv } from '../exports/testing/files'
import type { Services } from '../services'
import { Store } from '../store'
import { arrayBufferOf, testServices, useTempDir } from '../test-support'

/** A department's 回执 written as xlsx, filled as a department would, and read back through the import. */
const tempDir = useTempDir()
let store: Store
let s: Services
const TODAY = '2026-03-20'

// Born in 1975 and later: old enough to stand, each a different day and sex.
const idOf = (i: number) => nthId(9000 + i * 401)

/** Five candidates in 西村 and 东村 (ids differ, names differ); all but the last are sent to review on 03-05. */
function seed(): { ids: number[]; idNumbers: string[] } {
  const west = s.villages.create(villageInput.parse({ name: '西村', kind: '村', township: '青山镇', partySeats: 5, committeeSeats: 5 }))
  const east = s.villages.create(villageInput.parse({ name: '东村', kind: '村', township: '青山镇', partySeats: 5, committeeSeats: 5 }))
  const ids: number[] = []
  const idNumbers: string[] = []
  for (let i = 0; i < 5; i++) {
    const idNumber = idOf(i)
    const person = s.personRecords.create(personRecordInput.parse({ person: { name: `候选${'甲乙丙丁戊'[i]}`, idNumber }, profile: { politicalStatus: '中共党员' } }))
    const c = s.candidates.propose(candidateInput.parse({
      personId: person.person.id,
      villageId: i % 2 ? east.id : west.id,
      ...seatsOf('党组织委员'),
      incumbent: false,
      source: '党员推荐',
      proposedOn: '2026-03-01'
    }))
    ids.push(c.id)
    idNumbers.push(idNumber)
  }
  s.vettingBatch.recordStages(batchStageInput.parse({ candidateIds: ids, stage: '资格初审', result: '通过', decidedOn: '2026-03-02', decider: '乡镇党委' }))
  s.vettingBatch.sendToReview(ids.slice(0, 4), '2026-03-05')
  return { ids, idNumbers }
}

async function exported(department: string): Promise<{ buffer: Buffer; fileName: string }> {
  const file = await s.exports.file({ table: 'reply', format: 'xlsx', villageId: null, department })
  return { buffer: Buffer.from(file.base64, 'base64'), fileName: file.fileName }
}

async function sheetOf(buffer: Buffer): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(arrayBufferOf(buffer))
  return wb.worksheets[0]
}

/** The data rows of the 回执: header on row 3, data from row 4 to the note. */
function dataRows(ws: ExcelJS.Worksheet): ExcelJS.Row[] {
  const rows: ExcelJS.Row[] = []
  for (let r = 4; r <= ws.rowCount; r++) if (typeof ws.getCell(r, 1).value === 'number') rows.push(ws.getRow(r))
  return rows
}

async function filled(buffer: Buffer, fill: (ws: ExcelJS.Worksheet, rows: ExcelJS.Row[]) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(arrayBufferOf(buffer))
  const ws = wb.worksheets[0]
  fill(ws, dataRows(ws))
  return Buffer.from(await wb.xlsx.writeBuffer())
}

const verdicts = (department: string) =>
  store.all<{ candidateId: number; verdict: string; reason: string; decidedOn: string | null }>(
    'SELECT candidate_id AS candidateId, verdict, reason, decided_on AS decidedOn FROM review_verdicts WHERE department = ? ORDER BY candidate_id',
    department
  )

beforeEach(() => {
  store = Store.fileStore(path.join(tempDir(), 'register.db'), { actor: '测试员' })
  s = testServices(store, fixedClock(TODAY))
  return () => store.close()
})

describe('联审回执 xlsx', () => {
  it('lists every candidate sent to the department, 通过 prefilled with a drop-down, and LibreOffice reads it', async () => {
    const { idNumbers } = seed()
    const { buffer, fileName } = await exported('公安')
    expect(fileName).toBe('青山镇_公安_联审回执_20260320.xlsx')
    const ws = await sheetOf(buffer)
    expect(String(ws.getCell('A1').value)).toContain('资格联审回执（公安）')
    expect(String(ws.getCell('A2').value)).toContain('联审部门（盖章）：公安')
    const header = (ws.getRow(3).values as unknown[]).slice(1)
    expect(header).toEqual(['序号', '所在村', '姓名', '性别', '出生年月', '公民身份号码', '拟任职务', '联审部门', '审查结果', '原因'])
    const rows = dataRows(ws)
    // The fifth candidate was never sent: not on the sheet.
    expect(rows.map((r) => r.getCell(6).value).sort()).toEqual(idNumbers.slice(0, 4).sort())
    expect(rows.map((r) => r.getCell(9).value)).toEqual(['通过', '通过', '通过', '通过'])
    expect(rows.map((r) => r.getCell(8).value)).toEqual(['公安', '公安', '公安', '公安'])
    expect(rows[0].getCell(9).dataValidation).toMatchObject({ type: 'list', formulae: ['"通过,不通过"'], showErrorMessage: true })
    await expect(exported('不存在的部门')).rejects.toThrow('还没有人选送“不存在的部门”联审')
    if (hasCommand('soffice')) {
      const file = path.join(tempDir(), '回执.xlsx')
      fs.writeFileSync(file, buffer)
      const lines = libreOfficeCsv(file)!.trim().split(/\r?\n/)
      expect(lines[2]).toContain('公民身份号码')
      expect(lines.filter((l) => l.includes(',通过,')).length).toBe(4)
    }
  }, 120_000)

  it('imports the filled 回执 whole: the exception with its reason, the rest 通过, all under the one date', async () => {
    const { ids, idNumbers } = seed()
    const { buffer } = await exported('公安')
    const bytes = await filled(buffer, (_ws, rows) => {
      const row = rows.find((r) => r.getCell(6).value === idNumbers[1])!
      row.getCell(9).value = '不通过'
      row.getCell(10).value = '有违法记录，正在查处'
    })
    const { analysis, preview } = await s.imports.read('replies', { bytes, name: '公安回执.xlsx' }, { fileValues: { department: '公安', decidedOn: '2026-03-10' } })
    expect(preview.problems).toEqual([])
    expect(preview.counts).toMatchObject({ rows: 4, updated: 4, problems: 0 })
    expect(preview.notes).toContain('反馈日期按导入时填写的 2026-03-10 登记（整份文件相同）')
    await s.imports.commitInBatches(analysis)
    expect(verdicts('公安')).toEqual([
      { candidateId: ids[0], verdict: '通过', reason: '', decidedOn: '2026-03-10' },
      { candidateId: ids[1], verdict: '不通过', reason: '有违法记录，正在查处', decidedOn: '2026-03-10' },
      { candidateId: ids[2], verdict: '通过', reason: '', decidedOn: '2026-03-10' },
      { candidateId: ids[3], verdict: '通过', reason: '', decidedOn: '2026-03-10' }
    ])
    // Another department is untouched.
    expect(verdicts('法院').every((v) => v.verdict === '待反馈')).toBe(true)
    // The same file again changes nothing; the exported sheet now carries the saved answers.
    const again = await s.imports.read('replies', { bytes, name: '公安回执.xlsx' }, { fileValues: { department: '公安', decidedOn: '2026-03-10' } })
    expect(again.preview.counts).toMatchObject({ unchanged: 4, updated: 0 })
    const reexported = dataRows(await sheetOf((await exported('公安')).buffer))
    const theRow = reexported.find((r) => r.getCell(6).value === idNumbers[1])!
    expect([theRow.getCell(9).value, theRow.getCell(10).value]).toEqual(['不通过', '有违法记录，正在查处'])
  })

  it('refuses the whole file with each wrong row named, and changes nothing', async () => {
    const { idNumbers } = seed()
    const { buffer } = await exported('公安')
    const stranger = idOf(7)
    const bytes = await filled(buffer, (ws, rows) => {
      rows[0].getCell(9).value = '不通过'
      rows[1].getCell(9).value = '待定'
      rows[2].getCell(6).value = stranger
      rows[3].getCell(8).value = '法院'
      // The candidate never sent, added by hand under the table's rows.
      const extra = ws.insertRow(rows[3].number + 1, [5, '西村', '候选戊', '', '', idNumbers[4], '', '公安', '通过', ''])
      extra.getCell(6).numFmt = '@'
    })
    const before = verdicts('公安')
    const audits = store.value<number>('SELECT count(*) FROM audit_log')
    const { preview } = await s.imports.read('replies', { bytes, name: '公安回执.xlsx' }, { fileValues: { department: '公安', decidedOn: '2026-03-10' } })
    const byRow = preview.problems.map((p) => `${p.row}${p.column}:${p.message}`)
    expect(byRow).toEqual([
      '4J:审查结果为“不通过”，须在“原因”栏写明理由',
      '5I:审查结果应为“通过”、“不通过”之一，现为“待定”',
      `6F:公民身份号码 ${stranger}（候选丙）不是人选库中的人选`,
      '7H:此行联审部门为“法院”，与导入时选择的“公安”不符，请确认是该部门的回执',
      '8F:“西村 候选戊”未送“公安”联审，不能记录该部门的意见'
    ])
    await expect(s.imports.commitInBatches((await s.imports.read('replies', { bytes, name: 'x.xlsx' }, { fileValues: { department: '公安', decidedOn: '2026-03-10' } })).analysis)).rejects.toThrow('5 处问题')
    expect(verdicts('公安')).toEqual(before)
    expect(store.value<number>('SELECT count(*) FROM audit_log')).toBe(audits)
  })

  it('refuses a reply dated before a row was sent (that row named) or after today (the whole file)', async () => {
    seed()
    const { buffer } = await exported('公安')
    const early = await s.imports.read('replies', { bytes: buffer, name: '公安回执.xlsx' }, { fileValues: { department: '公安', decidedOn: '2026-03-04' } })
    expect(early.preview.problems.length).toBe(4)
    expect(early.preview.problems[0]).toMatchObject({ row: 4, column: 'I' })
    expect(early.preview.problems[0].message).toMatch(/^“(西|东)村 候选.”：反馈日期早于送审日期 2026-03-05$/)
    await expect(s.imports.read('replies', { bytes: buffer, name: '公安回执.xlsx' }, { fileValues: { department: '公安', decidedOn: '2026-03-21' } })).rejects.toThrow(
      '反馈日期 2026-03-21 晚于今天（2026-03-20）'
    )
    await expect(s.imports.read('replies', { bytes: buffer, name: '公安回执.xlsx' }, { fileValues: { department: '公安' } })).rejects.toThrow('须填写部门的反馈日期')
    expect(verdicts('公安').every((v) => v.verdict === '待反馈')).toBe(true)
  })
})
