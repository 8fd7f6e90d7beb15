import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { hasCommand } from './files'

export interface WordBox {
  page: number
  text: string
  x0: number
  y0: number
  x1: number
  y1: number
}

/** Every word of a PDF with its box, from poppler's pdftotext -bbox. */
export function wordBoxes(file: string): WordBox[] {
  const html = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
  const words: WordBox[] = []
  let page = 0
  for (const line of html.split('\n')) {
    if (line.includes('<page ')) page++
    const m = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)<\/word>/.exec(line)
    if (m) words.push({ page, x0: Number(m[1]), y0: Number(m[2]), x1: Number(m[3]), y1: Number(m[4]), text: m[5] })
  }
  return words
}

/** Pairs of words on one page whose boxes cover each other by more than `slack` points both ways. */
export function overlappingWords(words: WordBox[], slack = 1): [WordBox, WordBox][] {
  const out: [WordBox, WordBox][] = []
  const byPage = new Map<number, WordBox[]>()
  for (const w of words) byPage.set(w.page, [...(byPage.get(w.page) ?? []), w])
  for (const list of byPage.values()) {
    list.sort((a, b) => a.y0 - b.y0)
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length && list[j].y0 < list[i].y1 - slack; j++) {
        const a = list[i]
        const b = list[j]
        const dx = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0)
        const dy = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0)
        if (dx > slack && dy > slack) out.push([a, b])
      }
    }
  }
  return out
}

/**
 * Workbooks (or Word documents) printed to PDF by LibreOffice, all in one soffice run (each start costs seconds);
 * returns the PDF beside each workbook, or null when soffice is not installed.
 */
export function libreOfficePdfs(xlsxFiles: string[], outDir: string): string[] | null {
  if (!hasCommand('soffice')) return null
  execFileSync('soffice', [`-env:UserInstallation=file://${outDir}/lo-profile`, '--headless', '--convert-to', 'pdf', '--outdir', outDir, ...xlsxFiles], {
    stdio: 'ignore',
    timeout: 240_000
  })
  return xlsxFiles.map((f) => {
    const pdf = path.join(outDir, `${path.basename(f, path.extname(f))}.pdf`)
    if (!fs.existsSync(pdf)) throw new Error(`LibreOffice 未能转换 ${path.basename(f)}`)
    return pdf
  })
}
