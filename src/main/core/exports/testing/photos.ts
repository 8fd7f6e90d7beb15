import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'

function crc32(bytes: Buffer): number {
  let c = ~0
  for (const b of bytes) {
    c ^= b
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1))
  }
  return ~c >>> 0
}

/** Raw RGB pixels, row by row. */
export interface Pixels {
  width: number
  height: number
  rgb: Buffer
}

/**
 * A stand-in passport photo that differs from every other seed: its own colour and its own number of
 * stripes, so a photo printed on the wrong person's form is told apart by its pixels.
 */
export function photoPixels(seed: number, width = 80, height = 100): Pixels {
  const base: [number, number, number] = [(seed * 67 + 40) % 200, (seed * 131 + 90) % 200, (seed * 29 + 150) % 200]
  const stripes = 2 + (seed % 7)
  const rgb = Buffer.alloc(width * height * 3)
  for (let y = 0; y < height; y++) {
    const on = Math.floor((y * stripes) / height) % 2 === 0
    for (let x = 0; x < width; x++) {
      const o = (y * width + x) * 3
      for (let c = 0; c < 3; c++) rgb[o + c] = on ? base[c] : 255 - base[c]
    }
  }
  return { width, height, rgb }
}

/** The pixels as a PNG, written here so no binary sits in the repository. */
export function pngOf(p: Pixels): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
    const out = Buffer.alloc(body.length + 8)
    out.writeUInt32BE(data.length, 0)
    body.copy(out, 4)
    out.writeUInt32BE(crc32(body), body.length + 4)
    return out
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(p.width, 0)
  header.writeUInt32BE(p.height, 4)
  header.set([8, 2, 0, 0, 0], 8)
  const lines: Buffer[] = []
  for (let y = 0; y < p.height; y++) lines.push(Buffer.from([0]), p.rgb.subarray(y * p.width * 3, (y + 1) * p.width * 3))
  const pixels = zlib.deflateSync(Buffer.concat(lines))
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', pixels), chunk('IEND', Buffer.alloc(0))])
}

/** A PNG photo of a seed (see photoPixels). */
export const samplePhoto = (seed: number, width?: number, height?: number): Buffer => pngOf(photoPixels(seed, width, height))

/** The images of a PDF through poppler's pdfimages: the page each is on and its pixels (PPM, read here). */
export function pdfImages(file: string, dir: string): { page: number; pixels: Pixels }[] {
  const list = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' })
    .split('\n')
    .slice(2)
    .filter((l) => l.trim())
    .map((l) => l.trim().split(/\s+/))
    .filter((cols) => cols[2] === 'image')
  const prefix = path.join(dir, 'img')
  execFileSync('pdfimages', [file, prefix])
  const files = fs.readdirSync(dir).filter((f) => f.startsWith('img-') && f.endsWith('.ppm')).sort()
  return list.map((cols, i) => ({ page: Number(cols[0]), pixels: readPpm(fs.readFileSync(path.join(dir, files[i]))) }))
}

/** A binary PPM (P6, maxval 255), as pdfimages writes an RGB image. */
export function readPpm(bytes: Buffer): Pixels {
  const head = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(bytes.subarray(0, 40).toString('latin1'))
  if (!head) throw new Error('not a P6 PPM')
  return { width: Number(head[1]), height: Number(head[2]), rgb: bytes.subarray(head[0].length) }
}

/** Mean absolute difference per channel, 0 for the same pixels; JPEG re-encoding stays within a few units. */
export function pixelDistance(a: Pixels, b: Pixels): number {
  if (a.width !== b.width || a.height !== b.height) return Infinity
  let sum = 0
  for (let i = 0; i < a.rgb.length; i++) sum += Math.abs(a.rgb[i] - b.rgb[i])
  return sum / a.rgb.length
}

/** Where each image is drawn, in points from the top left, page by page (poppler's pdftohtml -xml). */
export function imageBoxes(file: string, dir: string): { page: number; x0: number; y0: number; x1: number; y1: number }[] {
  const xml = execFileSync('pdftohtml', ['-xml', '-stdout', file, path.join(dir, 'drawn')], { encoding: 'utf8', cwd: dir })
  const out: { page: number; x0: number; y0: number; x1: number; y1: number }[] = []
  let page = 0
  let scale = 1
  for (const line of xml.split('\n')) {
    const p = /<page number="(\d+)"[^>]*height="(\d+)"/.exec(line)
    if (p) {
      page = Number(p[1])
      scale = Number(p[2]) / 841.89
    }
    const m = /<image top="(\d+)" left="(\d+)" width="(\d+)" height="(\d+)"/.exec(line)
    if (m) {
      const [top, left, width, height] = m.slice(1).map((v) => Number(v) / scale)
      out.push({ page, x0: left, y0: top, x1: left + width, y1: top + height })
    }
  }
  return out
}
