import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { makeIdNumber } from '../../../../tests/fixtures/ids'
import { xlsxBuffer } from '../../../../tests/fixtures/rosters'
import { KIND_DEFS } from '../../../shared/import'
import { Readable } from 'node:stream'
import { appendBatch, emptyBatch, prepareSheets, rowPreparer, type PreparedBatch, type PreparedSheet, type PrepareOptions, type SheetHead } from './prepare'
import { readXlsx } from './xlsx'
import { insideAsar, xlsxPreparedInProcess, xlsxPreparedOnThread } from './xlsx-thread'

const ID = makeIdNumber('1950-01-01', '男', 1)
const persons: PrepareOptions = { def: KIND_DEFS.persons, mapping: {}, remembered: [], sheet: null, today: '2026-03-01' }

async function readAll(read: (input: { bytes: Buffer }, options: PrepareOptions, onBytes: (b: number) => void, fail: (m: string) => Error) => AsyncIterable<PreparedSheet>, bytes: Buffer, options = persons) {
  const seen: { name: string; head: SheetHead | null; rows: PreparedBatch | null }[] = []
  let lastBytes = 0
  let raws = 0
  for await (const sheet of read({ bytes }, options, (b) => (lastBytes = b), (m) => new Error(`坏文件：${m}`))) {
    let rows: PreparedBatch | null = null
    if (sheet.rows) {
      rows = emptyBatch()
      // A batch passed on as read is prepared here, as the importer does.
      for await (const batch of sheet.rows) {
        if ('raw' in batch) raws++
        appendBatch(rows, 'raw' in batch ? rowPreparer(options.def, sheet.head!, options.today).prepare(batch.raw) : batch)
      }
    }
    seen.push({ name: sheet.name, head: sheet.head, rows })
  }
  return { seen, lastBytes, raws }
}

describe('reading and preparing a workbook on a worker thread or on this one', () => {
  const workbook = () =>
    xlsxBuffer([
      { name: '说明', rows: [['本表为人员名册'], ['姓名', '备注']] },
      {
        name: '名册',
        rows: [['龙山村人员名册'], ['序号', '姓名', '公民身份号码', '性别'], [1, '王建国', ID, '男'], [], [2, ' 李秀英 ', '123', '女'], ['填表人：王芳']]
      },
      { name: '另一册', rows: [['姓名', '公民身份号码'], ['张三', ID]] }
    ])

  it('gives the same sheets, headers and prepared rows either way', async () => {
    const bytes = await workbook()
    const onThread = await readAll(xlsxPreparedOnThread, bytes)
    const here = await readAll(xlsxPreparedInProcess, bytes)
    expect(here.seen).toEqual(onThread.seen)
    expect(here.seen.map((s) => s.name)).toEqual(['说明', '名册', '另一册'])
    // The first sheet names a column but not the required ones; the third comes after the one taken.
    expect(here.seen[0]).toMatchObject({ head: { headerRow: 2, missing: expect.arrayContaining(['公民身份号码']) }, rows: null })
    expect(here.seen[2]).toEqual({ name: '另一册', head: null, rows: null })
    const taken = here.seen[1]
    expect(taken.head?.headerRow).toBe(2)
    const width = taken.head!.columns.filter((c) => c.field).length
    expect(taken.rows?.rows).toEqual([3, 5])
    expect(taken.rows?.values.slice(0, 2)).toEqual(['王建国', ID])
    expect(taken.rows?.values[width]).toBe('李秀英')
    expect(taken.rows?.values[width + 1]).toBeUndefined()
    expect(taken.rows?.problems).toEqual([[1, 1, expect.stringContaining('18位')]])
    expect(taken.rows?.shown[1]).toEqual([1, ['李秀英', '123', '女']])
    expect(here.lastBytes).toBe(bytes.length)
  })

  it('gives the same rows when the reading thread passes some on as read, for the taker to prepare', async () => {
    const rows: (string | number)[][] = [['序号', '姓名', '公民身份号码', '性别']]
    for (let i = 0; i < 4000; i++) rows.push([i + 1, `王${i}`, i % 500 === 7 ? '123' : makeIdNumber('1960-01-01', '男', i), '男'])
    const bytes = await xlsxBuffer([{ name: '名册', rows }])
    const onThread = await readAll(xlsxPreparedOnThread, bytes)
    const here = await readAll(xlsxPreparedInProcess, bytes)
    expect(onThread.seen).toEqual(here.seen)
    expect(here.seen[0].rows?.rows.length).toBe(4000)
    expect(here.seen[0].rows?.problems.length).toBe(8)
    expect(here.seen[0].rows?.shown.length).toBe(200)
    expect(here.raws).toBe(0)
    // Passing every batch it may on as read changes nothing either.
    const passing = await readAll((input, options) => prepareSheets(readXlsx(Readable.from([input.bytes])), options, () => true), bytes)
    expect(passing.raws).toBeGreaterThan(0)
    expect(passing.seen).toEqual(here.seen)
  })

  it('takes the sheet an earlier preview chose', async () => {
    const { seen } = await readAll(xlsxPreparedOnThread, await workbook(), { ...persons, sheet: '另一册' })
    expect(seen.map((s) => [s.name, s.rows?.rows.length ?? null])).toEqual([['说明', null], ['名册', null], ['另一册', 1]])
  })

  it('words a damaged workbook through the caller on either thread', async () => {
    const bytes = (await xlsxBuffer([{ name: 'a', rows: [['x']] }])).subarray(0, 300)
    await expect(readAll(xlsxPreparedInProcess, bytes)).rejects.toThrow(/^坏文件：/)
    await expect(readAll(xlsxPreparedOnThread, bytes)).rejects.toThrow(/^坏文件：/)
  })

  it('stops, on either thread, when a damaged entry leaves the reader waiting for bytes that never come', async () => {
    const bytes = await workbook()
    const damaged = Buffer.from(bytes)
    const sheet = damaged.indexOf('xl/worksheets/sheet1.xml')
    damaged.fill(0x41, sheet + 60, sheet + 160)
    const stop = /^坏文件：读取在文件结束前中断/
    await expect(readAll((i, o, b, f) => xlsxPreparedInProcess(i, o, b, f, 200), damaged)).rejects.toThrow(stop)
    await expect(readAll(xlsxPreparedOnThread, damaged)).rejects.toThrow(stop)
  })

  it('knows when the code runs from inside an asar archive', () => {
    expect(insideAsar(path.join('C:', 'Program Files', '换届工作台', 'resources', 'app.asar', 'out', 'main'))).toBe(true)
    expect(insideAsar(path.join('/work', 'main', 'out', 'main'))).toBe(false)
  })
})
