import fs from 'node:fs'
import path from 'node:path'
import type { Content, TableCell } from 'pdfmake/interfaces'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { pdfFonts } from './fonts'
import { renderPdf } from './pdf'
import { unbreakTableBody, unbrokenText } from './pdf-unbroken'
import { tempDir } from './testing/files'
import { wordBoxes, type WordBox } from './testing/pdf-boxes'

let dir: string
beforeEach(() => {
  dir = tempDir()
})
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }))

const WIDTHS = [60, 120, 200]
/** Labels, values over two lines, blank lines, Latin and digits, and one line too long for its cell. */
const BODY = (): TableCell[][] => [
  [{ text: '出生年月\n(岁)', alignment: 'center' }, { text: '1980.05\n(45岁)' }, { text: '东岭村党组织书记、村民委员会主任（一肩挑）人选', colSpan: 1 }],
  [{ text: '简\n\n\n历' }, { text: '', alignment: 'right' }, { text: '2002.07--2008.12  青山镇东岭村村民委员会文书，负责村务公开和档案管理工作', margin: [4, 3, 4, 3] }],
  [{ text: '家庭主要成员及重要社会关系' }, { stack: [{ text: '青山镇人民政府' }, { text: '（盖章）', alignment: 'right' }] }, { text: 'ABC abc 123' }]
]

const render = async (body: TableCell[][], file: string): Promise<WordBox[]> => {
  const content: Content[] = [{ table: { widths: WIDTHS, body } }]
  fs.writeFileSync(file, await renderPdf({ content }, pdfFonts()))
  return wordBoxes(file)
}

describe('lines that surely fit, set unbroken', () => {
  it('are drawn exactly where pdfmake draws the broken text, and a line that may not fit is still wrapped', async () => {
    const broken = await render(BODY(), path.join(dir, 'broken.pdf'))
    const unbroken = await render(unbreakTableBody(BODY(), WIDTHS, 12), path.join(dir, 'unbroken.pdf'))
    expect(unbroken).toEqual(broken)
    // The long 简历 line still wraps inside its cell.
    const first = broken.find((w) => w.text.startsWith('2002.07'))!
    const last = broken.find((w) => w.text.includes('工作'))!
    expect(last.y0).toBeGreaterThan(first.y0)
  })

  it('keeps a line pdfmake may have to break, and breaks nothing else', () => {
    expect(unbrokenText('一二三四五', 60, 12)).toEqual([{ text: '一二三四五', noWrap: true }])
    expect(unbrokenText('一二三四五六', 60, 12)).toBe('一二三四五六')
    expect(unbrokenText('入党\n\n时间', 60, 12)).toEqual([{ text: '入党', noWrap: true }, '\n', '\n', { text: '时间', noWrap: true }])
    expect(unbrokenText('短\n一行太长了放不下', 60, 12)).toBe('短\n一行太长了放不下')
  })
})
