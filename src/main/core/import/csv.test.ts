import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { decodeText, parseCsv } from './csv'

const TEXT = '姓名,身份证号码,住址\r\n张三,330302198005010112,"龙山村1组,12号"\r\n'

describe('CSV encodings', () => {
  it('reads UTF-8 with and without BOM', () => {
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT)]))).toEqual({ text: TEXT, encoding: 'UTF-8' })
    expect(decodeText(Buffer.from(TEXT))).toEqual({ text: TEXT, encoding: 'UTF-8' })
  })

  it('detects GB18030/GBK as Chinese Excel saves it', () => {
    const gbk = iconv.encode(TEXT, 'gbk')
    expect(decodeText(gbk)).toEqual({ text: TEXT, encoding: 'GB18030' })
    const rare = '姓名\r\n㐀䶵𠀀\r\n'
    expect(decodeText(iconv.encode(rare, 'gb18030'))).toEqual({ text: rare, encoding: 'GB18030' })
  })

  it('reads UTF-16 text (Excel “Unicode 文本”)', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('姓名\t性别\r\n', 'utf16le')])
    expect(decodeText(bytes).encoding).toBe('UTF-16')
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
})
