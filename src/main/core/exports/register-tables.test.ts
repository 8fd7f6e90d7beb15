import ExcelJS from 'exceljs'
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { makeIdNumber } from '../../../../tests/fixtures/ids'
import { registerVoters, townshipVoters } from '../../../../tests/fixtures/voters'
import { buildApi } from '../../api'
import { electionInput, memberInput, type ElectionInput } from '../../../shared/election'
import type { ExportedFile, ExportInput } from '../../../shared/exports'
import { villageInput } from '../../../shared/village'
import { voterInput } from '../../../shared/voter'
import { JobRunner, type JobStatus } from '../jobs'
import { Store } from '../store'
import { pdfInfo, pdfText, tempDir } from './testing/files'
import { testServices } from '../test-support'

const ZHANG = makeIdNumber('1980-06-01', '男', 1)
const LI = makeIdNumber('1995-01-01', '女', 2)
const WANG = makeIdNumber('1964-02-28', '男', 3)
const ZHAO = makeIdNumber('1990-03-01', '男', 4)
const QIAN = makeIdNumber('1975-07-07', '男', 5)
const ID_LIKE = /\d{17}[\dX]/

let dir: string
let store: Store
let jobs: JobRunner
let east: number
let west: number

const ballots = { registered: 1000, issued: 620, returned: 600, valid: 590, invalid: 10 }

beforeEach(() => {
  dir = tempDir()
  store = Store.fileStore(path.join(dir, 'office.db'))
  jobs = new JobRunner()
  const villages = testServices(store).villages
  const village = (name: string, kind: '村' | '社区') =>
    villages.create(
      villageInput.parse({ name, kind, township: '青山镇', committeeElectionDate: '2026-03-01', partyElectionDate: '2026-02-20', committeeSeats: 3 })
    ).id
  east = village('东岭村', '村')
  west = village('西坡社区', '社区')

  const voters = testServices(store).voters
  const voter = (villageId: number, name: string, idNumber: string, groupName: string, over: Record<string, unknown> = {}) =>
    voters.create(voterInput.parse({ villageId, name, idNumber, groupName, category: 1, ...over }))
  voter(east, '张三', makeIdNumber('2008-02-28', '男', 11), '二组', { category: 2 })
  voter(east, '李秀英', makeIdNumber('1980-05-12', '女', 12), '一组')
  voter(east, '王五', makeIdNumber('1970-01-01', '男', 13), '一组', { deprived: true })
  voter(west, '赵六', makeIdNumber('1985-09-09', '男', 14), '一组')

  const elections = testServices(store).elections
  const election = (villageId: number, e: Partial<ElectionInput>) =>
    elections.create(electionInput.parse({ villageId, body: '村委会', heldOn: '2026-03-01', ...ballots, races: [], ...e }))
  election(east, {
    body: '党组织',
    heldOn: '2026-02-20',
    registered: 30,
    present: 28,
    issued: 28,
    returned: 28,
    valid: 28,
    invalid: 0,
    races: [{ post: '书记', seats: 1, candidates: [{ name: '张伟', idNumber: ZHANG, votes: 26 }] }]
  })
  election(east, {
    races: [
      { post: '主任', seats: 1, candidates: [{ name: '张伟', idNumber: ZHANG, votes: 420 }, { name: '王强', idNumber: WANG, votes: 150 }] },
      {
        post: '委员',
        seats: 2,
        candidates: [
          { name: '李娜', idNumber: LI, votes: 330 },
          { name: '赵刚', idNumber: ZHAO, votes: 310 },
          { name: '王强', idNumber: WANG, votes: 280 }
        ]
      }
    ]
  })
  // Exactly half of the votes cast: not elected, the seat stays open and the committee has no woman.
  election(west, { races: [{ post: '主任', seats: 1, candidates: [{ name: '钱七', idNumber: QIAN, votes: 300 }] }] })
  testServices(store).members.create(memberInput.parse({ villageId: east, term: '上届', body: '党组织', post: '书记', name: '王强', idNumber: WANG }))
})

