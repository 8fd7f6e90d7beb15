import iconv from 'iconv-lite'

/**
 * CSV text as offices save it: UTF-8 with or without BOM, UTF-16 ("Unicode 文本"), or GB18030/GBK, the
 * default of Chinese Excel. Detected from the bytes: a BOM decides; otherwise bytes that are valid UTF-8
 * are UTF-8 (GBK Chinese text almost never is), and the rest is GB18030, a superset of GBK and GB2312.
 */
export function decodeText(bytes: Buffer): { text: string; encoding: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: bytes.subarray(3).toString('utf8'), encoding: 'UTF-8' }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: bytes.subarray(2).toString('utf16le'), encoding: 'UTF-16' }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' }
  } catch {
    return { text: iconv.decode(bytes, 'gb18030'), encoding: 'GB18030' }
  }
}

/**
 * RFC 4180 records: quoted fields may hold separators, doubled quotes and line breaks; ="…" is a quoted field. The separator is
 * a comma, or a tab when the first line has more tabs than commas (Excel's "文本文件(制表符分隔)").
 */
export function parseCsv(text: string): string[][] {
  const firstLine = text.slice(0, text.search(/\r?\n|$/))
  const sep = (firstLine.match(/\t/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? '\t' : ','
  const records: string[][] = []
  let record: string[] = []
  let field = ''
  let quoted = false
  let i = 0
  const n = text.length
  while (i < n) {
    const ch = text[i]
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"'
          i += 2
          continue
        }
        quoted = false
      } else field += ch
      i++
      continue
    }
    if (ch === '"' && field === '') quoted = true
    // ="0123" is how CSV written for Excel keeps digits as text.
    else if (ch === '=' && field === '' && text[i + 1] === '"') {
      quoted = true
      i++
    }
    else if (ch === sep) {
      record.push(field)
      field = ''
    } else if (ch === '\n' || ch === '\r') {
      record.push(field)
      records.push(record)
      record = []
      field = ''
      if (ch === '\r' && text[i + 1] === '\n') i++
    } else field += ch
    i++
  }
  if (field !== '' || record.length > 0) {
    record.push(field)
    records.push(record)
  }
  return records
}
