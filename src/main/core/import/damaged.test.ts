import path from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import { nthId, personRows, xlsxBuffer } from '../../../../tests/fixtures/rosters'
import { unzipEntries, zipEntries, type ZipEntry } from '../../../../tests/fixtures/zip'
import { Store } from '../store'
import { testServices, useTempDir } from '../test-support'
import type { ImportService } from './service'

const tempDir = useTempDir()
let store: Store
let imports: ImportService

beforeEach(() => {
  store = Store.fileStore(path.join(tempDir(), 'office.db'))
  imports = testServices(store).imports
  return () => store.close()
})

const people = Array.from({ length: 10 }, (_, i) => ({ name: `人员${i}号`, id: nthId(i) }))
const roster = async () => unzipEntries(await xlsxBuffer([{ name: '人员', rows: personRows(people) }]))
const sheetOf = (entries: ZipEntry[]) => entries.find((e) => e.name === 'xl/worksheets/sheet1.xml')!

/** The import of these bytes: refused with its message, and the register still empty. */
async function refusal(bytes: Buffer, name = '人员.xlsx'): Promise<string> {
  const message = await imports.read('persons', { bytes, name }).then(
    (r) => `读入 ${r.preview.counts.rows} 行`,
    (e: Error) => e.message
  )
  expect(store.db.prepare('SELECT count(*) FROM persons').pluck().get()).toBe(0)
  return message
}

describe('a damaged workbook is refused whole, never half-read', () => {
  it('reads the same parts put back together (the fixtures take workbooks apart faithfully)', async () => {
    const { preview } = await imports.read('persons', { bytes: zipEntries(await roster()), name: '人员.xlsx' })
    expect(preview.counts).toMatchObject({ rows: 10, added: 10, problems: 0 })
  })

  it('a sheet whose XML stops mid-row, in an archive that is itself whole', async () => {
    const entries = await roster()
    const sheet = sheetOf(entries)
    const xml = sheet.data.toString('utf8')
    sheet.data = Buffer.from(xml.slice(0, xml.lastIndexOf('<row') + 30))
    const message = await refusal(zipEntries(entries))
    expect(message).toContain('不是有效的 Excel 工作簿，或文件已损坏')
    expect(message).toContain('工作表“人员”的内容在中途结束')
  })

  it('an archive naming the same part twice', async () => {
    const entries = await roster()
    const sheet = sheetOf(entries)
    const other = { name: sheet.name, data: Buffer.from(sheet.data.toString('utf8').replace('人员9号', '别人')) }
    const message = await refusal(zipEntries([...entries, other]))
    expect(message).toContain('压缩包中有两个同名的部件“xl/worksheets/sheet1.xml”')
  })

  it('a cell naming a shared string the table does not have', async () => {
    const entries = await roster()
    const sheet = sheetOf(entries)
    const xml = sheet.data.toString('utf8')
    const cells = [...xml.matchAll(/<c r="B(\d+)"[^>]*t="s"[^>]*><v>(\d+)<\/v>/g)]
    expect(cells.length).toBeGreaterThan(5)
    const last = cells.at(-1)!
    sheet.data = Buffer.from(xml.replace(last[0], last[0].replace(`<v>${last[2]}</v>`, '<v>99999</v>')))
    const message = await refusal(zipEntries(entries))
    expect(message).toContain('共享字符串（第 99999 项）不存在')
  })

  it('a CSV cut mid-line, or inside a quoted field', async () => {
    const lines = ['姓名,公民身份号码,住址', ...people.map((p, i) => `${p.name},${p.id},"龙山村${i}组"`)]
    const whole = `${lines.join('\r\n')}\r\n`
    expect(await refusal(Buffer.from(whole), '人员.csv')).toBe('读入 10 行')
    const cut = whole.slice(0, whole.lastIndexOf(',') - 3)
    expect(await refusal(Buffer.from(cut), '人员.csv')).toContain('最后一行（第11行）只有 2 列')
    const open = whole.slice(0, whole.length - 4)
    expect(await refusal(Buffer.from(open), '人员.csv')).toContain('第11行的引号没有闭合')
  })
})
