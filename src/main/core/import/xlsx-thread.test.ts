import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { xlsxBuffer } from '../../../../tests/fixtures/rosters'
import type { SourceRow } from './xlsx'
import { insideAsar, xlsxSheetsInProcess, xlsxSheetsOnThread } from './xlsx-thread'

type Reader = typeof xlsxSheetsOnThread

async function readAll(read: Reader, bytes: Buffer) {
  const seen: { name: string; rows: SourceRow[] }[] = []
  let lastBytes = 0
  for await (const sheet of read({ bytes }, (b) => (lastBytes = b), (m) => new Error(`坏文件：${m}`))) {
    const rows: SourceRow[] = []
    for await (const r of sheet.rows) rows.push(r)
    seen.push({ name: sheet.name, rows })
  }
  return { seen, lastBytes }
}

describe('reading a workbook on a worker thread or on this one', () => {
  it('gives the same sheets, rows and cells either way', async () => {
    const bytes = await xlsxBuffer([
      { name: '说明', rows: [['本表为选民名册']] },
      { name: '名册', rows: [['龙山村选民名册'], ['序号', '姓名', '户数'], [1, '王建国', 4], [], [2, '李秀英', 3]] }
    ])
    const onThread = await readAll(xlsxSheetsOnThread, bytes)
    const here = await readAll(xlsxSheetsInProcess, bytes)
    expect(here.seen).toEqual(onThread.seen)
    expect(here.seen.map((s) => s.name)).toEqual(['说明', '名册'])
    expect(here.seen[1].rows.find((r) => r.row === 5)?.cells).toEqual([2, '李秀英', 3])
    expect(here.lastBytes).toBe(bytes.length)
  })

  it('words a damaged workbook through the caller on this thread too', async () => {
    const bytes = (await xlsxBuffer([{ name: 'a', rows: [['x']] }])).subarray(0, 300)
    await expect(readAll(xlsxSheetsInProcess, bytes)).rejects.toThrow(/^坏文件：/)
  })

  it('knows when the code runs from inside an asar archive', () => {
    expect(insideAsar(path.join('C:', 'Program Files', '换届工作台', 'resources', 'app.asar', 'out', 'main'))).toBe(true)
    expect(insideAsar(path.join('/work', 'main', 'out', 'main'))).toBe(false)
  })
})
