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
import { arrayBufferOf, testServices } from '../test-support'
import { wordBoxes } from './testing/pdf-boxes'

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
  await wb.xlsx.load(arrayBufferOf(Buffer.from((await exported({ ...input, format: 'xlsx' })).base64, 'base64')))
  return wb.worksheets[0]
}

async function workbook(input: ExportInput): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(arrayBufferOf(Buffer.from((await exported({ ...input, format: 'xlsx' })).base64, 'base64')))
  return wb
}

/** One written 委托投票 in the village: the first voter of the list gives it to the second. */
function registerProxy(villageId: number): void {
  const voters = testServices(store).voters
  const [a, b] = [...voters.iterate(villageId)]
  voters.addProxy({ principalId: a.id, holderId: b.id, relation: '配偶', written: true, signedOn: '2026-02-10' })
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
    testServices(store).voters.publish(east, '2026-02-05', '')
    const ws = await sheet({ table: 'voters', format: 'xlsx', villageId: east })
    expect(ws.getCell('A1').value).toBe('东岭村2026年村民委员会选举选民名单')
    expect([ws.getCell('A2').value, ws.getCell('F2').value]).toEqual(['选举日：2026年3月1日', '公布日期：2026年2月5日'])
    expect(String(ws.getCell('A6').value)).toMatch(/^共计 2 人。/)
    expect([ws.getCell('A7').value, ws.getCell('A8').value]).toEqual(['东岭村村民选举委员会（盖章）', '2026年2月5日'])
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
    // A community's list heads its groups 居民小组, as its notice speaks of 居民.
    for (const p of pages) expect(p).toMatch(p.includes('社区2026年居民委员会') ? /序号\s+居民小组\s+姓名/ : /序号\s+村民小组\s+姓名\s+性别\s+出生年月\s+年龄\s+登记类别/)
    const starts = ['东岭村村民', '西坡社区居民', '测试1村村民', '测试2村村民'].map((v) => pages.findIndex((p) => p.includes(`${v.slice(0, -2)}2026年${v.slice(-2)}委员会选举选民名单`)))
    expect(starts.every((i) => i >= 0)).toBe(true)
    for (const i of starts) expect(pages[i]).toMatch(/第\s*1\s*页\s*共\s*\d+\s*页/)
    expect(pages[starts[0]]).toContain('李秀英')
    // Each village's list under its own committee's seal; the community's is the 居民选举委员会.
    expect(pages.join('\n')).toMatch(/西坡社区居民选举委员会（盖章）/)
    expect(pages.join('\n')).toMatch(/共计 1 人/)
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
    expect(ws.getCell('I4').value).toBe('占比')
    // Too wide for one page at a readable size: two pages across, the village column on each.
    expect(ws.pageSetup).toMatchObject({ fitToWidth: 2, printTitlesColumn: 'A:A' })
    const total = ws.getRow(6)
    expect(total.getCell(1).value).toBe('全乡镇合计')
    expect(total.getCell(1).font.bold).toBe(true)
    expect([2, 3, 4, 8, 9, 10].map((c) => total.getCell(c).value)).toEqual([3, 1, 37.3, 1, 1, 0])
    expect(total.getCell(17).value).toBe(1)
    expect(total.getCell(18).value).toBeCloseTo(1 / 3)
    expect(total.getCell(18).numFmt).toBe('0.0%')
    expect(total.getCell(18).type).toBe(ExcelJS.ValueType.Number)
  })

  it('PDF: landscape A4 in two parts at 9 pt, the village column on each, percentages whole', async () => {
    const file = await pdf({ table: 'structure', format: 'pdf' }, 'structure.pdf')
    const info = pdfInfo(file)
    expect(info).toMatchObject({ pages: 2 })
    expect(info.width).toBeGreaterThan(info.height)
    const [first, second] = [pdfText(file, 1), pdfText(file, 2)]
    for (const page of [first, second]) expect(page).toContain('全乡镇合计')
    expect(first).toMatch(/全乡镇合计\s+3\s+1\s+37\.3\s+0\s+0\s+1\s+100\.0%\s+0\.0%\s/)
    expect(first + second).toContain('33.3%')
    expect(second).toContain('全日制本科')
    // Body text is set at 9 pt: the height of a line of figures in the table.
    const heights = wordBoxes(file).filter((w) => w.text === '全乡镇合计').map((w) => w.y1 - w.y0)
    expect(Math.min(...heights)).toBeGreaterThanOrEqual(9 * 1.1)
  })
})

