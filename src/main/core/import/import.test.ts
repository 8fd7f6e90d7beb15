import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import iconv from 'iconv-lite'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { badCheckId, idNumber, nthId, personRows, rich, xlsxBuffer } from '../../../../tests/fixtures/rosters'
import { runCli } from '../../../../tests/fixtures/run-cli'
import { JobRunner } from '../jobs'
import { Store } from '../store'
import { ImportService } from './service'
import { villageInput } from '../../../shared/village'
import { testServices } from '../test-support'

let dir: string
let store: Store
let imports: ImportService

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'huanjie-import-'))
  store = Store.fileStore(path.join(dir, 'office.db'))
  imports = testServices(store).imports
  testServices(store).villages.create(villageInput.parse({ name: '龙山村', kind: '村', township: '龙山镇' }))
})

afterEach(() => {
  store.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

const ZHANG = idNumber('19800501', 11, '男')
const LI = idNumber('19850312', 22, '女')
const WANG = idNumber('19920101', 33, '男')

async function file(name: string, bytes: Buffer): Promise<string> {
  const p = path.join(dir, name)
  fs.writeFileSync(p, bytes)
  return p
}

describe('a persons roster as an office makes it', () => {
  it('finds the data sheet and header below the title, skips 序号, blanks and footer, reads rich text and dates', async () => {
    const bytes = await xlsxBuffer([
      { name: '填表说明', rows: [['请按下表格式填写'], ['身份证号请设为文本格式']] },
      {
        name: '人员名单',
        merges: ['A1:F1'],
        rows: personRows([
          { name: rich('张', '三'), id: ZHANG, sex: '男', birth: '1980.05', village: '龙山村' },
          { name: '李　四', id: ` ${LI} `, sex: '女性', birth: new Date(Date.UTC(1985, 2, 12)) },
          { name: 'ＷＡＮＧ', id: WANG, birth: 19920101 }
        ])
      }
    ])
    const { preview } = await imports.read('persons', { bytes, name: '人员.xlsx' })
    expect(preview).toMatchObject({ sheet: '人员名单', sheets: ['填表说明', '人员名单'], headerRow: 3, missingFields: [], problems: [] })
    expect(preview.counts).toEqual({ rows: 3, added: 3, updated: 0, unchanged: 0, problems: 0 })
    expect(preview.rows.map((r) => [r.row, r.action, r.values.name])).toEqual([
      [4, 'added', '张三'],
      [5, 'added', '李　四'],
      [6, 'added', 'ＷＡＮＧ']
    ])
  })

  it('reports every problem with the sheet row, the column and a Chinese reason', async () => {
    const bytes = await xlsxBuffer([
      {
        name: 'Sheet1',
        rows: personRows([
          { name: '张三', id: ZHANG, sex: '男', birth: '1980.05', village: '龙山村' }, // row 4
          { name: '钱七', id: badCheckId('19800501', 40, '男') }, // row 5
          { name: '张三丰', id: ZHANG }, // row 6
          { name: '李四', id: LI, sex: '男' }, // row 7
          { name: '王五', id: WANG, birth: '1993.01' }, // row 8
          { name: null, id: idNumber('19700101', 50, '女'), sex: '女' }, // row 9
          { name: '赵六', id: 330302198005010000 }, // row 10
          { name: '孙八', id: '3.30302E+17' }, // row 11
          { name: '周九', id: idNumber('19700101', 60, '女'), village: '不存在村' } // row 12
        ])
      }
    ])
    const { preview } = await imports.read('persons', { bytes, name: 'bad.xlsx' })
    expect(preview.problems.map((p) => [p.row, p.column, p.message])).toEqual([
      [5, 'D', '身份证号校验位错误，请核对是否有数字填错'],
      [6, 'D', '与第4行重复（公民身份号码相同）'],
      [7, 'C', '性别与身份证号不符（身份证号为女性）'],
      [8, 'E', '出生年月与身份证号不符（身份证号为1992.01）'],
      [9, 'B', '必填项为空'],
      [10, 'D', expect.stringContaining('存成了数字')],
      [11, 'D', expect.stringContaining('科学计数法')],
      [12, 'F', '村社“不存在村”不在村社台账中，请先导入或新增该村社']
    ])
    expect(preview.counts).toMatchObject({ rows: 9, added: 1, problems: 8 })
  })

  it('commits all rows in one transaction with one audit entry, and a second import changes nothing', async () => {
    const bytes = await xlsxBuffer([{ name: 'Sheet1', rows: personRows([{ name: '张三', id: ZHANG, village: '龙山村' }, { name: '李四', id: LI }]) }])
    const first = await imports.read('persons', { bytes, name: '名单.xlsx' })
    expect(imports.commit(first.analysis)).toMatchObject({ added: 2, updated: 0, unchanged: 0 })
    const persons = testServices(store).persons
    expect(persons.list().map((p) => [p.name, p.sex, p.birthDate, p.villageId])).toEqual([
      ['张三', '男', '1980-05-01', 1],
      ['李四', '女', '1985-03-12', null]
    ])
    const audit = testServices(store).audit.list()
    expect(audit).toHaveLength(2) // the village, then the import
    expect(audit[0]).toMatchObject({
      action: 'import',
      entity: 'persons',
      after: { fileName: '名单.xlsx', sha256: crypto.createHash('sha256').update(bytes).digest('hex'), added: 2, updated: 0, unchanged: 0 }
    })

    const before = persons.list()
    const again = await imports.read('persons', { bytes, name: '名单.xlsx' })
    expect(again.preview.counts).toMatchObject({ added: 0, updated: 0, unchanged: 2 })
    expect(imports.commit(again.analysis)).toMatchObject({ added: 0, updated: 0, unchanged: 2 })
    expect(persons.list()).toEqual(before)

    const renamed = await xlsxBuffer([{ name: 'Sheet1', rows: personRows([{ name: '张 叁', id: ZHANG }]) }])
    const changed = await imports.read('persons', { bytes: renamed, name: '更正.xlsx' })
    expect(changed.preview.counts).toMatchObject({ updated: 1 })
    imports.commit(changed.analysis)
    // No village column: the person keeps the village the register has.
    expect(persons.findByIdNumber(ZHANG)).toMatchObject({ name: '张叁', villageId: 1 })
  })

  it('leaves the database byte-for-byte as it was when the last row is wrong', async () => {
    const rows = Array.from({ length: 300 }, (_, i) => ({ name: `人员${i}`, id: nthId(i) }))
    rows.push({ name: '最后', id: badCheckId('19900101', 7, '男') })
    const bytes = await xlsxBuffer([{ name: 'Sheet1', rows: personRows(rows) }])
    store.db.pragma('wal_checkpoint(TRUNCATE)')
    const dbFile = path.join(dir, 'office.db')
    const snapshot = fs.readFileSync(dbFile)
    const { analysis, preview } = await imports.read('persons', { bytes, name: 'x.xlsx' })
    expect(preview.problems).toEqual([{ row: 304, column: 'D', header: '身份证号码', message: '身份证号校验位错误，请核对是否有数字填错' }])
    expect(() => imports.commit(analysis)).toThrow('文件中有 1 处问题，未导入任何数据')
    store.db.pragma('wal_checkpoint(TRUNCATE)')
    expect(fs.readFileSync(dbFile).equals(snapshot)).toBe(true)
    expect(testServices(store).persons.list()).toEqual([])
  })

  it('runs as a job that can be cancelled, and a cancelled commit changes nothing', async () => {
    const jobs = new JobRunner()
    const svc = testServices(store, undefined, jobs).imports
    const rows = Array.from({ length: 5000 }, (_, i) => ({ name: `人员${i}`, id: nthId(i) }))
    const bytes = await xlsxBuffer([{ name: 'Sheet1', rows: personRows(rows) }])
    const preview = svc.startPreview('persons', { bytes, name: 'big.xlsx' }, {})
    jobs.cancel(preview.id)
    expect((await jobs.wait(preview.id)).state).toBe('cancelled')

    const done = await jobs.wait(svc.startPreview('persons', { bytes, name: 'big.xlsx' }, {}).id)
    expect(done).toMatchObject({ state: 'done', result: { counts: { added: 5000 } } })
    const previewId = (done.result as { id: string }).id
    const commit = svc.startCommit(previewId)
    jobs.cancel(commit.id)
    expect((await jobs.wait(commit.id)).state).toBe('cancelled')
    expect(testServices(store).persons.list()).toEqual([])
    const committed = await jobs.wait(svc.startCommit(previewId).id)
    expect(committed).toMatchObject({ state: 'done', result: { added: 5000 } })
  })
})

describe('column mapping', () => {
  it('lets the user map an unknown header, and remembers it for the next file with that header', async () => {
    const bytes = await xlsxBuffer([{ name: 'Sheet1', rows: [['姓名', '证件编码'], ['张三', ZHANG]] }])
    const first = await imports.read('persons', { bytes, name: 'a.xlsx' })
    expect(first.preview.missingFields).toEqual(['公民身份号码'])
    expect(first.preview.columns.map((c) => c.field)).toEqual(['name', null])
    expect(() => imports.commit(first.analysis)).toThrow('缺少必需的列：公民身份号码')

    const chosen = await imports.read('persons', { bytes, name: 'a.xlsx' }, { mapping: { B: 'idNumber' } })
    expect(chosen.preview.counts).toMatchObject({ added: 1, problems: 0 })

    imports.remember('persons', '证件编码', 'idNumber')
    const next = await imports.read('persons', { bytes, name: 'b.xlsx' })
    expect(next.preview.columns[1]).toMatchObject({ field: 'idNumber', source: 'remembered' })
  })
})

describe('villages', () => {
  it('matches by name within the township, updates what changed, and reports duplicate names and codes', async () => {
    const bytes = await xlsxBuffer([
      {
        name: '村社',
        merges: ['A1:G1'],
        rows: [
          ['龙山镇村（社区）基本情况表'],
          ['序号', '村(社区)名称', '所属乡镇', '行政区划代码', '户数', '人口', '分级'],
          [1, '龙山村', '龙山镇', 330302001001, '１２０户', '450', '重点村'],
          [2, '凤凰社区', '龙山镇', '330302001002', 300, 900, null],
          [3, '凤凰社区', '龙山镇', '330302001003', 10, 20, null],
          [4, '石门村', '龙山镇', '330302001002', 10, 5, '一般村'],
          ['合计', null, null, null, 430, 1375]
        ]
      }
    ])
    const { preview } = await imports.read('villages', { bytes, name: 'villages.xlsx' })
    expect(preview.problems.map((p) => [p.row, p.column, p.message])).toEqual([
      [5, 'B', '与第4行重复（名称相同）'],
      [6, 'E', '户数不能多于人口']
    ])

    const fixed = await xlsxBuffer([
      {
        name: '村社',
        rows: [
          ['序号', '村(社区)名称', '所属乡镇', '行政区划代码', '户数', '人口', '分级'],
          [1, '龙山村', '龙山镇', 330302001001, '１２０户', '450', '重点村'],
          [2, '凤凰社区', '龙山镇', '330302001002', 300, 900, null]
        ]
      }
    ])
    const ok = await imports.read('villages', { bytes: fixed, name: 'villages.xlsx' })
    expect(ok.preview.counts).toMatchObject({ added: 1, updated: 1, unchanged: 0, problems: 0 })
    imports.commit(ok.analysis)
    const villages = testServices(store).villages.list()
    expect(villages.map((v) => [v.name, v.kind, v.township, v.divisionCode, v.households, v.grade])).toEqual([
      ['龙山村', '村', '龙山镇', '330302001001', 120, '重难点村'],
      ['凤凰社区', '社区', '龙山镇', '330302001002', 300, '一般村']
    ])
    const again = await imports.read('villages', { bytes: fixed, name: 'villages.xlsx' })
    expect(again.preview.counts).toMatchObject({ added: 0, updated: 0, unchanged: 2 })
  })
})

describe('CSV', () => {
  it('imports a GB18030 CSV as Chinese Excel saves it', async () => {
    const text = `序号,姓名,身份证号码,性别\r\n1,张三,${ZHANG},男\r\n2,李四,="${LI}",女\r\n3,"王,五",3.30302E+17,男\r\n`
    const { preview } = await imports.read('persons', { bytes: iconv.encode(text, 'gb18030'), name: '名单.csv' })
    expect(preview).toMatchObject({ format: 'csv', encoding: 'GB18030', headerRow: 1 })
    expect(preview.rows.map((r) => [r.row, r.action, r.values.name])).toEqual([
      [2, 'added', '张三'],
      [3, 'added', '李四'],
      [4, 'error', '王,五']
    ])
    expect(preview.problems).toEqual([{ row: 4, column: 'C', header: '身份证号码', message: expect.stringContaining('科学计数法') }])
  })
})

describe('files that are not rosters', () => {
  const cfb = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)])
  it.each([
    ['空.xlsx', Buffer.alloc(0), '是空文件'],
    ['旧表.xls', cfb, '另存为“Excel 工作簿（.xlsx）”'],
    ['加密.xlsx', Buffer.concat([cfb, Buffer.from('EncryptionInfo', 'utf16le')]), '设置了打开密码'],
    ['改名.xlsx', Buffer.from('%PDF-1.7\n…'), 'PDF'],
    ['照片.zip', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(26), Buffer.from('photo.jpg')]), '压缩包'],
    ['图片.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]), '无法识别'],
    ['随机.xlsx', Buffer.from([0x13, 0x9f, 0x00, 0xe2, 0x51, 0x07, 0xaa, 0x00, 0x3c]), '“随机.xlsx”不是有效的 Excel 工作簿'],
    ['文本.xlsx', Buffer.from('姓名,身份证号\n张三,1\n'), '“文本.xlsx”不是有效的 Excel 工作簿']
  ])('%s is refused with a clear message', async (name, bytes, message) => {
    await expect(imports.read('persons', { bytes, name })).rejects.toThrow(message)
  })

  it('refuses a damaged workbook, and one cut short, which the reader would otherwise wait on for ever', async () => {
    const bytes = await xlsxBuffer([{ name: 'Sheet1', rows: personRows([{ name: '张三', id: ZHANG }]) }])
    const damaged = Buffer.from(bytes)
    const sheet = damaged.indexOf('xl/worksheets/sheet1.xml')
    damaged.fill(0x41, sheet + 60, sheet + 160)
    await expect(imports.read('persons', { bytes: damaged, name: '坏.xlsx' })).rejects.toThrow('不是有效的 Excel 工作簿')
    await expect(imports.read('persons', { bytes: bytes.subarray(0, bytes.length - 200), name: '断.xlsx' })).rejects.toThrow('“断.xlsx”不完整')
    expect(testServices(store).persons.list().length).toBe(0)
  })

  it('refuses a sheet without a recognisable header', async () => {
    const bytes = await xlsxBuffer([{ name: 'Sheet1', rows: [['甲', '乙'], [1, 2]] }])
    await expect(imports.read('persons', { bytes, name: 'x.xlsx' })).rejects.toThrow('没有找到表头')
  })
})

