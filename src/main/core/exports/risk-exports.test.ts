import ExcelJS from 'exceljs'
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { ExportFormat, ExportTable } from '../../../shared/exports'
import { villageInput } from '../../../shared/village'
import { JobRunner } from '../jobs'
import { Store } from '../store'
import { ExportService } from './service'
import { keepArtifact, pdfInfo, pdfText, tempDir } from './testing/files'
import { fixedClock } from '../clock'
import { testServices } from '../test-support'

/** The export date: overdue marks are counted on it. */
const TODAY = '2026-03-10'
const RED = 'FFC00000'

let dir: string
let store: Store
let exporter: ExportService
let longhill: number
let westslope: number

beforeEach(() => {
  // Only Date is faked, so pdfmake's and exceljs's own timers run as usual.
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(new Date(`${TODAY}T09:00:00`))
  dir = tempDir()
  store = Store.fileStore(path.join(dir, 'office.db'), { actor: '张文书' })
  const villages = testServices(store, fixedClock(TODAY)).villages
  const board = testServices(store, fixedClock(TODAY)).riskBoard
  const base = { kind: '村', township: '青山镇', leader: '王镇长', residentCadre: '李干事', committeeElectionDate: '2026-04-20' }
  longhill = villages.create(villageInput.parse({ ...base, name: '龙山村', partyElectionDate: '2026-03-12' })).id
  westslope = villages.create(villageInput.parse({ ...base, name: '西坡社区', kind: '社区', partyElectionDate: '2026-03-25' })).id
  board.grades.setGrade({ villageId: longhill, grade: '重难点村', reason: '两大姓氏争夺主任职位，历史积怨较深' })
  const item = (villageId: number, over: Record<string, unknown>) =>
    board.risks.create({
      villageId,
      type: '宗族派性',
      description: '两大姓氏争夺村委会主任',
      source: '走访',
      measures: '包村领导逐户谈心',
      responsibleLeader: '王镇长',
      responsibleCadre: '李干事',
      deadline: '2026-04-30',
      foundOn: '2026-03-01',
      ...over
    })
  const late = item(longhill, { deadline: '2026-03-05' })
  board.risks.addKeyPerson({
    riskItemId: late.id,
    personId: null,
    newPerson: { idNumber: null, name: '赵大', sex: '男', birthDate: null, ethnicity: '', villageId: null, phone: '' },
    role: '赵姓族长'
  })
  item(longhill, { type: '信访矛盾', description: '村民反映征地补偿款分配不公' })
  item(westslope, { type: '三资问题', description: '集体资产出租合同未公开' })
  board.plans.tick({ villageId: westslope, stepKey: 'p-prep', doneOn: '2026-03-03', note: '' })
  exporter = testServices(store, fixedClock(TODAY)).exports
})

afterEach(() => {
  vi.useRealTimers()
  store.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

async function exported(table: ExportTable, format: ExportFormat, villageId: number | null = null): Promise<{ name: string; file: string }> {
  const f = await exporter.file({ table, format, villageId })
  const file = path.join(dir, f.fileName)
  fs.writeFileSync(file, Buffer.from(f.base64, 'base64'))
  return { name: f.fileName, file }
}

async function sheet(file: string): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.readFile(file)
  return wb.worksheets[0]
}

/** Header text (the lower header row) → column number. */
function columnsOf(ws: ExcelJS.Worksheet, headerRow: number): Record<string, number> {
  const out: Record<string, number> = {}
  ws.getRow(headerRow).eachCell((c, col) => {
    out[String(c.value)] = col
  })
  return out
}

const isRed = (c: ExcelJS.Cell): boolean => c.font?.color?.argb === RED
const squeeze = (s: string): string => s.replace(/\s+/g, '')

function expectLandscapeA4(file: string): void {
  const info = pdfInfo(file)
  expect(Math.round(info.width)).toBe(842)
  expect(Math.round(info.height)).toBe(595)
}

describe('风险台账 export', () => {
  it('writes every item as Excel, the one past its deadline marked red as 逾期 on the export date', async () => {
    const { name, file } = await exported('risks', 'xlsx')
    expect(name).toBe('青山镇_风险台账_20260310.xlsx')
    const ws = await sheet(file)
    expect(ws.getCell('A1').value).toBe('青山镇2026年村(社区)“两委”换届风险隐患排查台账')
    expect(ws.getCell('A2').value).toBe('填报单位（盖章）：青山镇')
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, printTitlesRow: '3:4' })
    const col = columnsOf(ws, 4)
    expect(Object.keys(col)).toEqual(expect.arrayContaining(['村(社区)', '风险类型', '重点人员', '化解时限', '逾期', '化解依据']))
    const rows = [5, 6, 7].map((r) => ws.getRow(r))
    const lateRow = rows.find((r) => r.getCell(col['重点人员']).value === '赵大')!
    expect(lateRow.getCell(col['村(社区)']).value).toBe('龙山村')
    expect(lateRow.getCell(col['分级']).value).toBe('重难点村')
    expect(lateRow.getCell(col['化解时限']).value).toBe('2026.03.05')
    expect(lateRow.getCell(col['逾期']).value).toBe('逾期')
    expect(isRed(lateRow.getCell(col['化解时限']))).toBe(true)
    const onTime = rows.filter((r) => r !== lateRow)
    expect(onTime.map((r) => [r.getCell(col['逾期']).value, isRed(r.getCell(col['化解时限']))])).toEqual([
      [null, false],
      [null, false]
    ])
  })

  it('prints as a landscape A4 PDF in Chinese, for one village only when asked', async () => {
    const { name, file } = await exported('risks', 'pdf', longhill)
    expect(name).toBe('青山镇_龙山村_风险台账_20260310.pdf')
    expectLandscapeA4(file)
    fs.copyFileSync(file, keepArtifact('风险台账.pdf'))
    const text = squeeze(pdfText(file))
    for (const s of ['风险隐患排查台账', '填报单位（盖章）：青山镇', '龙山村', '宗族派性', '信访矛盾', '赵大', '包村领导', '2026.03.05', '逾期']) {
      expect(text).toContain(s)
    }
    expect(text).not.toContain('三资问题')
  })
})

