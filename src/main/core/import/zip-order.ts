import fs from 'node:fs'
import { Readable } from 'node:stream'

/** A run of the archive's bytes: one entry (local header, data, descriptor), or the central directory. */
export interface ByteRange {
  start: number
  end: number
}

const EOCD = 0x06054b50
const CENTRAL = 0x02014b50
const LOCAL = 0x04034b50
const EOCD_SIZE = 22
const MAX_COMMENT = 0xffff

type ReadAt = (start: number, length: number) => Buffer

/** The zip's end-of-central-directory record, which every whole archive ends with, and the tail that holds it. */
function endRecord(size: number, readAt: ReadAt): { tail: Buffer; at: number } | null {
  const tailLength = Math.min(size, EOCD_SIZE + MAX_COMMENT)
  const tail = readAt(size - tailLength, tailLength)
  for (let i = tail.length - EOCD_SIZE; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD && i + EOCD_SIZE + tail.readUInt16LE(i + 20) === tail.length) return { tail, at: i }
  }
  return null
}

/**
 * Why the archive cannot be read as it is, or null. A workbook cut short (a copy or download that stopped) has
 * no end record, and exceljs's streaming reader would wait for the rest of it for ever; an archive naming an
 * entry twice holds two versions of that part, and which one a reader takes is anyone's guess.
 */
export function zipDamage(input: { path: string } | { bytes: Uint8Array }): string | null {
  return withReader(input, (size, readAt) => {
    if (!endRecord(size, readAt)) return '文件在末尾被截断，可能是复制或下载没有完成'
    const entries = centralDirectory(size, readAt)
    if (!entries) return null
    const seen = new Set<string>()
    for (const e of entries.found) {
      if (seen.has(e.name)) return `压缩包中有两个同名的部件“${e.name}”，无法确定应读取哪一个`
      seen.add(e.name)
    }
    return null
  })
}

function withReader<T>(input: { path: string } | { bytes: Uint8Array }, use: (size: number, readAt: ReadAt) => T): T {
  if ('bytes' in input) {
    const bytes = Buffer.from(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength)
    return use(bytes.length, (start, length) => bytes.subarray(start, start + length))
  }
  const fd = fs.openSync(input.path, 'r')
  try {
    return use(fs.fstatSync(fd).size, (start, length) => {
      const buf = Buffer.alloc(length)
      return buf.subarray(0, fs.readSync(fd, buf, 0, length, start))
    })
  } finally {
    fs.closeSync(fd)
  }
}

/** The entries the central directory lists, in its order; null when it is anything but a plain single-disk zip's. */
function centralDirectory(size: number, readAt: ReadAt): { found: { name: string; offset: number }[]; cdOffset: number } | null {
  const end = endRecord(size, readAt)
  if (!end) return null
  const { tail, at: eocd } = end
  const disk = tail.readUInt16LE(eocd + 4)
  const entries = tail.readUInt16LE(eocd + 10)
  const cdSize = tail.readUInt32LE(eocd + 12)
  const cdOffset = tail.readUInt32LE(eocd + 16)
  // Zip64 and split archives mark these fields; they are left to the reader as they are.
  if (disk !== 0 || entries === 0xffff || cdOffset === 0xffffffff || cdOffset + cdSize > size) return null

  const cd = readAt(cdOffset, cdSize)
  const found: { name: string; offset: number }[] = []
  let p = 0
  for (let i = 0; i < entries; i++) {
    if (p + 46 > cd.length || cd.readUInt32LE(p) !== CENTRAL) return null
    const nameLength = cd.readUInt16LE(p + 28)
    const next = p + 46 + nameLength + cd.readUInt16LE(p + 30) + cd.readUInt16LE(p + 32)
    const offset = cd.readUInt32LE(p + 42)
    if (next > cd.length || offset >= cdOffset) return null
    found.push({ name: cd.toString('utf8', p + 46, p + 46 + nameLength), offset })
    p = next
  }
  return { found, cdOffset }
}

const isWorksheet = (name: string) => /^xl\/worksheets\/sheet\d+\.xml$/.test(name)

/**
 * The order in which to hand an .xlsx to exceljs's streaming reader: every part but the worksheets first.
 * The reader resolves text cells from sharedStrings.xml; a worksheet that comes before it in the archive (as
 * Excel and exceljs's own writer store them) is inflated whole into a temporary file and parsed only once the
 * archive has been read to the end, so its first row arrives late and nothing downstream can start. With the
 * shared strings first, rows are parsed as they are inflated.
 *
 * Only the order of whole entries changes, byte for byte; the central directory follows as it was. Null when
 * the order is already workable, or when the archive is anything but a plain single-disk zip (the reader then
 * gets the file as it is).
 */
export function workbookOrder(size: number, readAt: ReadAt): ByteRange[] | null {
  const cd = centralDirectory(size, readAt)
  if (!cd) return null
  const { found, cdOffset } = cd
  const byOffset = [...found].sort((a, b) => a.offset - b.offset)
  if (byOffset.length === 0 || byOffset[0].offset !== 0) return null
  const ranges = byOffset.map((e, i) => ({ name: e.name, start: e.offset, end: i + 1 < byOffset.length ? byOffset[i + 1].offset : cdOffset }))
  for (const r of ranges) if (r.end <= r.start || readAt(r.start, 4).readUInt32LE(0) !== LOCAL) return null

  const ordered = [...ranges.filter((r) => !isWorksheet(r.name)), ...ranges.filter((r) => isWorksheet(r.name))]
  if (ordered.every((r, i) => r === ranges[i])) return null
  return [...ordered.map(({ start, end }) => ({ start, end })), { start: cdOffset, end: size }]
}

const CHUNK = 1 << 20

/** The workbook's bytes as exceljs's streaming reader reads them best (see workbookOrder). */
export function workbookStream(input: { path: string } | { bytes: Uint8Array }): Readable {
  const order = withReader(input, workbookOrder)
  if ('bytes' in input) {
    const bytes = Buffer.from(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength)
    return Readable.from(order ? order.map((r) => bytes.subarray(r.start, r.end)) : [bytes], { objectMode: false })
  }
  if (!order) return fs.createReadStream(input.path, { highWaterMark: CHUNK })
  return Readable.from(rangesOf(input.path, order), { objectMode: false })
}

async function* rangesOf(file: string, ranges: ByteRange[]): AsyncIterable<Buffer> {
  const handle = await fs.promises.open(file, 'r')
  try {
    for (const r of ranges) {
      for (let at = r.start; at < r.end; ) {
        const buf = Buffer.allocUnsafe(Math.min(CHUNK, r.end - at))
        const { bytesRead } = await handle.read(buf, 0, buf.length, at)
        if (bytesRead === 0) throw new Error('文件在读取时被截断')
        yield buf.subarray(0, bytesRead)
        at += bytesRead
      }
    }
  } finally {
    await handle.close()
  }
}
