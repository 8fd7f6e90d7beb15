import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Readable } from 'node:stream'
import { afterAll, describe, expect, it } from 'vitest'
import { xlsxBuffer } from '../../../../tests/fixtures/rosters'
import { readXlsx } from './xlsx'
import { workbookOrder, workbookStream, zipDamage } from './zip-order'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zip-order-'))
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

const readerOf = (bytes: Buffer) => (start: number, length: number) => bytes.subarray(start, start + length)

/** Entry names in the order their local headers come in the bytes, read the way a streaming unzip reads them. */
function localNames(bytes: Buffer): string[] {
  const names: string[] = []
  for (let at = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x03, 0x04])); at >= 0; at = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x03, 0x04]), at + 4)) {
    const nameLength = bytes.readUInt16LE(at + 26)
    names.push(bytes.toString('utf8', at + 30, at + 30 + nameLength))
  }
  return names
}

async function collect(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const c of stream) chunks.push(c as Buffer)
  return Buffer.concat(chunks)
}

async function rowsOf(stream: Readable) {
  const out: { name: string; rows: unknown[] }[] = []
  for await (const sheet of readXlsx(stream)) {
    const rows: unknown[] = []
    for await (const batch of sheet.rows) rows.push(...batch)
    out.push({ name: sheet.name, rows })
  }
  return out
}

const workbook = () =>
  xlsxBuffer([
    { name: '说明', rows: [['本表为选民名册']] },
    { name: '名册', rows: [['序号', '姓名'], [1, '王建国'], [2, '李秀英']] }
  ])

describe('handing a workbook to the reader with its shared strings first', () => {
  it('moves the worksheets after every other part, entry by entry, byte for byte', async () => {
    const bytes = await workbook()
    // exceljs writes the worksheets before sharedStrings.xml, as Excel does.
    expect(localNames(bytes).indexOf('xl/worksheets/sheet1.xml')).toBeLessThan(localNames(bytes).indexOf('xl/sharedStrings.xml'))
    const order = workbookOrder(bytes.length, readerOf(bytes))!
    expect(order).not.toBeNull()
    const moved = Buffer.concat(order.map((r) => bytes.subarray(r.start, r.end)))
    expect(moved.length).toBe(bytes.length)
    const names = localNames(moved)
    expect(names.slice(-2)).toEqual(['xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml'])
    expect([...names].sort()).toEqual([...localNames(bytes)].sort())
  })

  it('reads the same sheets and rows as the file as it is, from memory or from disk', async () => {
    const bytes = await workbook()
    const file = path.join(dir, 'roster.xlsx')
    fs.writeFileSync(file, bytes)
    const plain = await rowsOf(Readable.from([bytes]))
    expect(plain.map((s) => s.name)).toEqual(['说明', '名册'])
    expect(await rowsOf(workbookStream({ bytes }))).toEqual(plain)
    expect(await rowsOf(workbookStream({ path: file }))).toEqual(plain)
    const order = workbookOrder(bytes.length, readerOf(bytes))!
    expect(await collect(workbookStream({ path: file }))).toEqual(Buffer.concat(order.map((r) => bytes.subarray(r.start, r.end))))
  })

  it('leaves alone what is not a plain zip, and gives the reader the bytes as they are', async () => {
    const bytes = await workbook()
    const truncated = bytes.subarray(0, bytes.length - 10)
    expect(workbookOrder(truncated.length, readerOf(truncated))).toBeNull()
    expect(zipDamage({ bytes: truncated })).toContain('截断')
    expect(zipDamage({ bytes })).toBeNull()
    const text = Buffer.from('姓名,公民身份号码\n')
    expect(workbookOrder(text.length, readerOf(text))).toBeNull()
    // A zip64 archive marks its entry count in the end record.
    const zip64 = Buffer.from(bytes)
    const eocd = zip64.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]))
    zip64.writeUInt16LE(0xffff, eocd + 10)
    expect(workbookOrder(zip64.length, readerOf(zip64))).toBeNull()
    expect(await collect(workbookStream({ bytes: truncated }))).toEqual(truncated)
  })
})
