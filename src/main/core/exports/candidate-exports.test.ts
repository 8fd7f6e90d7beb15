import { execFileSync } from 'node:child_process'
import ExcelJS from 'exceljs'
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { villageInput } from '../../../shared/village'
import { JobRunner, type JobStatus } from '../jobs'
import { Store } from '../store'
import { reviewDepartmentsSetting } from '../../../shared/settings'
import { dossierFromCandidate, inHandUpOrder } from './candidate-exports'
import { ExportService, type ExportRequest } from './service'
import { photoPixels, pdfImages, pixelDistance } from './testing/photos'
import { addCandidate, passVetting } from './testing/sample-candidates'
import { keepArtifact, pdfFontsOf, pdfInfo, pdfText, tempDir } from './testing/files'
import { testServices } from '../test-support'

let dir: string
let store: Store
let east: number
let west: number
let exporter: ExportService
const jobs = new JobRunner()

beforeEach(() => {
  dir = tempDir()
  store = Store.fileStore(path.join(dir, 'office.db'))
  const villages = testServices(store).villages
  east = villages.create(villageInput.parse({ name: '东岭村', kind: '村', township: '青山镇', committeeElectionDate: '2026-04-20' })).id
  west = villages.create(villageInput.parse({ name: '西坡社区', kind: '社区', township: '青山镇' })).id
  exporter = testServices(store, undefined, jobs).exports
})
afterEach(() => {
  store.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

async function written(req: Partial<ExportRequest> & Pick<ExportRequest, 'table' | 'format'>, name: string): Promise<{ file: string; fileName: string }> {
  const out = await exporter.file({ villageId: null, ...req })
  const file = path.join(dir, name)
  fs.writeFileSync(file, Buffer.from(out.base64, 'base64'))
  return { file, fileName: out.fileName }
}

async function sheet(file: string): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.readFile(file)
  return wb.worksheets[0]
}

/** pdftotext keeps table cells apart with spaces and line breaks; the form's words are compared without them. */
const flat = (text: string) => text.replace(/\s+/g, '')

describe('人选登记表 from the candidate register', () => {
  it('prints every field of the record, the vetting results, the photo and age on the election day', async () => {
    const id = addCandidate(store, { name: '王建国', villageId: east, post: '一肩挑', photo: 1, birthDate: '1980-05-12' })
    passVetting(store, id)
    const { file, fileName } = await written({ table: 'dossier', format: 'pdf', candidateId: id, filledBy: '张晓燕' }, 'one.pdf')
    expect(fileName).toMatch(/^青山镇_东岭村_王建国_人选登记表_\d{8}\.pdf$/)
    fs.copyFileSync(file, keepArtifact('candidate-dossier.pdf'))
    const text = flat(pdfText(file))
    for (const field of [
      '王建国', '男', '1980.05', '(45岁)', '汉族', '浙江临安', '浙江杭州', '2003.06', '2002.07', '健康', '农艺师', '农村经济管理',
      '本科', '管理学学士', '浙江农林大学农业经济管理专业', '研究生', '中共浙江省委党校经济管理专业', '东岭村党支部书记',
      '东岭村党组织书记、村(居)委会主任（一肩挑）', '2000.01--2000.10青山镇王建国第1段经历（村务工作）', '2019年被评为青山镇优秀共产党员',
      '2023年称职；2024年优秀', '妻子', '李秀英', '1982.03', '群众', '青山镇东岭村村民', '共青团员', '临安中学学生',
      '乡镇初审：通过（青山镇党委，2026.03.05）', '县级联审：通过（16个联审部门，2026.03.09）',
      '通过（镇考察组，2026.03.12）。政治素质好，群众基础扎实，同意作为人选',
      '乡镇党委会：通过（乡镇党委会，2026.03.13，青委〔2026〕1号）', '县委常委会：通过（县委常委会，2026.03.15，青委〔2026〕3号）',
      '青山镇', '填表人：张晓燕'
    ]) {
      expect(text, field).toContain(flat(field))
    }
    // Age is counted on the village's election day (2026-04-20), the form is dated the day it is printed.
    expect(text).toMatch(/填表时间：\d{4}年\d{1,2}月\d{1,2}日/)
    expect(pdfInfo(file)).toMatchObject({ pages: 2, width: 595.28, height: 841.89 })
    expect(pdfFontsOf(file).length).toBeGreaterThan(0)
    expect(pdfFontsOf(file).every((f) => f.embedded && f.subset)).toBe(true)
    const images = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }).trim().split('\n').slice(2)
    expect(images.length).toBe(1)
  })

  it('names the refusing department and its reason, and leaves the steps not yet taken blank', () => {
    const id = addCandidate(store, { name: '赵一', villageId: east, post: '党组织委员' })
    passVetting(store, id, { department: '公安', reason: '有行政拘留记录' })
    const form = dossierFromCandidate(testServices(store).candidates.dossierData(id), { reportingUnit: '', filledBy: '', filledOn: '2026-03-20' })
    expect(form.reviewResult).toContain('县级联审：不通过（公安，2026.03.09）。公安：有行政拘留记录')
    expect(form.inspectionResult).toBe('')
    expect(form.jointReviewResult).toBe('')
    expect(form.photo).toBeNull()
    expect(form.reportingUnit).toBe('青山镇')
  })

  it('lets a 40-line 简历 run onto a second page with the rest of the grid after it', async () => {
    const id = addCandidate(store, { name: '钱多', villageId: east, post: '党组织书记', resumeLines: 40 })
    const { file } = await written({ table: 'dossier', format: 'pdf', candidateId: id }, 'long.pdf')
    expect(pdfInfo(file).pages).toBe(3)
    expect(flat(pdfText(file, 2))).toContain(flat('青山镇钱多第40段经历'))
    const page3 = flat(pdfText(file, 3))
    expect(page3).toContain('家庭主要')
    expect(page3).toContain('呈报')
    expect(page3).toContain('第3页共3页')
  })

  it('batches a village, a stage or the township in village, post and pinyin order, behind the cover list', async () => {
    const ids = {
      zhang: addCandidate(store, { name: '张三', villageId: east, post: '村委会委员' }),
      an: addCandidate(store, { name: '安平', villageId: east, post: '村委会委员' }),
      li: addCandidate(store, { name: '李四', villageId: east, post: '党组织书记' }),
      wu: addCandidate(store, { name: '吴五', villageId: west, post: '党组织书记' })
    }
    passVetting(store, ids.li)
    const all = inHandUpOrder(store, testServices(store).candidates.list()).map((c) => c.name)
    expect(all).toEqual(['李四', '安平', '张三', '吴五'])

    const started = exporter.start({ table: 'dossier', format: 'pdf', villageId: east })
    const end = (await jobs.wait(started.id)) as JobStatus<{ fileName: string; base64: string }>
    expect(end).toMatchObject({ state: 'done', done: 3, total: 3 })
    const file = path.join(dir, 'village.pdf')
    fs.writeFileSync(file, Buffer.from(end.result!.base64, 'base64'))
    expect(pdfInfo(file).pages).toBe(1 + 3 * 2)
    const cover = flat(pdfText(file, 1))
    expect(cover).toContain('东岭村村(社区)“两委”换届人选登记表（共3人）')
    expect(cover.indexOf('李四')).toBeLessThan(cover.indexOf('安平'))
    expect(cover.indexOf('安平')).toBeLessThan(cover.indexOf('张三'))
    expect(flat(pdfText(file, 2))).toContain('李四')
    expect(flat(pdfText(file, 6))).toContain('张三')

    // 李四 has passed 会审, so is waiting at 公示; the others are at 资格初审.
    const { file: staged, fileName } = await written({ table: 'dossier', format: 'pdf', stage: '资格初审' }, 'stage.pdf')
    expect(fileName).toMatch(/^青山镇_资格初审_人选登记表_\d{8}\.pdf$/)
    expect(pdfInfo(staged).pages).toBe(1 + 3 * 2)
    expect(flat(pdfText(staged, 1))).toContain('青山镇（资格初审环节）')
    expect(flat(pdfText(staged))).not.toContain('李四')
    await expect(exporter.file({ table: 'dossier', format: 'pdf', villageId: west, stage: '考察' })).rejects.toMatchObject({
      error: { code: 'empty', message: '“西坡社区”处于“考察”环节的还没有人选，没有可生成的人选登记表' }
    })
  })

  it('puts 一肩挑 first on the cover list, before 书记 and 主任, not last', async () => {
    addCandidate(store, { name: '安委员', villageId: east, post: '村委会委员' })
    addCandidate(store, { name: '郑主任', villageId: east, post: '村委会主任' })
    addCandidate(store, { name: '钱书记', villageId: east, post: '党组织书记' })
    addCandidate(store, { name: '周一肩', villageId: east, post: '一肩挑' })
    const { file } = await written({ table: 'dossier', format: 'pdf', villageId: east }, 'order.pdf')
    const cover = flat(pdfText(file, 1))
    const at = ['周一肩', '钱书记', '郑主任', '安委员'].map((n) => cover.indexOf(n))
    expect(at.every((i) => i >= 0)).toBe(true)
    expect([...at].sort((a, b) => a - b)).toEqual(at)
    expect(flat(pdfText(file, 2))).toContain('周一肩')
  })

  it('prints each person’s own photo on each form of a batch', async () => {
    const names = ['甲一', '乙二', '丙三']
    names.forEach((name, i) => addCandidate(store, { name, villageId: east, post: '村委会委员', photo: 10 + i, resumeLines: i === 1 ? 30 : 5 }))
    const { file } = await written({ table: 'dossier', format: 'pdf', villageId: east }, 'photos.pdf')
    const images = pdfImages(file, fs.mkdtempSync(path.join(dir, 'img-')))
    expect(images.length).toBe(3)
    for (const [i, name] of ['丙三', '甲一', '乙二'].entries()) {
      const image = images[i]
      expect(flat(pdfText(file, image.page))).toContain(name)
      expect(pixelDistance(image.pixels, photoPixels(10 + names.indexOf(name)))).toBe(0)
      for (const other of [10, 11, 12].filter((s) => s !== 10 + names.indexOf(name))) {
        expect(pixelDistance(image.pixels, photoPixels(other))).toBeGreaterThan(20)
      }
    }
  })

  it('stops a batch when the clerk cancels it', async () => {
    for (let i = 0; i < 6; i++) addCandidate(store, { name: `孙${i}`, villageId: east, post: '村委会委员' })
    const started = exporter.start({ table: 'dossier', format: 'pdf', villageId: null })
    jobs.cancel(started.id)
    expect(await jobs.wait(started.id)).toMatchObject({ state: 'cancelled' })
  })
})

