import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { failure } from '../../../shared/result'
import { csvEncoding, CsvCutShort, csvRecords } from './csv'
import { prepareSheets, type PreparedSheet, type PrepareOptions } from './prepare'
import { xlsxPreparedOnThread } from './xlsx-thread'
import { zipDamage } from './zip-order'

export type { Cell, SourceRow } from './xlsx'

/** Where the bytes come from: a path (CLI, streamed) or bytes already in memory (the UI's upload). */
export type FileInput = { path: string; name?: string } | { bytes: Buffer; name: string }

export interface OpenedSource {
  format: 'xlsx' | 'csv'
  encoding: string | null
  fileName: string
  size: number
  sha256: string
  /** Bytes consumed so far, for a progress bar that does not need a row count in advance. */
  bytesRead(): number
  /** Its sheets with the header found and the rows prepared (see prepareSheets), read once. */
  prepared(options: PrepareOptions): AsyncIterable<PreparedSheet>
}

const MAGIC = {
  zip: Buffer.from([0x50, 0x4b, 0x03, 0x04]),
  cfb: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
  pdf: Buffer.from('%PDF')
}

/** CSV records handed on at a time, as a workbook's rows come a chunk at a time. */
const CSV_BATCH = 1000

const refuse = (message: string) => failure('unreadable_file', message)

/**
 * Opens a roster, deciding its format from its content (not its name) and refusing, with the reason in
 * Chinese, everything that is not an .xlsx workbook or a CSV text.
 */
export async function openSource(input: FileInput): Promise<OpenedSource> {
  const fileName = 'bytes' in input ? input.name : (input.name ?? path.basename(input.path))
  let size: number
  let head: Buffer
  if ('bytes' in input) {
    size = input.bytes.length
    head = input.bytes.subarray(0, 4096)
  } else {
    try {
      size = fs.statSync(input.path).size
    } catch {
      throw refuse(`找不到文件“${input.path}”`)
    }
    head = readHead(input.path, 4096)
  }
  if (size === 0) throw refuse(`“${fileName}”是空文件，没有可导入的内容`)
  const sha256 = 'bytes' in input ? sha256Of(input.bytes) : await sha256OfFile(input.path)
  const ext = path.extname(fileName).toLowerCase()

  if (startsWith(head, MAGIC.cfb)) {
    const all = 'bytes' in input ? input.bytes : fs.readFileSync(input.path)
    if (all.includes(Buffer.from('EncryptionInfo', 'utf16le'))) {
      throw refuse(`“${fileName}”设置了打开密码。请在 Excel/WPS 中取消密码后另存为 .xlsx，再导入。`)
    }
    throw refuse(`“${fileName}”是旧版 Excel（.xls）文件。请在 Excel/WPS 中打开，另存为“Excel 工作簿（.xlsx）”后再导入。`)
  }
  if (startsWith(head, MAGIC.pdf)) throw refuse(`“${fileName}”是 PDF 文件，不能导入。请提供 .xlsx 或 .csv 格式的表格。`)

  let consumed = 0

  if (startsWith(head, MAGIC.zip)) {
    if (!zipHasWorkbook(head, 'bytes' in input ? input.bytes : null)) {
      throw refuse(`“${fileName}”是压缩包，不是 Excel 工作簿。请解压后选择其中的 .xlsx 或 .csv 文件。`)
    }
    const damage = zipDamage('bytes' in input ? { bytes: input.bytes } : { path: input.path })
    if (damage) throw refuse(`“${fileName}”不完整或已损坏（${damage}）。请重新获取完整的文件，或在 Excel/WPS 中打开后另存为 .xlsx，再导入。`)
    return {
      format: 'xlsx',
      encoding: null,
      fileName,
      size,
      sha256,
      bytesRead: () => consumed,
      prepared: (options) =>
        xlsxPreparedOnThread(
          'bytes' in input ? { bytes: input.bytes } : { path: input.path },
          options,
          (bytes) => (consumed = bytes),
          (message) =>
            refuse(`“${fileName}”不是有效的 Excel 工作簿，或文件已损坏（${readerReason(message)}）。请在 Excel/WPS 中打开后另存为 .xlsx 再导入。`)
        )
    }
  }

  // Named like a workbook but not one inside: say so, rather than ask for the .xlsx the clerk thinks they gave.
  if (ext === '.xlsx' || ext === '.xlsm' || ext === '.xls') {
    throw refuse(`“${fileName}”不是有效的 Excel 工作簿：文件内容不是 Excel 格式（可能只是改了扩展名，或文件已损坏）。请在 Excel/WPS 中打开原表格，另存为 .xlsx 再导入。`)
  }
  if (looksBinary(head)) {
    throw refuse(`无法识别“${fileName}”的格式${ext ? `（${ext}）` : ''}。请提供 .xlsx 工作簿或 .csv 表格。`)
  }
  const csv = 'bytes' in input ? { bytes: input.bytes } : { path: input.path }
  const encoding = await csvEncoding(csv)
  return {
    format: 'csv',
    encoding,
    fileName,
    size,
    sha256,
    bytesRead: () => consumed,
    prepared: (options) => {
      const rows = (async function* () {
        let line = 0
        try {
          for await (const { records, bytes } of csvRecords(csv, encoding, CSV_BATCH)) {
            consumed = bytes
            yield records.map((cells) => ({ row: ++line, cells }))
          }
        } catch (e) {
          if (e instanceof CsvCutShort) throw refuse(`“${fileName}”不完整：${e.message}。请重新获取完整的文件后再导入，未导入任何数据。`)
          throw e
        }
      })()
      return prepareSheets([{ name: path.basename(fileName, path.extname(fileName)), rows }], options)
    }
  }
}

/** The reader's own words when they are ours (Chinese); the unzip and XML libraries' English says only that the bytes do not parse. */
function readerReason(message: string): string {
  return /[\u4e00-\u9fff]/.test(message) ? message : '内容无法解压或解析'
}

function startsWith(buf: Buffer, magic: Buffer): boolean {
  return buf.length >= magic.length && buf.subarray(0, magic.length).equals(magic)
}

function readHead(file: string, n: number): Buffer {
  const fd = fs.openSync(file, 'r')
  try {
    const buf = Buffer.alloc(n)
    const got = fs.readSync(fd, buf, 0, n, 0)
    return buf.subarray(0, got)
  } finally {
    fs.closeSync(fd)
  }
}

/** A workbook's first entries name [Content_Types].xml or xl/…; a plain zip of other files does not. */
function zipHasWorkbook(head: Buffer, all: Buffer | null): boolean {
  const hay = all ?? head
  return hay.includes(Buffer.from('[Content_Types].xml')) || hay.includes(Buffer.from('xl/'))
}

function looksBinary(head: Buffer): boolean {
  // UTF-16 text has NULs too; its BOM says so.
  if (head[0] === 0xff && head[1] === 0xfe) return false
  return head.includes(0)
}

function sha256Of(bytes: Buffer): string {
  return crypto.createHash('sha256').update(bytes).digest('hex')
}

function sha256OfFile(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = crypto.createHash('sha256')
    fs.createReadStream(file)
      .on('data', (c) => hash.update(c))
      .on('end', () => resolve(hash.digest('hex')))
      .on('error', reject)
  })
}
