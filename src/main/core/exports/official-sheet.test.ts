import ExcelJS from 'exceljs'
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Village } from '../../../shared/village'
import { villagesSpec } from './layouts/villages'
import { officialSheetBuffer, streamOfficialSheet } from './official-sheet'
import { hasCommand, libreOfficeCsv, tempDir } from './testing/files'
import { village } from './testing/sample-rows'
import type { TableSpec } from './table-spec'
import { arrayBufferOf } from '../test-support'

const heading = { unit: '青山镇', date: '2026-03-01' }

const INJECTIONS = ['=1+1', '+8613800000000', '-2+3', '@SUM(A1)', '\tcmd', '=HYPERLINK("http://x","y")']

let dir: string
beforeEach(() => {
  dir = tempDir()
})
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }))

async function readBack(buf: Buffer | string): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook()
  if (typeof buf === 'string') await wb.xlsx.readFile(buf)
  else await wb.xlsx.load(arrayBufferOf(buf))
  return wb.worksheets[0]
}

/** Everything a printed official sheet must carry, checked on a workbook read back from disk. */
function expectOfficialShape(ws: ExcelJS.Worksheet, spec: TableSpec<Village>) {
  const last = String.fromCharCode(64 + spec.columns.length)
  expect(ws.getCell('A1').value).toBe('青山镇2026年村(社区)“两委”换届村社台账')
  expect(ws.model.merges).toEqual(expect.arrayContaining([`A1:${last}1`]))
  expect(ws.getCell('A2').value).toBe('填报单位（盖章）：青山镇')
  expect(ws.getCell('J2').value).toBe('日期：2026年3月1日')
  // Two header rows: groups merged across, single columns merged down.
  expect(ws.getCell('I3').value).toBe('职数')
  expect(ws.getCell('I4').value).toBe('党组织职数')
  expect(ws.getCell('J4').value).toBe('村(居)委会职数')
  expect(ws.getCell('B3').value).toBe('村(社区)名称')
  expect(ws.model.merges).toEqual(expect.arrayContaining(['I3:J3', 'O3:P3', 'B3:B4']))
  expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '3:4' })
  expect(ws.headerFooter.oddFooter).toBe('&C第 &P 页 共 &N 页')
  expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 })
  expect(ws.getColumn(2).width).toBe(16)
  expect(ws.getColumn(15).width).toBe(12.5)
  expect(ws.getCell('A1').font).toMatchObject({ name: '宋体', bold: true })
  expect(ws.getCell('B5').font).toMatchObject({ name: '仿宋' })
  expect(ws.getCell('B5').border).toMatchObject({ top: { style: 'thin' }, bottom: { style: 'thin' } })
}

describe('official sheet (in memory)', () => {
  it('writes the title, unit/date line, two-row header, page setup, print titles, footer and frozen header', async () => {
    const spec = villagesSpec(heading)
    const ws = await readBack(await officialSheetBuffer(spec, [village(1), village(2)]))
    expectOfficialShape(ws, spec)
    expect(ws.getCell('A5').value).toBe(1)
    expect(ws.getCell('B6').value).toBe('东岭2村')
    // Numbers as numbers, codes and dates as text the way forms write them.
    expect(ws.getCell('F5').value).toBe(301)
    expect(ws.getCell('F5').type).toBe(ExcelJS.ValueType.Number)
    expect(ws.getCell('E5').value).toBe('330112001001')
    expect(ws.getCell('O5').value).toBe('2026.03.15')
    expect(ws.getCell('E5').numFmt).toBe('@')
  })

  it('writes values that start with = + - @ or a tab as text, never as formulas', async () => {
    const rows = INJECTIONS.map((text, i) => village(i + 1, { name: text, note: text }))
    const ws = await readBack(await officialSheetBuffer(villagesSpec(heading), rows))
    INJECTIONS.forEach((text, i) => {
      const cell = ws.getCell(`B${5 + i}`)
      expect(cell.type).toBe(ExcelJS.ValueType.String)
      expect(cell.formula).toBeUndefined()
      expect(cell.value).toBe(text)
    })
  })

  it('puts a note row under the table, merged across', async () => {
    const spec = { ...villagesSpec(heading), note: '注：=不是公式' }
    const ws = await readBack(await officialSheetBuffer(spec, [village(1)]))
    expect(ws.getCell('A6').value).toBe('注：=不是公式')
    expect(ws.model.merges).toEqual(expect.arrayContaining(['A6:Q6']))
  })
})

describe('official sheet (streaming writer)', () => {
  it('gives the same official shape as the in-memory writer', async () => {
    const file = path.join(dir, 'stream.xlsx')
    const spec = villagesSpec(heading)
    const count = await streamOfficialSheet(spec, [village(1), village(2), village(3, { name: '=cmd|x' })], { filename: file })
    expect(count).toBe(3)
    const ws = await readBack(file)
    expectOfficialShape(ws, spec)
    expect(ws.getCell('B7').value).toBe('=cmd|x')
    expect(ws.getCell('B7').formula).toBeUndefined()
    expect(ws.getCell('F7').value).toBe(303)
  })

  it('streams many rows from an async source and reports progress', async () => {
    const file = path.join(dir, 'many.xlsx')
    async function* rows() {
      for (let i = 1; i <= 5000; i++) yield village(i)
    }
    const seen: number[] = []
    const ctx = { progress: (d: number) => seen.push(d), throwIfCancelled: () => undefined, signal: new AbortController().signal }
    await streamOfficialSheet(villagesSpec(heading), rows(), { filename: file }, { ctx, total: 5000 })
    expect(seen).toEqual([2000, 4000, 5000])
    const ws = await readBack(file)
    expect(ws.rowCount).toBe(5004)
    expect(ws.getCell('A5004').value).toBe(5000)
  })
})

describe.skipIf(!hasCommand('soffice'))('LibreOffice reads the sheet', () => {
  it('shows the same text, with formula-like values kept as text', async () => {
    const file = path.join(dir, 'villages.xlsx')
    fs.writeFileSync(file, await officialSheetBuffer(villagesSpec(heading), [village(1), village(2, { name: '=1+1', note: '@SUM(A1)' })]))
    const csv = libreOfficeCsv(file)!
    const lines = csv.trim().split(/\r?\n/)
    expect(lines[0]).toContain('青山镇2026年村(社区)“两委”换届村社台账')
    expect(lines[1]).toContain('填报单位（盖章）：青山镇')
    expect(lines[3]).toContain('党组织职数')
    expect(lines[4].split(',').slice(0, 8)).toEqual(['1', '东岭1村', '村', '青山镇', '330112001001', '301', '1001', '41'])
    expect(lines[5]).toContain('=1+1')
    expect(lines[5]).toContain('@SUM(A1)')
    expect(lines[5]).not.toMatch(/^2,2,/)
  }, 120_000)
})

it.runIf(!hasCommand('soffice'))('LibreOffice comparison skipped: soffice is not installed (apt-get install libreoffice-calc)', () => {
  expect(hasCommand('soffice')).toBe(false)
})