describe('CLI import', () => {
  it('exits 0 with the counts, 1 with row errors and nothing changed, 2 for an unreadable file or a village without election day', async () => {
    store.close()
    const db = path.join(dir, 'office.db')
    const good = await file('good.xlsx', await xlsxBuffer([{ name: 'S', rows: personRows([{ name: '张三', id: ZHANG }, { name: '李四', id: LI }]) }]))
    const bad = await file('bad.xlsx', await xlsxBuffer([{ name: 'S', rows: personRows([{ name: '王五', id: WANG }, { name: '钱七', id: badCheckId('19800501', 40, '男') }]) }]))

    const dry = await runCli('import', 'persons', good, '--db', db, '--dry-run', '--json')
    expect(dry.code).toBe(0)
    expect(JSON.parse(dry.out)).toMatchObject({ ok: true, dryRun: true, added: 2 })

    const failed = await runCli('import', 'persons', bad, '--db', db, '--json')
    expect(failed.code).toBe(1)
    expect(JSON.parse(failed.out)).toEqual({
      ok: false,
      errorCount: 1,
      errors: [{ row: 5, column: 'D', header: '身份证号码', message: '身份证号校验位错误，请核对是否有数字填错' }]
    })

    const done = await runCli('import', 'persons', good, '--db', db, '--village', '龙山村')
    expect(done.code).toBe(0)
    expect(done.out).toContain('新增 2，更新 0，未变 0')
    expect(JSON.parse((await runCli('import', 'persons', good, '--db', db, '--village', '龙山村', '--json')).out)).toMatchObject({ added: 0, updated: 0, unchanged: 2 })

    const pdf = await file('x.xlsx', Buffer.from('%PDF-1.4'))
    const unreadable = await runCli('import', 'persons', pdf, '--db', db)
    expect(unreadable).toMatchObject({ code: 2, out: '' })
    expect(unreadable.err.trim().split('\n')).toHaveLength(1)

    const voters = await runCli('import', 'voters', good, '--db', db, '--village', '龙山村')
    expect(voters).toMatchObject({ code: 2, out: '' })
    expect(voters.err).toBe('请先在村社台账中填写“龙山村”的村委会选举日期：选民年龄按选举日计算\n')

    store = Store.fileStore(db)
    expect(testServices(store).persons.list().map((p) => p.name)).toEqual(['张三', '李四'])
  })
})
