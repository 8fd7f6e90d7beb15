import ExcelJS from 'exceljs'
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { buildApi } from '.'
import { main } from '../cli'
import { personInput } from '../../shared/person'
import { villageInput } from '../../shared/village'
import { JobRunner, type JobStatus } from '../core/jobs'
import { Store } from '../core/store'
import { electionInput } from '../../shared/election'
import { pdfInfo, pdfText, tempDir } from '../core/exports/testing/files'
import { addCandidate } from '../core/exports/testing/sample-candidates'
import { arrayBufferOf, testServices } from '../core/test-support'

let dir: string
let store: Store
let villageId: number

beforeEach(() => {
  dir = tempDir()
  store = Store.fileStore(path.join(dir, 'office.db'))
  const villages = testServices(store).villages
  villageId = villages.create(villageInput.parse({ name: '东岭村', kind: '村', township: '青山镇', households: 320 })).id
  villages.create(villageInput.parse({ name: '西坡社区', kind: '社区', township: '青山镇' }))
  const persons = testServices(store).persons
  persons.create(personInput.parse({ name: '周未提名', sex: '男', birthDate: '1980-05-12', villageId }))
  for (const name of ['王建国', '李秀英', '赵一']) addCandidate(store, { name, villageId, post: '村委会委员', sex: name === '李秀英' ? '女' : '男' })
})
afterEach(() => {
  store.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

describe('exports API', () => {
  it('gives the 村社台账 as xlsx with a Chinese file name', async () => {
    const api = buildApi(store)
    const r = await api.exports.file({ table: 'villages', format: 'xlsx' })
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.value.fileName).toMatch(/^青山镇_村社台账_\d{8}\.xlsx$/)
    expect(r.value.mime).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(arrayBufferOf(Buffer.from(r.value.base64, 'base64')))
    expect(wb.worksheets[0].getCell('B5').value).toBe('东岭村')
    expect(wb.worksheets[0].getCell('F5').value).toBe(320)
  })

  it('gives one village’s row as a landscape PDF', async () => {
    const r = await buildApi(store).exports.file({ table: 'villages', format: 'pdf', villageId })
    expect(r.ok && r.value.fileName).toMatch(/^青山镇_东岭村_村社台账_\d{8}\.pdf$/)
    const file = path.join(dir, 'v.pdf')
    fs.writeFileSync(file, Buffer.from(r.ok ? r.value.base64 : '', 'base64'))
    expect(pdfText(file)).toContain('东岭村')
    expect(pdfText(file)).not.toContain('西坡社区')
  })

  it('refuses an empty register and formats a table does not have, in Chinese', async () => {
    const api = buildApi(store)
    expect(await api.exports.file({ table: 'members', format: 'xlsx' })).toMatchObject({
      ok: false,
      error: { code: 'empty', message: expect.stringContaining('还没有本届“两委”成员') }
    })
    expect(await api.exports.file({ table: 'dossier', format: 'xlsx' })).toMatchObject({ ok: false, error: { message: '“人选登记表”只能导出为 PDF、DOCX、LRMX' } })
    const tables = await api.exports.tables()
    expect(tables.ok && tables.value.map((t) => t.name)).toEqual([
      'villages', 'candidates', 'review', 'reply', 'members', 'structure', 'risks', 'focus-villages', 'timeline', 'voters', 'dossier', 'election-report',
      'notices', 'ballots', 'tally-sheets',
      'handover', 'handover-board', 'lookback', 'focus-after', 'supervisors', 'representatives', 'group-leaders'
    ])
    expect(await api.exports.file({ table: 'dossier', format: 'pdf', stage: '投票' as never })).toMatchObject({
      ok: false,
      error: { code: 'validation', message: expect.stringContaining('未知的审查环节') }
    })
  })

  it('runs a village’s 人选登记表 as a job and hands back the PDF', async () => {
    const jobs = new JobRunner()
    const api = buildApi(store, jobs)
    const started = await api.exports.start({ table: 'dossier', format: 'pdf', villageId })
    expect(started.ok).toBe(true)
    const end = (await jobs.wait((started as { value: JobStatus }).value.id)) as JobStatus<{ fileName: string; base64: string }>
    expect(end).toMatchObject({ state: 'done', done: 3, total: 3 })
    expect(end.result!.fileName).toMatch(/^青山镇_东岭村_人选登记表_\d{8}\.pdf$/)
    const file = path.join(dir, 'd.pdf')
    fs.writeFileSync(file, Buffer.from(end.result!.base64, 'base64'))
    // The cover list, then three 干部任免审批表 of two pages each.
    expect(pdfInfo(file).pages).toBe(1 + 3 * 2)
    expect(pdfText(file, 2)).toContain('李秀英')
    expect(pdfText(file)).not.toContain('周未提名')
  })

  it('gives one candidate’s form, and the 花名册 of a stage, through the same call', async () => {
    const api = buildApi(store)
    const list = await api.candidates.list({ villageId })
    const zhao = (list.ok ? list.value : []).find((c) => c.name === '赵一')!
    const one = await api.exports.file({ table: 'dossier', format: 'pdf', candidateId: zhao.id, filledBy: '张晓燕' })
    expect(one.ok && one.value.fileName).toMatch(/^青山镇_东岭村_赵一_人选登记表_\d{8}\.pdf$/)
    const file = path.join(dir, 'one.pdf')
    fs.writeFileSync(file, Buffer.from(one.ok ? one.value.base64 : '', 'base64'))
    expect(pdfInfo(file).pages).toBe(2)
    expect(pdfText(file).replace(/\s+/g, '')).toContain('填表人：张晓燕')
    const roster = await api.exports.file({ table: 'candidates', format: 'xlsx', stage: '资格初审' })
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(arrayBufferOf(Buffer.from(roster.ok ? roster.value.base64 : '', 'base64')))
    expect([4, 5, 6].map((r) => wb.worksheets[0].getCell(`B${r}`).value)).toEqual(['李秀英', '王建国', '赵一'])
  })

  it('gives the 重难点村清单 at once and the 选务作战图 as a job', async () => {
    const jobs = new JobRunner()
    const api = buildApi(store, jobs)
    await api.risks.setGrade({ villageId, grade: '重难点村', reason: '宗族矛盾' })
    const focus = await api.exports.file({ table: 'focus-villages', format: 'xlsx' })
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(arrayBufferOf(Buffer.from(focus.ok ? focus.value.base64 : '', 'base64')))
    expect(wb.worksheets[0].getCell('B5').value).toBe('东岭村')
    const started = await api.exports.start({ table: 'timeline', format: 'pdf' })
    expect(await jobs.wait((started as { value: JobStatus }).value.id)).toMatchObject({
      state: 'done',
      result: { fileName: expect.stringMatching(/^青山镇_选务作战图_\d{8}\.pdf$/) }
    })
  })

  it('says so when a village has nobody to print', async () => {
    const other = testServices(store).villages.findByName('西坡社区')!
    expect(await buildApi(store).exports.file({ table: 'dossier', format: 'pdf', villageId: other.id })).toMatchObject({
      ok: false,
      error: { code: 'empty', message: '“西坡社区”还没有人选，没有可生成的人选登记表' }
    })
  })
})

describe('huanjie export', () => {
  const run = async (...args: string[]) => {
    const out: string[] = []
    const err: string[] = []
    const w1 = process.stdout.write
    const w2 = process.stderr.write
    process.stdout.write = ((s: string) => out.push(s)) as never
    process.stderr.write = ((s: string) => err.push(s)) as never
    try {
      return { code: await main(args), out: out.join(''), err: err.join('') }
    } finally {
      process.stdout.write = w1
      process.stderr.write = w2
    }
  }

  it('writes the table named on the command line, for one village', async () => {
    store.close()
    const out = path.join(dir, '台账.xlsx')
    const r = await run('export', 'villages', '--db', path.join(dir, 'office.db'), '--out', out, '--village', '东岭村', '--json')
    expect(r.code).toBe(0)
    expect(JSON.parse(r.out)).toMatchObject({ ok: true, table: 'villages', path: out })
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile(out)
    expect(wb.worksheets[0].rowCount).toBe(5)
    store = Store.fileStore(path.join(dir, 'office.db'))
  })

  it('writes the 风险台账 as a PDF with the village’s items', async () => {
    testServices(store).riskBoard.risks.create({
      villageId, type: '宗族派性', description: '两大姓氏争夺村委会主任', source: '走访', measures: '包村领导逐户谈心',
      responsibleLeader: '王镇长', responsibleCadre: '李干事', deadline: '2026-03-20', foundOn: '2026-03-01'
    })
    store.close()
    const out = path.join(dir, '风险台账.pdf')
    const r = await run('export', 'risks', '--db', path.join(dir, 'office.db'), '--out', out, '--village', '东岭村', '--json')
    expect(r.code).toBe(0)
    expect(JSON.parse(r.out)).toMatchObject({ ok: true, table: 'risks', path: out, suggestedName: expect.stringMatching(/^青山镇_东岭村_风险台账_\d{8}\.pdf$/) })
    const info = pdfInfo(out)
    expect(info.width).toBeGreaterThan(info.height)
    expect(pdfText(out).replace(/\s+/g, '')).toContain('宗族派性')
    const human = await run('export', 'timeline', '--db', path.join(dir, 'office.db'), '--out', path.join(dir, '作战图.xlsx'))
    expect(human).toMatchObject({ code: 0, out: expect.stringContaining('已导出选务作战图') })
    store = Store.fileStore(path.join(dir, 'office.db'))
  })


  it('writes a village’s 选举结果报告单 as PDF, and the 两委成员名册 of the outgoing term', async () => {
    // A result lists 正式候选人 only: the sample's 人选 are taken as confirmed after 公示.
    store.db
      .prepare(
        `INSERT INTO candidate_stages (candidate_id, stage, result, decided_on, decider, created_at)
         SELECT id, '确定为正式候选人', '通过', '2026-02-20', '村选举委员会', '2026-02-20T00:00:00Z' FROM candidates`
      )
      .run()
    testServices(store).elections.create(
      electionInput.parse({
        villageId, body: '村委会', heldOn: '2026-03-01', registered: 100, issued: 80, returned: 80, valid: 78, invalid: 2,
        races: [{ post: '主任', seats: 1, candidates: [{ name: '王建国', votes: 60 }, { name: '李秀英', votes: 18 }] }]
      })
    )
    store.close()
    const db = path.join(dir, 'office.db')
    const out = path.join(dir, '报告单.pdf')
    const r = await run('export', 'election-report', '--db', db, '--out', out, '--village', '东岭村', '--json')
    expect(r.code).toBe(0)
    expect(JSON.parse(r.out)).toMatchObject({ ok: true, table: 'election-report', suggestedName: expect.stringMatching(/^青山镇_东岭村_选举结果报告单_\d{8}\.pdf$/) })
    const text = pdfText(out).replace(/\s+/g, '')
    expect(text).toMatch(/东岭村2026年(村|居)民委员会选举结果报告单/)
    expect(text).toContain('王建国')
    expect(text).toContain('选举委员会主任（签字）')
    const none = await run('export', 'members', '--db', db, '--out', path.join(dir, 'm.xlsx'), '--term', '上届')
    expect(none).toMatchObject({ code: 2, err: '还没有上届“两委”成员，请先录入选举结果或登记成员\n' })
    expect((await run('export', 'members', '--db', db, '--out', path.join(dir, 'm.xlsx'), '--term', '下届')).err).toContain('--term 应为 本届 或 上届')
    store = Store.fileStore(db)
  })


  it('writes the 资格联审表 and a stage’s 人选登记表 with the 填表人, and refuses an unknown stage', async () => {
    store.close()
    const db = path.join(dir, 'office.db')
    const review = await run('export', 'review', '--db', db, '--out', path.join(dir, '联审.xlsx'), '--village', '东岭村', '--json')
    expect(JSON.parse(review.out)).toMatchObject({ ok: true, table: 'review', suggestedName: expect.stringMatching(/^青山镇_东岭村_资格联审表_\d{8}\.xlsx$/) })
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile(path.join(dir, '联审.xlsx'))
    expect(wb.worksheets[0].getCell('C5').value).toBe('李秀英')
    const out = path.join(dir, '登记表.pdf')
    const forms = await run('export', 'dossier', '--db', db, '--out', out, '--stage', '资格初审', '--filled-by', '张晓燕')
    expect(forms).toMatchObject({ code: 0, out: expect.stringContaining('已导出人选登记表') })
    expect(pdfInfo(out).pages).toBe(1 + 3 * 2)
    expect(pdfText(out, 3).replace(/\s+/g, '')).toContain('填表人：张晓燕')
    const wrong = await run('export', 'dossier', '--db', db, '--out', out, '--stage', '投票')
    expect(wrong.code).toBe(2)
    expect(wrong.err).toContain('审查环节应为：摸排、')
    store = Store.fileStore(db)
  })

  it.each([
    ['structure', '还没有“两委”成员，无法生成换届结构统计表'],
    ['voters', '还没有可列入名单的选民'],
    ['election-report', '还没有录入选举结果，无法生成选举结果报告单']
  ])('exits non-zero with one Chinese line when there is nothing to put in %s', async (table, message) => {
    store.close()
    const r = await run('export', table, '--db', path.join(dir, 'office.db'), '--out', path.join(dir, 'x.xlsx'))
    expect(r.code).toBe(2)
    expect(r.err).toBe(`${message}\n`)
    expect(fs.existsSync(path.join(dir, 'x.xlsx'))).toBe(false)
    store = Store.fileStore(path.join(dir, 'office.db'))
  })

  it('refuses an unknown table, a wrong extension and an unknown village', async () => {
    store.close()
    const db = path.join(dir, 'office.db')
    expect((await run('export', 'nothing', '--db', db, '--out', 'x.xlsx')).err).toContain('请指定要导出的表格')
    expect((await run('export', 'villages', '--db', db, '--out', 'x.csv')).err).toContain('.xlsx 或 .pdf')
    expect((await run('export', 'villages', '--db', db, '--out', path.join(dir, 'x.pdf'), '--village', '无此村')).err).toContain('找不到村社“无此村”')
    store = Store.fileStore(path.join(dir, 'office.db'))
  })
})