describe('选举结果报告单', () => {
  it('xlsx: a village’s two forms, each under its own issuer, key counts in their own cells, members with 年龄/学历/政治面貌', async () => {
    registerProxy(east)
    const wb = await workbook({ table: 'election-report', format: 'xlsx', villageId: east })
    expect(wb.worksheets.map((w) => w.name)).toEqual(['东岭村党组织', '东岭村村委会'])
    const [party, committee] = wb.worksheets
    expect(committee.getCell('A1').value).toBe('东岭村2026年村民委员会选举结果报告单')
    expect(committee.getCell('A2').value).toBe('填报单位：东岭村村民选举委员会')
    const fields = Object.fromEntries([3, 4, 5, 6, 7, 8, 9, 10, 11].map((r) => [committee.getCell(`A${r}`).value, committee.getCell(`F${r}`).value]))
    expect(fields).toMatchObject({ '登记选民（人）': 1000, '参加投票（人）': 600, '委托投票（人）': 1, '流动票箱投票（人）': null, 参选率: '60.0%', 选举是否有效: '有效' })
    expect(committee.getCell('F3').type).toBe(ExcelJS.ValueType.Number)
    expect(committee.getRow(12).values).toEqual([undefined, '职务', '姓名', '性别', '年龄', '学历', '政治面貌', '得票数', '得票率', '轮次'])
    expect(byHeader(committee, 12, 13)).toMatchObject({ 职务: '主任', 姓名: '张伟', 性别: '男', 年龄: 45, 得票数: 420, 轮次: '正式选举' })
    expect(byHeader(committee, 12, 13)['得票率']).toBeCloseTo(0.7)
    const tail = allText(committee)
    expect(tail).toContain('选举委员会主任（签字）')
    expect(tail).toContain('东岭村村民选举委员会（盖章）')
    expect(tail).toContain('乡镇（街道）审核意见')
    expect(tail).toContain('青山镇人民政府（盖章）')
    // The Party result is the Party organisation's, never under the 村民选举委员会's seal.
    expect(party.getCell('A1').value).toBe('东岭村2026年党组织委员会选举结果报告单')
    expect(allText(party)).not.toContain('村民选举委员会')
    expect(allText(party)).toContain('中共东岭村党组织（盖章）')
    expect(byHeader(party, 10, 11)).toMatchObject({ 职务: '书记', 姓名: '张伟', 得票数: 26 })
  })

  it('shows the 委托投票 and 流动票箱投票 the result records, in the xlsx and the PDF, and the summary adds them up', async () => {
    registerProxy(east)
    const elections = testServices(store).elections
    const committee = elections.list(east).find((e) => e.body === '村委会')!
    elections.update(committee.id, electionInput.parse({ ...committee, proxyVotes: 25, mobileVotes: 40 }))
    const ws = (await workbook({ table: 'election-report', format: 'xlsx', villageId: east })).worksheets[1]
    const fields = Object.fromEntries([3, 4, 5, 6, 7].map((r) => [ws.getCell(`A${r}`).value, ws.getCell(`F${r}`).value]))
    // The recorded 25, not the one written authorisation registered for the village.
    expect(fields).toMatchObject({ '参加投票（人）': 600, '委托投票（人）': 25, '流动票箱投票（人）': 40 })
    const text = pdfText(await pdf({ table: 'election-report', format: 'pdf', villageId: east }, 'report.pdf')).replace(/\s+/g, '')
    expect(text).toContain('委托投票25人流动票箱投票40人')
    const summary = (await workbook({ table: 'election-report', format: 'xlsx' })).worksheets[0]
    const header = summary.getRow(4).values as unknown[]
    const col = header.indexOf('流动票箱')
    expect(col).toBeGreaterThan(0)
    expect(summary.getColumn(col).values).toContain(40)
  })

  it('counts a Party 委员 elected 书记 once', async () => {
    const elections = testServices(store).elections
    const race = (post: '书记' | '委员', seats: number, names: [string, string, number][]) => ({
      post, seats, candidates: names.map(([name, idNumber, votes]) => ({ name, idNumber, votes }))
    })
    const sun = makeIdNumber('1983-04-04', '女', 21)
    const zhou = makeIdNumber('1986-08-08', '男', 22)
    elections.create(
      electionInput.parse({
        villageId: west, body: '党组织', heldOn: '2026-02-20', registered: 30, present: 28, issued: 28, returned: 28, valid: 28, invalid: 0,
        races: [race('委员', 3, [['钱七', QIAN, 27], ['孙丽', sun, 26], ['周海', zhou, 25]]), race('书记', 1, [['钱七', QIAN, 27]])]
      })
    )
    const wb = await workbook({ table: 'election-report', format: 'xlsx', villageId: west })
    const party = wb.worksheets.find((w) => w.name === '西坡社区党组织')!
    const names: string[] = []
    for (let r = 11; ['书记', '副书记', '委员'].includes(String(party.getCell(`A${r}`).value)); r++) names.push(String(party.getCell(`B${r}`).value))
    expect(names).toEqual(['钱七', '孙丽', '周海'])
    expect(byHeader(party, 10, 11)).toMatchObject({ 职务: '书记', 姓名: '钱七' })
    expect(allText(party)).toMatch(/当选3名/)
    expect(wb.worksheets.find((w) => w.name === '西坡社区居委会')!.getCell('A1').value).toBe('西坡社区2026年居民委员会选举结果报告单')
  })

  it('township-wide: the summary table first, one line per village and a 合计, then each village’s forms', async () => {
    const wb = await workbook({ table: 'election-report', format: 'xlsx' })
    expect(wb.worksheets.map((w) => w.name)).toEqual(['选举结果汇总', '东岭村党组织', '东岭村村委会', '西坡社区党组织', '西坡社区居委会'])
    const summary = wb.worksheets[0]
    expect(summary.getCell('A1').value).toBe('青山镇2026年村(社区)“两委”换届选举结果汇总表')
    expect(byHeader(summary, 4, 5)).toMatchObject({ '村(社区)': '东岭村', 登记选民: 1000, 参加投票: 600, 是否有效: '有效' })
    expect(byHeader(summary, 4, 7)).toMatchObject({ '村(社区)': '合计（2个）', 登记选民: 2000, 参加投票: 1200 })
    const file = await pdf({ table: 'election-report', format: 'pdf' }, 'report.pdf')
    const text = pdfText(file).replace(/\s+/g, '')
    expect(text).toContain('青山镇2026年村(社区)“两委”换届选举结果汇总表')
    expect(text).toContain('西坡社区2026年居民委员会选举结果报告单')
    expect(text).toContain('恰为参加投票人数600的半数')
    expect(text).toContain('尚缺1名')
    expect(text).toContain('尚无当选的村(居)委会成员')
    expect(text).toContain('西坡社区居民选举委员会（盖章）')
  })

  it('says so when a village has no results yet', async () => {
    const other = testServices(store).villages.create(villageInput.parse({ name: '南湾村', kind: '村', township: '青山镇' })).id
    expect(await buildApi(store).exports.file({ table: 'election-report', format: 'pdf', villageId: other })).toMatchObject({
      ok: false,
      error: { code: 'empty', message: '“南湾村”还没有录入选举结果，无法生成选举结果报告单' }
    })
  })
})

