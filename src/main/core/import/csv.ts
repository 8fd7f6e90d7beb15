import iconv from 'iconv-lite'
import fs from 'node:fs'
import { Readable } from 'node:stream'

export type CsvInput = { path: string } | { bytes: Buffer }

const CHUNK = 1 << 20

function byteChunks(input: CsvInput): Readable {
  if ('bytes' in input) {
    const chunks: Buffer[] = []
    for (let at = 0; at < input.bytes.length; at += CHUNK) chunks.push(input.bytes.subarray(at, at + CHUNK))
    return Readable.from(chunks, { objectMode: false })
  }
  return fs.createReadStream(input.path, { highWaterMark: CHUNK })
}

/**
 * The encoding of CSV text as offices save it: UTF-8 with or without BOM, UTF-16 ("Unicode 文本"), or
 * GB18030/GBK, the default of Chinese Excel. A BOM decides; otherwise bytes that are valid UTF-8 throughout
 * are UTF-8 (GBK Chinese text almost never is), and the rest is GB18030, a superset of GBK and GB2312.
 * Checked a chunk at a time, so a file of any size is never held whole.
 */
export async function csvEncoding(input: CsvInput): Promise<'UTF-8' | 'UTF-16' | 'GB18030'> {
  const utf8 = new TextDecoder('utf-8', { fatal: true })
  let first = true
  try {
    for await (const chunk of byteChunks(input) as AsyncIterable<Buffer>) {
      if (first) {
        if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) return 'UTF-8'
        if (chunk[0] === 0xff && chunk[1] === 0xfe) return 'UTF-16'
        first = false
      }
      utf8.decode(chunk, { stream: true })
    }
    utf8.decode()
    return 'UTF-8'
  } catch {
    return 'GB18030'
  }
}

const DECODER = { 'UTF-8': 'utf8', 'UTF-16': 'utf16le', GB18030: 'gb18030' } as const

/** A CSV file that ends inside a record: refused, never half-read. */
export class CsvCutShort extends Error {}

/**
 * RFC 4180 records, parsed as the text arrives: quoted fields may hold separators, doubled quotes and line
 * breaks; ="…" is a quoted field. The separator is a comma, or a tab when the first line has more tabs than
 * commas (Excel's "文本文件(制表符分隔)"). `end` refuses text that stops inside a quoted field, or whose last
 * line, with no line break after it, has fewer fields than the line before it (a copy that stopped mid-line).
 */
export class CsvParser {
  private sep: string | null = null
  /** Text held back: the first line until it is whole (it decides the separator), or a quote ending a chunk. */
  private pending = ''
  private record: string[] = []
  private field = ''
  private quoted = false
  /** The last chunk ended with \r: a \n starting the next one belongs to the same line break. */
  private afterCr = false
  private lines = 0
  private lastWidth = 0

  push(chunk: string): string[][] {
    const text = this.pending + chunk
    this.pending = ''
    if (this.sep === null) {
      const eol = text.search(/[\r\n]/)
      if (eol < 0) {
        this.pending = text
        return []
      }
      this.decideSeparator(text.slice(0, eol))
    }
    return this.parse(text)
  }

  end(): string[][] {
    let out: string[][] = []
    if (this.sep === null) {
      this.decideSeparator(this.pending)
      out = this.parse(this.pending)
    } else if (this.pending === '"') this.quoted = false
    else if (this.pending === '=') this.field += '='
    this.pending = ''
    if (this.quoted) throw new CsvCutShort(`第${this.lines + 1}行的引号没有闭合，文件在该行中间结束，可能没有复制或下载完整`)
    if (this.field !== '' || this.record.length > 0) {
      this.record.push(this.field)
      if (this.lines > 0 && this.record.length < this.lastWidth) {
        throw new CsvCutShort(
          `最后一行（第${this.lines + 1}行）只有 ${this.record.length} 列，少于上一行的 ${this.lastWidth} 列，且其后没有换行：文件可能在该行中间被截断`
        )
      }
      out.push(this.record)
    }
    return out
  }

  private decideSeparator(firstLine: string): void {
    this.sep = (firstLine.match(/\t/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? '\t' : ','
  }

  private parse(text: string): string[][] {
    const sep = this.sep!
    const records: string[][] = []
    let { record, field, quoted } = this
    let i = 0
    const n = text.length
    // A \r at the end of one chunk and \n at the start of the next are one line break.
    if (this.afterCr && text[0] === '\n') i = 1
    this.afterCr = false
    while (i < n) {
      const ch = text[i]
      if (quoted) {
        if (ch === '"') {
          if (i + 1 === n) {
            // A quote at the very end of a chunk: whether it is doubled depends on the next chunk.
            this.pending = '"'
            break
          }
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
      else if (ch === '=' && field === '' && i + 1 === n) {
        this.pending = '='
        break
      } else if (ch === '=' && field === '' && text[i + 1] === '"') {
        quoted = true
        i++
      } else if (ch === sep) {
        record.push(field)
        field = ''
      } else if (ch === '\n' || ch === '\r') {
        record.push(field)
        records.push(record)
        this.lines++
        this.lastWidth = record.length
        record = []
        field = ''
        if (ch === '\r') {
          if (i + 1 === n) this.afterCr = true
          else if (text[i + 1] === '\n') i++
        }
      } else field += ch
      i++
    }
    this.record = record
    this.field = field
    this.quoted = quoted
    return records
  }
}

/** Every record of a text at once (tests, and small texts). */
export function parseCsv(text: string): string[][] {
  const p = new CsvParser()
  return [...p.push(text), ...p.end()]
}

/**
 * The records of a CSV file, decoded as a stream (GB18030 through iconv-lite) and parsed as they come, a
 * batch at a time with the bytes read so far: memory stays flat whatever the file's size.
 */
export async function* csvRecords(input: CsvInput, encoding: keyof typeof DECODER, batch: number): AsyncIterable<{ records: string[][]; bytes: number }> {
  const parser = new CsvParser()
  const bytesIn = byteChunks(input)
  let bytes = 0
  bytesIn.on('data', (c: Buffer) => (bytes += c.length))
  const text = bytesIn.pipe(iconv.decodeStream(DECODER[encoding])) as AsyncIterable<string>
  let out: string[][] = []
  for await (const chunk of text) {
    for (const r of parser.push(chunk)) out.push(r)
    if (out.length >= batch) {
      yield { records: out, bytes }
      out = []
    }
  }
  for (const r of parser.end()) out.push(r)
  if (out.length) yield { records: out, bytes }
}
