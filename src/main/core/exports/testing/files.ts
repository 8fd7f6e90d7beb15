import { execFileSync, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

/** A folder of the test's own; the caller removes it. */
export const tempDir = (): string => fs.mkdtempSync(path.join(os.tmpdir(), 'huanjie-export-'))

export function hasCommand(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0
}

/** Text of a PDF (or of some of its pages) through poppler's pdftotext. */
export function pdfText(file: string, first?: number, last?: number): string {
  const range = first ? ['-f', String(first), '-l', String(last ?? first)] : []
  return execFileSync('pdftotext', ['-layout', ...range, file, '-'], { encoding: 'utf8' })
}

export function pdfInfo(file: string): { pages: number; width: number; height: number } {
  const out = execFileSync('pdfinfo', [file], { encoding: 'utf8' })
  const size = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(out)!
  return { pages: Number(/Pages:\s+(\d+)/.exec(out)![1]), width: Number(size[1]), height: Number(size[2]) }
}

/** pdffonts rows: font name, embedded, subset. */
export function pdfFontsOf(file: string): { name: string; embedded: boolean; subset: boolean }[] {
  return execFileSync('pdffonts', [file], { encoding: 'utf8' })
    .split('\n')
    .slice(2)
    .filter((l) => l.trim())
    .map((l) => {
      const cols = l.trim().split(/\s+/)
      const n = cols.length
      return { name: cols[0], embedded: cols[n - 5] === 'yes', subset: cols[n - 4] === 'yes' }
    })
}

/** Kept for a person to look at after the run (test-results/ is never committed). */
export function keepArtifact(name: string): string {
  const dir = path.resolve(__dirname, '../../../../../test-results/exports')
  fs.mkdirSync(dir, { recursive: true })
  return path.join(dir, name)
}

/**
 * LibreOffice's own reading of a workbook, as CSV text (the same parser WPS users' files meet), or
 * null when soffice is not installed.
 */
export function libreOfficeCsv(xlsx: string): string | null {
  if (!hasCommand('soffice')) return null
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'huanjie-lo-'))
  try {
    execFileSync(
      'soffice',
      [`-env:UserInstallation=file://${outDir}/profile`, '--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76', '--outdir', outDir, xlsx],
      { stdio: 'ignore', timeout: 120_000 }
    )
    return fs.readFileSync(path.join(outDir, `${path.basename(xlsx, '.xlsx')}.csv`), 'utf8')
  } finally {
    fs.rmSync(outDir, { recursive: true, force: true })
  }
}