afterEach(() => {
  store.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

async function exported(input: ExportInput): Promise<ExportedFile> {
  const r = await buildApi(store, jobs).exports.file(input)
  if (!r.ok) throw new Error(r.error.message)
  return r.value
}

async function sheet(input: ExportInput): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(Buffer.from((await exported({ ...input, format: 'xlsx' })).base64, 'base64') as unknown as ArrayBuffer)
  return wb.worksheets[0]
}

async function pdf(input: ExportInput, name: string): Promise<string> {
  const file = path.join(dir, name)
  fs.writeFileSync(file, Buffer.from((await exported({ ...input, format: 'pdf' })).base64, 'base64'))
  return file
}

/** Header text → cell value of the given row. */
function byHeader(ws: ExcelJS.Worksheet, headerRow: number, row: number): Record<string, ExcelJS.CellValue> {
  const out: Record<string, ExcelJS.CellValue> = {}
  ws.getRow(headerRow).eachCell((c, col) => (out[String(c.value)] = ws.getRow(row).getCell(col).value))
  return out
}

const allText = (ws: ExcelJS.Worksheet): string => {
  const parts: string[] = []
  ws.eachRow((r) => r.eachCell((c) => parts.push(String(c.value))))
  return parts.join('\n')
}

describe('选民名单', () => {
  it('one village as xlsx: the voters who may vote in list order, ages as numbers, no ID number', async () => {
    const ws = await sheet({ table: 'voters', format: 'xlsx', villageId: east })
    expect(ws.getCell('A1').value).toBe('东岭村2026年村(居)民委员会选举选民名单')
    expect(ws.getCell('A2').value).toBe('填报单位（盖章）：青山镇')
    expect(ws.getRow(3).values).toEqual([undefined, '序号', '村民小组', '姓名', '性别', '出生年月', '年龄', '登记类别', '备注'])
    expect(byHeader(ws, 3, 4)).toEqual({ 序号: 1, 村民小组: '一组', 姓名: '李秀英', 性别: '女', 出生年月: '1980.05', 年龄: 45, 登记类别: '户籍在本村并居住', 备注: null })
    expect(byHeader(ws, 3, 5)).toMatchObject({ 姓名: '张三', 年龄: 18, 登记类别: '户籍在本村不居住' })
    expect(ws.getCell('F4').type).toBe(ExcelJS.ValueType.Number)
    expect(ws.getCell('E4').type).toBe(ExcelJS.ValueType.String)
    expect(allText(ws)).not.toContain('王五')
    expect(allText(ws)).not.toMatch(ID_LIKE)
    expect(ws.pageSetup.printTitlesRow).toBe('3:3')
  })

  it('township-wide as xlsx: one village after another with a 村(社区) column', async () => {
    const ws = await sheet({ table: 'voters', format: 'xlsx' })
    expect(ws.getCell('A1').value).toBe('青山镇2026年村(居)民委员会选举选民名单')
    expect([4, 5, 6].map((r) => [byHeader(ws, 3, r)['村(社区)'], byHeader(ws, 3, r)['姓名']])).toEqual([
      ['东岭村', '李秀英'],
      ['东岭村', '张三'],
      ['西坡社区', '赵六']
    ])
  })

  it('as PDF: each village’s list on its own pages, header on every page, numbered per village, no ID number', async () => {
    registerVoters(store, townshipVoters(store, 240, 2).rows)
    const file = await pdf({ table: 'voters', format: 'pdf' }, 'voters.pdf')
    const info = pdfInfo(file)
    expect(info.width).toBeLessThan(info.height)
    expect(info.pages).toBeGreaterThanOrEqual(5)
    const pages = Array.from({ length: info.pages }, (_, i) => pdfText(file, i + 1))
    for (const p of pages) expect(p).toMatch(/序号\s+村民小组\s+姓名\s+性别\s+出生年月\s+年龄\s+登记类别/)
    const starts = ['东岭村', '西坡社区', '测试1村', '测试2村'].map((v) => pages.findIndex((p) => p.includes(`${v}2026年村(居)民委员会选举选民名单`)))
    expect(starts.every((i) => i >= 0)).toBe(true)
    for (const i of starts) expect(pages[i]).toMatch(/第\s*1\s*页\s*共\s*\d+\s*页/)
    expect(pages[starts[0]]).toContain('李秀英')
    expect(pages.join('\n')).not.toContain('王五')
    expect(pages.join('\n')).not.toMatch(ID_LIKE)
  })

  it('runs as a job: progress up to the number of voters, and cancel', async () => {
    registerVoters(store, townshipVoters(store, 2500, 1).rows)
    const api = buildApi(store, jobs)
    const started = await api.exports.start({ table: 'voters', format: 'xlsx' })
    const end = (await jobs.wait((started as { value: JobStatus }).value.id)) as JobStatus<ExportedFile>
    expect(end).toMatchObject({ state: 'done', done: 2503, total: 2503, message: '已写入 2503 行' })
    expect(end.result!.fileName).toMatch(/^青山镇_选民名单_\d{8}\.xlsx$/)
    const again = await api.exports.start({ table: 'voters', format: 'xlsx' })
    const id = (again as { value: JobStatus }).value.id
    await api.jobs.cancel({ id })
    expect(await jobs.wait(id)).toMatchObject({ state: 'cancelled' })
  })
})

describe('两委成员名册', () => {
  it('the new term as xlsx: one line per person, posts of both committees, age on the election day', async () => {
    const ws = await sheet({ table: 'members', format: 'xlsx' })
    expect(ws.getCell('A1').value).toBe('青山镇2026年村(社区)“两委”成员名册')
    const rows = [5, 6, 7].map((r) => byHeader(ws, 4, r))
    expect(rows.map((r) => r['姓名']).sort()).toEqual(['张伟', '李娜', '赵刚'].sort())
    expect(rows.find((r) => r['姓名'] === '张伟')).toMatchObject({ 所在村: '东岭村', 党组织: '书记', '村(居)委会': '主任', 一肩挑: '是', 年龄: 45, 出生年月: '1980.06' })
    expect(rows.find((r) => r['姓名'] === '李娜')).toMatchObject({ 性别: '女', 党组织: null, '村(居)委会': '委员', 年龄: 31 })
    expect(ws.getRow(8).getCell(1).value).toMatch(/^注：/)
  })

  it('the outgoing term, and as a landscape PDF', async () => {
    const ws = await sheet({ table: 'members', format: 'xlsx', term: '上届' })
    expect(ws.getCell('A1').value).toBe('青山镇村(社区)上届“两委”成员名册')
    expect(byHeader(ws, 4, 5)).toMatchObject({ 姓名: '王强', 党组织: '书记' })
    const file = await pdf({ table: 'members', format: 'pdf' }, 'members.pdf')
    const info = pdfInfo(file)
    expect(info.width).toBeGreaterThan(info.height)
    expect(pdfText(file)).toMatch(/张伟\s+男\s+.*书记\s+主任\s+是/)
  })
})

describe('换届结构统计表', () => {
  it('xlsx: per-village rows, the township total row, counts and percentages, the outgoing term beside', async () => {
    const ws = await sheet({ table: 'structure', format: 'xlsx' })
    expect(ws.getCell('A1').value).toBe('青山镇2026年村(社区)“两委”换届结构统计表')
    expect([ws.getCell('B3').value, ws.getCell('B4').value, ws.getCell('C4').value, ws.getCell('F3').value, ws.getCell('H3').value, ws.getCell('Q3').value]).toEqual([
      '成员数', '本届', '上届', '女性任职', '一肩挑', '女性'
    ])
    expect(ws.getCell('A5').value).toBe('东岭村')
    expect(ws.getCell('I4').value).toBe('占比(%)')
    const total = ws.getRow(6)
    expect(total.getCell(1).value).toBe('全乡镇合计')
    expect(total.getCell(1).font.bold).toBe(true)
    expect([2, 3, 4, 8, 9, 10].map((c) => total.getCell(c).value)).toEqual([3, 1, 37.3, 1, 1, 0])
    expect(total.getCell(17).value).toBe(1)
    expect(total.getCell(18).value).toBeCloseTo(1 / 3)
    expect(total.getCell(18).numFmt).toBe('0.0%')
    expect(total.getCell(18).type).toBe(ExcelJS.ValueType.Number)
  })

  it('PDF: one landscape A4 page whose percentages are readable', async () => {
    const file = await pdf({ table: 'structure', format: 'pdf' }, 'structure.pdf')
    const info = pdfInfo(file)
    expect(info).toMatchObject({ pages: 1 })
    expect(info.width).toBeGreaterThan(info.height)
    const text = pdfText(file)
    expect(text).toContain('全乡镇合计')
    expect(text).toMatch(/全乡镇合计\s+3\s+1\s+37\.3\s+0\s+0\s+1\s+100\.0\s+0\.0\s/)
    expect(text).toContain('33.3')
    expect(text).toContain('全日制本科')
  })
})

describe('选举结果报告单', () => {
  it('xlsx: both committees, every candidate with votes, result and why, who is elected', async () => {
    const ws = await sheet({ table: 'election-report', format: 'xlsx', villageId: east })
    expect(ws.getCell('A1').value).toBe('东岭村2026年“两委”换届选举结果报告单')
    expect(ws.getRow(3).values).toEqual([undefined, '组织', '选举', '职位', '姓名', '性别', '得票', '名次', '结果', '情况说明'])
    const lines: Record<string, ExcelJS.CellValue>[] = []
    for (let r = 4; r <= ws.rowCount; r++) lines.push(byHeader(ws, 3, r))
    expect(lines[0]).toMatchObject({ 组织: '党组织', 选举: '正式选举 2026.02.20', 结果: '选举有效' })
    expect(ws.getCell('A4').font.bold).toBe(true)
    const wang = lines.find((l) => l['姓名'] === '王强' && l['职位'] === '主任（应选1名）')
    expect(wang).toMatchObject({ 组织: '村委会', 得票: 150, 名次: 2, 结果: '未当选' })
    expect(String(wang!['情况说明'])).toContain('未超过参加投票人数600的半数')
    expect(lines.find((l) => l['姓名'] === '李娜')).toMatchObject({ 结果: '当选', 性别: '女' })
    expect(lines.find((l) => l['组织'] === '村委会' && l['选举'] === '当选人员')).toMatchObject({ 结果: '3名' })
    expect(String(lines.find((l) => l['组织'] === '村委会' && l['选举'] === '当选人员')!['情况说明'])).toContain('张伟（主任，正式选举420票）')
  })

  it('township-wide PDF carries each village and what the office must still look at', async () => {
    const file = await pdf({ table: 'election-report', format: 'pdf' }, 'report.pdf')
    const text = pdfText(file).replace(/\s+/g, '')
    expect(text).toContain('青山镇2026年村(社区)“两委”换届选举结果报告单')
    expect(text).toContain('西坡社区')
    expect(text).toContain('恰为参加投票人数600的半数')
    expect(text).toContain('尚缺1名')
    expect(text).toContain('尚无当选的村(居)委会成员')
    expect(text).toContain('监票人')
  })

  it('says so when a village has no results yet', async () => {
    const other = testServices(store).villages.create(villageInput.parse({ name: '南湾村', kind: '村', township: '青山镇' })).id
    expect(await buildApi(store).exports.file({ table: 'election-report', format: 'pdf', villageId: other })).toMatchObject({
      ok: false,
      error: { code: 'empty', message: '“南湾村”还没有录入选举结果，无法生成选举结果报告单' }
    })
  })
})
