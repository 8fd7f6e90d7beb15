import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { csvEncoding, CsvParser, csvRecords, parseCsv } from './csv'

const TEXT = '姓名,身份证号码,住址\r\n张三,330302198005010112,"龙山村1组,12号"\r\n'
const RECORDS = [
  ['姓名', '身份证号码', '住址'],
  ['张三', '330302198005010112', '龙山村1组,12号']
]

async function read(bytes: Buffer): Promise<{ records: string[][]; encoding: string }> {
  const encoding = await csvEncoding({ bytes })
  const records: string[][] = []
  for await (const batch of csvRecords({ bytes }, encoding, 1)) records.push(...batch.records)
  return { records, encoding }
}

describe('CSV encodings', () => {
  it('reads UTF-8 with and without BOM', async () => {
    expect(await read(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT)]))).toEqual({ records: RECORDS, encoding: 'UTF-8' })
    expect(await read(Buffer.from(TEXT))).toEqual({ records: RECORDS, encoding: 'UTF-8' })
  })

  it('detects GB18030/GBK as Chinese Excel saves it', async () => {
    expect(await read(iconv.encode(TEXT, 'gbk'))).toEqual({ records: RECORDS, encoding: 'GB18030' })
    expect(await read(iconv.encode('姓名\r\n㐀䶵𠀀\r\n', 'gb18030'))).toEqual({ records: [['姓名'], ['㐀䶵𠀀']], encoding: 'GB18030' })
  })

  it('reads UTF-16 text (Excel “Unicode 文本”)', async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('姓名\t性别\r\n张三\t男\r\n', 'utf16le')])
    expect(await read(bytes)).toEqual({ records: [['姓名', '性别'], ['张三', '男']], encoding: 'UTF-16' })
  })

  it('decodes GB18030 a megabyte at a time, a character split between two chunks included', async () => {
    const line = '王建国,330302198005010112,龙山村一组\r\n'
    const text = '姓名,身份证号码,住址\r\n' + line.repeat(60_000)
    const bytes = iconv.encode(text, 'gb18030')
    const encoding = await csvEncoding({ bytes })
    expect(encoding).toBe('GB18030')
    let count = 0
    let batches = 0
    for await (const { records } of csvRecords({ bytes }, encoding, 1000)) {
      batches++
      for (const r of records.slice(count === 0 ? 1 : 0)) expect(r).toEqual(['王建国', '330302198005010112', '龙山村一组'])
      count += records.length
    }
    expect(count).toBe(60_001)
    expect(batches).toBeGreaterThan(1)
  })
})

describe('parseCsv', () => {
  it('keeps quoted separators, doubled quotes and line breaks in a field', () => {
    expect(parseCsv('a,"b,c","say ""hi""","x\ny"\n1,2,3,4')).toEqual([
      ['a', 'b,c', 'say "hi"', 'x\ny'],
      ['1', '2', '3', '4']
    ])
  })

  it('splits tab-separated text', () => {
    expect(parseCsv('姓名\t性别\n张三\t男\n')).toEqual([
      ['姓名', '性别'],
      ['张三', '男']
    ])
  })

  it('gives the same records whichever way the text is cut into chunks', () => {
    const text = '姓名,备注\r\n张三,"他说""好""\r\n第二行"\r\n李四,=""0123""\r\n王五,末行'
    const whole = parseCsv(text)
    for (let cut = 1; cut < text.length; cut++) {
      const p = new CsvParser()
      expect([...p.push(text.slice(0, cut)), ...p.push(text.slice(cut)), ...p.end()]).toEqual(whole)
    }
  })

  it('refuses text that ends inside a quoted field', () => {
    expect(() => parseCsv('姓名,住址\r\n张三,"龙山村1组\r\n李四,2组\r\n')).toThrow('第2行的引号没有闭合')
  })

  it('refuses a last line cut short (fewer fields than the line before, no line break after)', () => {
    expect(() => parseCsv('姓名,身份证号码,住址\r\n张三,330302198005010112,1组\r\n李四,3303')).toThrow('最后一行（第3行）只有 2 列')
    // A whole last line without its line break is fine.
    expect(parseCsv('姓名,住址\r\n张三,1组')).toEqual([
      ['姓名', '住址'],
      ['张三', '1组']
    ])
  })
})
