/**
 * Rows and columns a sheet hides (`<row r="5" hidden="1">`, `<col min="3" max="4" hidden="1"/>`), found in the
 * sheet's XML as it streams past: exceljs's streaming reader drops these flags. Only the bytes around each
 * `hidden=` are looked at, so the scan costs a native byte search per chunk.
 */
export interface HiddenParts {
  rows: Set<number>
  /** 0-based column indexes. */
  columns: Set<number>
}

const NEEDLE = Buffer.from(' hidden=')
/** Enough to hold a row or col tag whose `hidden=` starts in one chunk and whose tag ends in the next. */
const CARRY = 1024

const attr = (tag: string, name: string): string | undefined => new RegExp(`\\s${name}\\s*=\\s*["']([^"']*)["']`).exec(tag)?.[1]

/** Notes each hidden row and column into `hidden` before passing each chunk on to the parser. */
export async function* scanHidden(chunks: AsyncIterable<Buffer | string>, hidden: HiddenParts): AsyncIterable<Buffer | string> {
  let carry = Buffer.alloc(0)
  for await (const chunk of chunks) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk
    const buf = carry.length ? Buffer.concat([carry, bytes]) : bytes
    let done = 0
    let keepFrom = -1
    for (let at = buf.indexOf(NEEDLE); at >= 0; at = buf.indexOf(NEEDLE, at + NEEDLE.length)) {
      const start = buf.lastIndexOf(0x3c, at)
      const end = buf.indexOf(0x3e, at)
      if (start < 0 || start < done) continue
      if (end < 0) {
        keepFrom = start
        break
      }
      note(buf.toString('utf8', start, end + 1), hidden)
      done = end + 1
    }
    carry = Buffer.from(buf.subarray(keepFrom >= 0 ? keepFrom : Math.max(done, buf.length - CARRY)))
    yield chunk
  }
}

function note(tag: string, hidden: HiddenParts): void {
  const m = /^<(?:[\w.-]+:)?(row|col)\s/.exec(tag)
  const flag = attr(tag, 'hidden')
  if (!m || (flag !== '1' && flag !== 'true')) return
  if (m[1] === 'row') {
    const r = Number(attr(tag, 'r'))
    if (Number.isInteger(r) && r > 0) hidden.rows.add(r)
    return
  }
  const min = Number(attr(tag, 'min'))
  const max = Number(attr(tag, 'max') ?? min)
  // A hidden range to the sheet's last column (16384) hides nothing a roster holds beyond the last used one.
  if (!Number.isInteger(min) || !Number.isInteger(max) || min < 1) return
  for (let c = min; c <= Math.min(max, 1024); c++) hidden.columns.add(c - 1)
}
