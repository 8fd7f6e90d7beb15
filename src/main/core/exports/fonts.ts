import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

/** A font pdfkit can embed: a TrueType file, or one face of a TrueType collection named by its PostScript name. */
export interface FontFile {
  file: string
  face?: string
}

export interface PdfFonts {
  /** 仿宋 for the body of forms and tables. */
  body: { name: string; normal: FontFile; bold: FontFile }
  /** 黑体/宋体 for titles and labels. */
  heading: { name: string; normal: FontFile; bold: FontFile }
  source: 'system' | 'bundled'
}

interface OfficialFont {
  name: string
  /** File names as Windows and font packs install them (matched without regard to case). */
  files: { file: string; face?: string }[]
}

const BODY_FONTS: OfficialFont[] = [
  { name: '仿宋_GB2312', files: [{ file: 'fangsong_gb2312.ttf' }, { file: '仿宋_gb2312.ttf' }, { file: 'fs_gb2312.ttf' }] },
  { name: '仿宋', files: [{ file: 'simfang.ttf' }] },
  { name: '宋体', files: [{ file: 'simsun.ttc', face: 'SimSun' }, { file: 'simsun.ttf' }] }
]

const HEADING_FONTS: OfficialFont[] = [
  { name: '黑体', files: [{ file: 'simhei.ttf' }] },
  { name: '宋体', files: [{ file: 'simsun.ttc', face: 'SimSun' }, { file: 'simsun.ttf' }] }
]

/** Shipped with the app through an npm dependency, so a PDF never depends on a download. */
function bundledFont(weight: '400Regular' | '700Bold'): FontFile {
  return { file: require.resolve(`@expo-google-fonts/noto-serif-sc/${weight}/NotoSerifSC_${weight}.ttf`) }
}

export function defaultFontDirs(): string[] {
  const home = os.homedir()
  if (process.platform === 'win32') {
    const windir = process.env.WINDIR ?? 'C:\\Windows'
    return [path.join(windir, 'Fonts'), path.join(process.env.LOCALAPPDATA ?? path.join(home, 'AppData', 'Local'), 'Microsoft', 'Windows', 'Fonts')]
  }
  if (process.platform === 'darwin') return ['/Library/Fonts', '/System/Library/Fonts', path.join(home, 'Library', 'Fonts')]
  return ['/usr/share/fonts', '/usr/local/share/fonts', path.join(home, '.fonts'), path.join(home, '.local', 'share', 'fonts')]
}

/** Lower-cased file name → path, a few folders deep (Linux keeps fonts in sub-folders). */
function indexFonts(dirs: string[], depth = 4): Map<string, string> {
  const found = new Map<string, string>()
  const walk = (dir: string, level: number): void => {
    let entries: fs.Dirent[]
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true })
    } catch {
      return
    }
    for (const e of entries) {
      const full = path.join(dir, e.name)
      if (e.isDirectory() && level < depth) walk(full, level + 1)
      else if ((e.isFile() || e.isSymbolicLink()) && !found.has(e.name.toLowerCase())) found.set(e.name.toLowerCase(), full)
    }
  }
  dirs.forEach((d) => walk(d, 0))
  return found
}

/**
 * pdfkit embeds TrueType outlines reliably; CFF-based OpenType (and collections of it, like the system's
 * Noto CJK .ttc) it does not. Reads the table directory of the file (or of its first face) and wants 'glyf'.
 */
export function hasTrueTypeOutlines(file: string): boolean {
  let fd: number | undefined
  try {
    fd = fs.openSync(file, 'r')
    const read = (offset: number, length: number): Buffer => {
      const b = Buffer.alloc(length)
      fs.readSync(fd!, b, 0, length, offset)
      return b
    }
    let offset = 0
    const head = read(0, 12)
    if (head.toString('latin1', 0, 4) === 'ttcf') offset = read(12, 4).readUInt32BE(0)
    const dir = read(offset, 12)
    const tag = dir.readUInt32BE(0)
    if (tag !== 0x00010000 && dir.toString('latin1', 0, 4) !== 'true') return false
    const tables = dir.readUInt16BE(4)
    const records = read(offset + 12, tables * 16)
    for (let i = 0; i < tables; i++) if (records.toString('latin1', i * 16, i * 16 + 4) === 'glyf') return true
    return false
  } catch {
    return false
  } finally {
    if (fd !== undefined) fs.closeSync(fd)
  }
}

function pick(candidates: OfficialFont[], index: Map<string, string>): { name: string; font: FontFile } | null {
  for (const c of candidates) {
    for (const f of c.files) {
      const file = index.get(f.file)
      if (file && hasTrueTypeOutlines(file)) return { name: c.name, font: f.face ? { file, face: f.face } : { file } }
    }
  }
  return null
}

/**
 * The office's own fonts where this computer has them (仿宋_GB2312/仿宋/宋体 for text, 黑体/宋体 for
 * headings), otherwise Noto Serif SC from the app's own files. Either way the PDF embeds a subset.
 */
export function discoverPdfFonts(dirs: string[] = defaultFontDirs()): PdfFonts {
  const index = indexFonts(dirs)
  const body = pick(BODY_FONTS, index)
  const heading = pick(HEADING_FONTS, index) ?? body
  if (body && heading) {
    return {
      body: { name: body.name, normal: body.font, bold: body.font },
      heading: { name: heading.name, normal: heading.font, bold: heading.font },
      source: 'system'
    }
  }
  const regular = bundledFont('400Regular')
  const bold = bundledFont('700Bold')
  return {
    body: { name: 'Noto Serif SC', normal: regular, bold },
    heading: { name: 'Noto Serif SC', normal: bold, bold },
    source: 'bundled'
  }
}

let cached: PdfFonts | undefined

/** Discovery reads font folders once per process. */
export function pdfFonts(): PdfFonts {
  cached ??= discoverPdfFonts()
  return cached
}