describe('重难点村清单 export', () => {
  it('lists the 重难点村 with its reason and open, overdue items, overdue in red', async () => {
    const ws = await sheet((await exported('focus-villages', 'xlsx')).file)
    expect(ws.getCell('A1').value).toBe('青山镇2026年村(社区)“两委”换届重难点村清单')
    expect(ws.getCell('H3').value).toBe('风险事项')
    const col = columnsOf(ws, 4)
    const row = ws.getRow(5)
    expect(row.getCell(col['村(社区)']).value).toBe('龙山村')
    expect(row.getCell(col['定级理由']).value).toBe('两大姓氏争夺主任职位，历史积怨较深')
    expect(row.getCell(col['定级时间']).value).toBe('2026.03.10')
    expect(row.getCell(col['风险类型']).value).toBe('宗族派性、信访矛盾')
    expect(row.getCell(col['未化解']).value).toBe(2)
    expect(row.getCell(col['逾期']).value).toBe(1)
    expect(isRed(row.getCell(col['逾期']))).toBe(true)
    expect(isRed(row.getCell(col['未化解']))).toBe(false)
    expect(ws.getCell('A6').value).toContain('超过 30 天')
    expect(ws.model.merges).toContain('A6:N6')
  })

  it('prints as a landscape A4 PDF', async () => {
    const { file } = await exported('focus-villages', 'pdf')
    expectLandscapeA4(file)
    const text = squeeze(pdfText(file))
    for (const s of ['重难点村清单', '龙山村', '两大姓氏争夺主任职位', '超期未谈话']) expect(text).toContain(s)
    expect(text).not.toContain('西坡社区')
  })
})

describe('选务作战图 export', () => {
  it('lays villages × steps out in Excel: planned dates, 已完成 with its date, late cells red and in words', async () => {
    const ws = await sheet((await exported('timeline', 'xlsx')).file)
    expect(ws.getCell('A1').value).toBe('青山镇2026年村(社区)“两委”换届选务作战图')
    expect(ws.getCell('C3').value).toBe('党组织')
    const col = columnsOf(ws, 4)
    expect(Object.keys(col)).toEqual(expect.arrayContaining(['党员大会选举', '前期准备', '选民登记', '选举日']))
    const byVillage = Object.fromEntries([5, 6].map((r) => [String(ws.getRow(r).getCell(2).value), ws.getRow(r)]))
    const prep = col['党组织换届准备']
    // 龙山村's party vote is on 03.12, so its preparation was planned to end on 02.28.
    expect(byVillage['龙山村'].getCell(prep).value).toBe('02.28\n逾期')
    expect(isRed(byVillage['龙山村'].getCell(prep))).toBe(true)
    expect(byVillage['西坡社区'].getCell(prep).value).toBe('03.03\n已完成')
    expect(isRed(byVillage['西坡社区'].getCell(prep))).toBe(false)
    expect(byVillage['龙山村'].getCell(col['党员大会选举']).value).toBe('03.12')
    expect(byVillage['龙山村'].getCell(col['选举日']).value).toBe('04.20')
    expect(String(ws.getCell('A7').value)).toContain('未注年份的为2026年')
  })

  it('prints as a landscape A4 PDF with the steps, dates and marks in Chinese', async () => {
    const { file } = await exported('timeline', 'pdf')
    expectLandscapeA4(file)
    fs.copyFileSync(file, keepArtifact('选务作战图.pdf'))
    const text = squeeze(pdfText(file))
    for (const s of ['选务作战图', '党组织', '村委会', '龙山村', '西坡社区', '02.28', '03.03', '已完成', '逾期', '进行中', '04.20']) expect(text).toContain(s)
    expect(pdfInfo(file).pages).toBe(1)
  })

  it('runs as a job through the same writer', async () => {
    const jobs = new JobRunner()
    const started = testServices(store, fixedClock(TODAY), jobs).exports.start({ table: 'timeline', format: 'xlsx', villageId: westslope })
    const end = (await jobs.wait(started.id)) as { state: string; result?: { fileName: string } }
    expect(end).toMatchObject({ state: 'done', result: { fileName: '青山镇_西坡社区_选务作战图_20260310.xlsx' } })
  })
})
