import fs from 'node:fs'
import path from 'node:path'
import { Worker } from 'node:worker_threads'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { workerDir } from '../thread'
import type { FromPdfThread, PdfThreadInput, ToPdfThread } from './dossier-pdf-threads'
import { pdfFonts } from './fonts'
import { pdfText, tempDir } from './testing/files'
import { pdfImages, photoPixels, pixelDistance, samplePhoto } from './testing/photos'
import { sampleDossier } from './testing/sample-dossier'

const ROOT = path.join(__dirname, '..', '..', '..', '..')
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { build: { asarUnpack: string[] } }

/** The package's patterns are a folder's whole tree (`X/**`) or one file; another form fails here until it is read. */
function staticPrefix(pattern: string): string {
  const prefix = pattern.endsWith('/**') ? pattern.slice(0, -3) : pattern
  if (/[*?{[]/.test(prefix)) throw new Error(`asarUnpack 中的式样无法识别：${pattern}`)
  return prefix
}
const matches = (rel: string, pattern: string): boolean => (pattern.endsWith('/**') ? rel.startsWith(pattern.slice(0, -2)) : rel === pattern)

function* walk(dir: string): Generator<string> {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name)
    if (e.isDirectory()) yield* walk(p)
    else yield p
  }
}

/**
 * What electron-builder puts in resources/app.asar.unpacked: the files of the app (the build in out/, the
 * production node_modules) that match the package's asarUnpack patterns, at the same relative paths.
 * Everything else stays inside app.asar, where Node's module resolution from the unpacked folder never looks.
 */
function unpack(into: string): number {
  let copied = 0
  for (const pattern of pkg.build.asarUnpack) {
    const start = path.join(ROOT, staticPrefix(pattern))
    if (!fs.existsSync(start)) continue
    const files = fs.statSync(start).isDirectory() ? [...walk(start)] : [start]
    for (const file of files) {
      const rel = path.relative(ROOT, file).split(path.sep).join('/')
      if (!matches(rel, pattern)) continue
      fs.mkdirSync(path.join(into, path.dirname(rel)), { recursive: true })
      fs.copyFileSync(file, path.join(into, rel))
      copied++
    }
  }
  return copied
}

let dir: string
let resources: string
beforeAll(() => {
  dir = tempDir()
  // An install folder as a county office's: Chinese, with a space.
  resources = path.join(dir, '换届 工作台', 'resources')
  unpack(path.join(resources, 'app.asar.unpacked'))
}, 120_000)
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

/** The worker's whole conversation: forms in, the part's PDF out. */
function runWorker(file: string, input: PdfThreadInput, forms: ToPdfThread[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(file, { workerData: input })
    worker.on('message', (m: FromPdfThread) => {
      if (m.t === 'pdf') resolve(Buffer.from(m.bytes))
      if (m.t === 'error') reject(new Error(m.message))
      if (m.t !== 'done') void worker.terminate()
    })
    worker.on('error', reject)
    worker.on('exit', (code) => reject(new Error(`线程结束，退出码 ${code}`)))
    for (const m of forms) worker.postMessage(m)
  })
}

describe('the PDF thread of a packaged app', () => {
  it('is looked for in app.asar.unpacked, on Windows, UNC and Linux install paths under Chinese folders', () => {
    expect(workerDir('C:\\Program Files\\换届工作台\\resources\\app.asar\\out\\main')).toBe('C:\\Program Files\\换届工作台\\resources\\app.asar.unpacked\\out\\main')
    expect(workerDir('D:\\软件\\换届 工作台\\resources\\app.asar\\out\\main\\chunks')).toBe('D:\\软件\\换届 工作台\\resources\\app.asar.unpacked\\out\\main\\chunks')
    expect(workerDir('\\\\fileserver\\软件\\换届工作台\\resources\\app.asar\\out\\main')).toBe('\\\\fileserver\\软件\\换届工作台\\resources\\app.asar.unpacked\\out\\main')
    expect(workerDir('/opt/换届工作台/resources/app.asar/out/main')).toBe('/opt/换届工作台/resources/app.asar.unpacked/out/main')
    // A folder merely named like the archive is not the archive.
    expect(workerDir('/home/李明/app.asar.bak/out/main')).toBe('/home/李明/app.asar.bak/out/main')
    expect(workerDir(path.join(ROOT, 'out', 'main'))).toBe(path.join(ROOT, 'out', 'main'))
  })

  it('starts from the unpacked files alone and lays out each form with its own photo', async () => {
    const main = workerDir(path.join(resources, 'app.asar', 'out', 'main'))
    const file = path.join(main, 'dossier-pdf-worker.js')
    expect(fs.existsSync(file), `${file}：先运行 electron-vite build`).toBe(true)
    const forms = [0, 1].map((i) => ({ ...sampleDossier(i, 8), name: `王${i + 1}号`, photo: `data:image/png;base64,${samplePhoto(i + 3).toString('base64')}` }))
    const bytes = await runWorker(file, { fonts: pdfFonts(), title: '青山镇人选登记表', cover: null }, [
      ...forms.map((form) => ({ t: 'form', form }) as const),
      { t: 'end' }
    ])
    const out = path.join(dir, 'packaged.pdf')
    fs.writeFileSync(out, bytes)
    const text = pdfText(out).replace(/\s+/g, '')
    expect(text).toContain('王1号')
    expect(text).toContain('王2号')
    const images = pdfImages(out, fs.mkdtempSync(path.join(dir, 'img-')))
    expect(images.map((m) => pixelDistance(m.pixels, photoPixels(3 + images.indexOf(m))))).toEqual([0, 0])
  }, 120_000)
})
