import ExcelJS from 'exceljs'
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { pdfFonts } from './fonts'
import { officialSheetBuffer } from './official-sheet'
import { renderPdf } from './pdf'
import { tableDocument } from './pdf-table'
import { hasCommand, tempDir } from './testing/files'
import { longTables } from './testing/long-tables'
import { cellText } from './table-spec'
import { libreOfficePdfs, overlappingWords, wordBoxes, type WordBox } from './testing/pdf-boxes'
import { arrayBufferOf } from '../test-support'

/**
 * Every official table filled with long, wrapping text, printed the way an office prints it: the xlsx
 * by LibreOffice (a reader no one here wrote; all workbooks in one soffice run), the PDF by our
 * renderer. On paper no text may lie over another row's text, and no figure may break inside.
 */
let dir: string
const tables = longTables()
let printed: Map<string, string> | null = null

beforeAll(async () => {
  dir = tempDir()
  const files: string[] = []
  for (const t of tables) {
    const file = path.join(dir, `${t.name}.xlsx`)
    fs.writeFileSync(file, await officialSheetBuffer(t.spec, t.rows))
    files.push(file)
  }
  const pdfs = libreOfficePdfs(files, dir)
  printed = pdfs && new Map(tables.map((t, i) => [t.name, pdfs[i]]))
}, 300_000)

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

const describeIf = hasCommand('soffice') && hasCommand('pdftotext') ? describe : describe.skip
const shown = (pairs: [WordBox, WordBox][]) => pairs.slice(0, 3).map(([a, b]) => `“${a.text}”(y ${a.y0.toFixed(1)}–${a.y1.toFixed(1)}) 压住 “${b.text}”(y ${b.y0.toFixed(1)})`)

describeIf('xlsx printed by LibreOffice', () => {
  it.each(tables.map((t) => t.name))('%s: wrapped text never lies over the next row', (name) => {
    const words = wordBoxes(printed!.get(name)!)
    expect(words.length).toBeGreaterThan(50)
    // LibreOffice sets the lines of one cell up to ~2 pt closer than the font's boxes; text run into
    // the next row covers far more.
    expect(shown(overlappingWords(words, 2.5))).toEqual([])
    // A number too wide for its cell prints as ###.
    expect(words.filter((w) => w.text.includes('###')).map((w) => w.text)).toEqual([])
  })

  it('every row carries a height that holds its text; a column declared 9 keeps width 9', async () => {
    const villages = tables.find((t) => t.name === 'villages')!
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(arrayBufferOf((await officialSheetBuffer(villages.spec, villages.rows))))
    const ws = wb.worksheets[0]
    const declared = villages.spec.columns.map((c) => c.width)
    expect(declared).toContain(9)
    expect(declared.map((_, i) => ws.getColumn(i + 1).width)).toEqual(declared)
    for (let r = 5; r < 5 + villages.rows.length; r++) expect(ws.getRow(r).height).toBeGreaterThan(40)
  })
})

const describePdf = hasCommand('pdftotext') ? describe : describe.skip

describePdf('PDF tables', () => {
  it.each(tables.map((t) => t.name))('%s: nothing overlaps, and figures and short words are never split', async (name) => {
    const t = tables.find((x) => x.name === name)!
    const file = path.join(dir, `${name}.own.pdf`)
    fs.writeFileSync(file, await renderPdf(tableDocument(t.spec, t.rows), pdfFonts()))
    const words = wordBoxes(file)
    expect(shown(overlappingWords(words))).toEqual([])
    // A piece split over two lines comes out as two words: each must be found whole inside one word.
    const whole = new Set<string>()
    for (const c of t.spec.columns) {
      if ([...c.header].length <= 4) whole.add(c.header)
      t.rows.forEach((r, i) => {
        const text = cellText(c.kind ?? 'text', c.value(r, i))
        for (const line of text.split('\n')) {
          if (c.kind && c.kind !== 'text') whole.add(line)
          else if ([...line].length <= 4 || /^[\x21-\x7e]+$/.test(line)) whole.add(line)
        }
      })
    }
    whole.delete('')
    const split = [...whole].filter((piece) => !words.some((w) => w.text.includes(piece)))
    expect(split).toEqual([])
  })
})