describe('村社台账 and the round’s year', () => {
  it('sums the villages in a bold 合计 line; titles carry the year of the round’s election days, not the export date’s', async () => {
    const villages = testServices(store).villages
    for (const [name, households] of [['南湾村', 120], ['北山村', 80], ['中和社区', 50]] as const) {
      villages.create(
        villageInput.parse({ name, kind: name.endsWith('社区') ? '社区' : '村', township: '青山镇', households, partyElectionDate: '2027-03-10', committeeElectionDate: '2027-04-10' })
      )
    }
    const ws = await sheet({ table: 'villages', format: 'xlsx' })
    expect(ws.getCell('A1').value).toBe('青山镇2027年村(社区)“两委”换届村社台账')
    const total = byHeader(ws, 4, 10)
    expect(total).toMatchObject({ 序号: null, '村(社区)名称': '合计（5个）', 户数: 250, 类型: null, 分级: null })
    expect(ws.getRow(10).getCell(2).font.bold).toBe(true)
    expect(ws.getRow(9).getCell(2).font.bold).toBeFalsy()
    // One village's table is that village's round.
    const east2026 = await sheet({ table: 'villages', format: 'xlsx', villageId: east })
    expect(east2026.getCell('A1').value).toBe('青山镇2026年村(社区)“两委”换届村社台账')
    expect(byHeader(east2026, 4, 6)['村(社区)名称']).toBeNull()
  })
})