describe('人选花名册 and 资格联审表 from the candidate register', () => {
  beforeEach(() => {
    passVetting(store, addCandidate(store, { name: '王建国', villageId: east, post: '党组织书记' }))
    passVetting(store, addCandidate(store, { name: '李红', villageId: west, post: '村委会主任', sex: '女', birthDate: '1990-07-01' }), {
      department: '公安',
      reason: '有行政拘留记录'
    })
    addCandidate(store, { name: '赵一', villageId: east, post: '村委会委员', birthDate: '1975-12-31' })
  })

  it('writes the 花名册 as an official sheet with the issue’s columns, one row per candidate', async () => {
    const { file, fileName } = await written({ table: 'candidates', format: 'xlsx' }, 'roster.xlsx')
    expect(fileName).toMatch(/^青山镇_人选花名册_\d{8}\.xlsx$/)
    const ws = await sheet(file)
    expect(ws.getCell('A1').value).toMatch(/^青山镇\d{4}年村\(社区\)“两委”换届候选人初步人选花名册$/)
    expect(ws.getRow(3).values).toEqual([
      undefined, '序号', '姓名', '性别', '民族', '出生年月', '年龄', '学历', '政治面貌', '入党时间', '现任职务', '拟任职务', '所在村', '备注'
    ])
    expect((ws.getRow(4).values as unknown[]).slice(1)).toEqual([
      1, '王建国', '男', '汉族', '1980.05', 45, '研究生', '中共党员', '2003.06', '东岭村党支部书记', '党组织书记', '东岭村'
    ])
    expect(ws.getCell('B5').value).toBe('赵一')
    expect(ws.getCell('F5').value).toBe(50)
    expect(ws.getCell('B6').value).toBe('李红')
    expect(ws.getCell('M6').value).toBe('已停止')
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9 })

    const village = await written({ table: 'candidates', format: 'xlsx', villageId: west }, 'west.xlsx')
    expect((await sheet(village.file)).getCell('B4').value).toBe('李红')
    expect((await sheet(village.file)).getCell('B5').value).toBeNull()
  })

  it('prints the 花名册 as a landscape A4 PDF with embedded fonts', async () => {
    const { file } = await written({ table: 'candidates', format: 'pdf' }, 'roster.pdf')
    const info = pdfInfo(file)
    expect([info.width, info.height]).toEqual([841.89, 595.28])
    const text = flat(pdfText(file))
    for (const t of ['候选人初步人选花名册', '王建国', '李红', '赵一', '研究生', '中共党员', '村(居)委会主任', '西坡社区']) expect(text).toContain(flat(t))
    expect(pdfFontsOf(file).every((f) => f.embedded)).toBe(true)
  })

  it('writes the 资格联审表 with the departments of the setting in its order and each verdict', async () => {
    const departments = ['公安', '纪委监委', '法院', '检察院', '司法局', '信访局', '民政局', '税务']
    testServices(store).candidates.settings.set(reviewDepartmentsSetting, departments)
    const pending = addCandidate(store, { name: '孙二', villageId: west, post: '村委会委员' })
    const { file } = await written({ table: 'review', format: 'xlsx' }, 'review.xlsx')
    const ws = await sheet(file)
    expect(ws.getCell('A1').value).toContain('候选人资格联审表')
    expect(ws.getCell('C3').value).toBe('姓名')
    // 公安、法院、检察院 look people up by the ID number.
    expect(ws.getCell('F3').value).toBe('公民身份号码')
    const columns = ['H', 'I', 'J', 'K', 'L', 'M', 'N', 'O']
    expect(columns.map((c) => ws.getCell(`${c}4`).value)).toEqual(departments)
    expect(ws.getCell('P3').value).toBe('联审结果')
    expect([5, 6, 7, 8].map((r) => ws.getCell(`C${r}`).value)).toEqual(['王建国', '赵一', '李红', '孙二'])
    const verdicts = (r: number) => [...columns, 'P'].map((c) => ws.getCell(`${c}${r}`).value)
    const passed = Array(8).fill('通过')
    // Never sent to the departments: nothing to wait for.
    const neverSent = Array(8).fill('未报审')
    expect(verdicts(5)).toEqual([...passed, '通过'])
    expect(verdicts(7)).toEqual(['不通过：有行政拘留记录', ...passed.slice(1), '不通过'])
    expect(verdicts(8)).toEqual([...neverSent, '未报审'])
    expect(pending).toBeGreaterThan(0)

    const pdf = await written({ table: 'review', format: 'pdf' }, 'review.pdf')
    expect(pdfInfo(pdf.file).width).toBeGreaterThan(pdfInfo(pdf.file).height)
    // A long verdict wraps inside its cell: its two lines sit beside the neighbouring cells' text.
    expect(flat(pdfText(pdf.file))).toMatch(/李红.*不通过：.*拘留记录/)
  })
})
