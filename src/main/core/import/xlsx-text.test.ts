import ExcelJS from 'exceljs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { writeVoterRoster } from '../../../../bench/roster'
import { useTempDir } from '../test-support'
import { readXlsx } from './xlsx'
import { workbookStream } from './zip-order'

const tempDir = useTempDir()

describe('the streaming reader', () => {
  it('reads every Chinese name whole, also those whose bytes fall on a boundary of the inflated chunks', async () => {
    const file = path.join(tempDir(), 'voters.xlsx')
    // Shared strings of several 64 KB chunks, nearly all of them three-byte characters.
    await writeVoterRoster(file, 3000, 11_500)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile(file)
    const expected: string[] = []
    wb.worksheets[0].eachRow((row) => expected.push(String(row.getCell(3).value ?? '')))
    const read: string[] = []
    for await (const sheet of readXlsx(workbookStream({ path: file }))) {
      for await (const rows of sheet.rows) for (const r of rows) read.push(String(r.cells[2] ?? ''))
    }
    expect(read.filter((t) => t.includes('\uFFFD'))).toEqual([])
    expect(read).toEqual(expected)
  })
})
