import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { makeIdNumber } from '../../../../tests/fixtures/ids'
import { xlsxBuffer } from '../../../../tests/fixtures/rosters'
import { KIND_DEFS } from '../../../shared/import'
import { Readable } from 'node:stream'
import { appendBatch, emptyBatch, prepareSheets, rowPreparer, type PreparedBatch, type PreparedSheet, type PrepareOptions, type SheetHead } from './prepare'
import { readXlsx } from './xlsx'
import { workerDir } from '../thread'
import { xlsxPreparedOnThread } from './xlsx-thread'

const ID = makeIdNumber('1950-01-01', '男', 1)
const persons: PrepareOptions = { def: KIND_DEFS.persons, mapping: {}, remembered: [], sheet: null, today: '2026-03-01' }

/** The same reading and preparing, on this thread: what the worker must give. */
const here = (input: { bytes: Buffer }, options: PrepareOptions) => prepareSheets(readXlsx(Readable.from([input.bytes])), options)

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

describe('reading and preparing a workbook on its worker thread', () => {
  const workbook = () =>
    xlsxBuffer([
      { name: '说明', rows: [['本表为人员名册'], ['姓名', '备注']] },
      {
        name: '名册',
        rows: [['龙山村人员名册'], ['序号', '姓名', '公民身份号码', '性别'], [1, '王建国', ID, '男'], [], [2, ' 李秀英 ', '123', '女'], ['填表人：王芳']]
      },
      { name: '另一册', rows: [['姓名', '公民身份号码'], ['张三', ID]] }
    ])

  it('gives the sheets, headers and prepared rows the preparing code gives', async () => {
    const bytes = await workbook()
    const onThread = await readAll(xlsxPreparedOnThread, bytes)
    const direct = await readAll(here, bytes)
    expect(direct.seen).toEqual(onThread.seen)
    const seen = onThread.seen
    expect(seen.map((s) => s.name)).toEqual(['说明', '名册', '另一册'])
    // The first sheet names a column but not the required ones; the third comes after the one taken.
    expect(seen[0]).toMatchObject({ head: { headerRow: 2, missing: expect.arrayContaining(['公民身份号码']) }, rows: null })
    expect(seen[2]).toEqual({ name: '另一册', head: null, rows: null })
    const taken = seen[1]
    expect(taken.head?.headerRow).toBe(2)
    const width = taken.head!.columns.filter((c) => c.field).length
    expect(taken.rows?.rows).toEqual([3, 5])
    expect(taken.rows?.values.slice(0, 2)).toEqual(['王建国', ID])
    expect(taken.rows?.values[width]).toBe('李秀英')
    expect(taken.rows?.values[width + 1]).toBeUndefined()
    expect(taken.rows?.problems).toEqual([[1, 1, expect.stringContaining('18位')]])
    expect(taken.rows?.shown[1]).toEqual([1, ['李秀英', '123', '女']])
    expect(onThread.lastBytes).toBe(bytes.length)
  })

  it('gives the same rows when the reading thread passes some on as read, for the taker to prepare', async () => {
    const rows: (string | number)[][] = [['序号', '姓名', '公民身份号码', '性别']]
    for (let i = 0; i < 4000; i++) rows.push([i + 1, `王${i}`, i % 500 === 7 ? '123' : makeIdNumber('1960-01-01', '男', i), '男'])
    const bytes = await xlsxBuffer([{ name: '名册', rows }])
    const onThread = await readAll(xlsxPreparedOnThread, bytes)
    const direct = await readAll(here, bytes)
    expect(onThread.seen).toEqual(direct.seen)
    expect(direct.seen[0].rows?.rows.length).toBe(4000)
    expect(direct.seen[0].rows?.problems.length).toBe(8)
    expect(direct.seen[0].rows?.shown.length).toBe(200)
    expect(direct.raws).toBe(0)
    // Passing every batch it may on as read changes nothing either.
    const passing = await readAll((input, options) => prepareSheets(readXlsx(Readable.from([input.bytes])), options, () => true), bytes)
    expect(passing.raws).toBeGreaterThan(0)
    expect(passing.seen).toEqual(direct.seen)
  })

  it('takes the sheet an earlier preview chose', async () => {
    const { seen } = await readAll(xlsxPreparedOnThread, await workbook(), { ...persons, sheet: '另一册' })
    expect(seen.map((s) => [s.name, s.rows?.rows.length ?? null])).toEqual([['说明', null], ['名册', null], ['另一册', 1]])
  })

  it('words a damaged workbook through the caller', async () => {
    const bytes = (await xlsxBuffer([{ name: 'a', rows: [['x']] }])).subarray(0, 300)
    await expect(readAll(xlsxPreparedOnThread, bytes)).rejects.toThrow(/^坏文件：/)
  })

  it('stops when a damaged entry leaves the reader waiting for bytes that never come', async () => {
    const bytes = await workbook()
    const damaged = Buffer.from(bytes)
    const sheet = damaged.indexOf('xl/worksheets/sheet1.xml')
    damaged.fill(0x41, sheet + 60, sheet + 160)
    const stop = /^坏文件：读取在文件结束前中断/
    await expect(readAll(xlsxPreparedOnThread, damaged)).rejects.toThrow(stop)
  })

  it('starts the worker of a packaged app from app.asar.unpacked, on Windows and Linux install paths', () => {
    expect(workerDir('C:\\Program Files\\换届工作台\\resources\\app.asar\\out\\main\\chunks')).toBe(
      'C:\\Program Files\\换届工作台\\resources\\app.asar.unpacked\\out\\main\\chunks'
    )
    expect(workerDir('/opt/换届工作台/resources/app.asar/out/main')).toBe('/opt/换届工作台/resources/app.asar.unpacked/out/main')
    expect(workerDir(path.join('/work', 'main', 'out', 'main'))).toBe(path.join('/work', 'main', 'out', 'main'))
  })

  it('lists the worker and its chunk among the files the package unpacks', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', '..', 'package.json'), 'utf8')) as { build: { asarUnpack: string[] } }
    expect(pkg.build.asarUnpack).toEqual(expect.arrayContaining(['out/main/xlsx-worker.js', 'out/main/chunks/**']))
  })
})
