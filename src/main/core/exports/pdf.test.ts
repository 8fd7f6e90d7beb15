import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { dossierOf } from '../../../shared/dossier'
import { dossierDocument, renderDossierBatch } from './dossier-pdf'
import { discoverPdfFonts, hasTrueTypeOutlines, pdfFonts } from './fonts'
import { villagesSpec } from './layouts/villages'
import { renderPdf } from './pdf'
import { tableDocument } from './pdf-table'
import { cancelledBatch } from './testing/batch-cancel'
import { keepArtifact, pdfFontsOf, pdfInfo, pdfText, tempDir } from './testing/files'
import { imageBoxes, photoPixels, pdfImages, pixelDistance, samplePhoto } from './testing/photos'
import { overlappingWords, wordBoxes } from './testing/pdf-boxes'
import { sampleDossier } from './testing/sample-dossier'
import { village } from './testing/sample-rows'

let dir: string
beforeEach(() => {
  dir = tempDir()
})
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }))

const write = (name: string, bytes: Buffer): string => {
  const file = path.join(dir, name)
  fs.writeFileSync(file, bytes)
  return file
}
/** pdftotext -layout spaces out wide cells; compare without spaces. */
const squeeze = (s: string): string => s.replace(/\s+/g, '')

describe('PDF fonts', () => {
  it('falls back to the Noto Serif SC shipped with the app when no official font is installed', () => {
    const fonts = discoverPdfFonts([dir])
    expect(fonts.source).toBe('bundled')
    expect(fs.existsSync(fonts.body.normal.file)).toBe(true)
    expect(hasTrueTypeOutlines(fonts.body.normal.file)).toBe(true)
  })

  it('prefers the office fonts found on the system, by their Windows file names', () => {
    const bundled = discoverPdfFonts([dir]).body.normal.file
    fs.mkdirSync(path.join(dir, 'win'))
    fs.symlinkSync(bundled, path.join(dir, 'win', 'SIMFANG.TTF'))
    fs.symlinkSync(bundled, path.join(dir, 'win', 'simhei.ttf'))
    const fonts = discoverPdfFonts([dir])
    expect(fonts).toMatchObject({ source: 'system', body: { name: '仿宋' }, heading: { name: '黑体' } })
  })

  it('passes over CFF-based OpenType collections pdfkit cannot embed', () => {
    const cff = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc'
    if (!fs.existsSync(cff)) return
    expect(hasTrueTypeOutlines(cff)).toBe(false)
    fs.symlinkSync(cff, path.join(dir, 'simsun.ttc'))
    expect(discoverPdfFonts([dir]).source).toBe('bundled')
  })
})

describe('table PDF', () => {
  it('prints the 村社台账 on landscape A4 with the header repeated on every page and the font embedded', async () => {
    const rows = Array.from({ length: 60 }, (_, i) => village(i + 1, { note: i === 59 ? '最后一行' : '' }))
    const file = write('villages.pdf', await renderPdf(tableDocument(villagesSpec({ unit: '青山镇', date: '2026-03-01' }), rows), pdfFonts()))
    const info = pdfInfo(file)
    expect(info.pages).toBeGreaterThanOrEqual(2)
    expect(Math.round(info.width)).toBe(842)
    expect(Math.round(info.height)).toBe(595)
    const first = squeeze(pdfText(file, 1))
    expect(first).toContain('青山镇2026年村(社区)“两委”换届村社台账')
    expect(first).toContain('填报单位（盖章）：青山镇')
    expect(first).toContain('日期：2026年3月1日')
    expect(first).toContain('东岭1村')
    expect(first).toContain(`第1页共${info.pages}页`)
    const last = squeeze(pdfText(file, info.pages))
    expect(last).toContain('村(社区)名称')
    expect(last).toContain('包村')
    expect(last).toContain('最后一行')
    const fonts = pdfFontsOf(file)
    expect(fonts.length).toBeGreaterThan(0)
    expect(fonts.every((f) => f.embedded && f.subset)).toBe(true)
  })

  it('never splits a row across pages', async () => {
    const long = '很长的备注'.repeat(40)
    const rows = Array.from({ length: 30 }, (_, i) => village(i + 1, { note: `${i + 1}号${long}` }))
    const file = write('long.pdf', await renderPdf(tableDocument(villagesSpec({ unit: '青山镇', date: '2026-03-01' }), rows), pdfFonts()))
    const pages = pdfInfo(file).pages
    for (let p = 1; p <= pages; p++) {
      const text = squeeze(pdfText(file, p))
      // A row's 序号 and its village name are on the same page as the end of its note.
      for (const m of text.matchAll(/东岭(\d+)村/g)) expect(text).toContain(`${m[1]}号很长的备注`)
    }
  })
})

describe('人选登记表', () => {
  it('prints every field in Chinese on the two A4 pages of the 干部任免审批表, fonts embedded, and keeps a picture of it', async () => {
    const d = { ...sampleDossier(), dismissedPost: '东岭村村民委员会副主任', appointmentReason: '换届选举需要' }
    const file = write('dossier.pdf', await renderPdf(dossierDocument(d), pdfFonts()))
    expect(pdfInfo(file)).toMatchObject({ pages: 2 })
    // Page 1 is the person and the 简历; page 2 starts at 奖惩情况.
    expect(squeeze(pdfText(file, 1))).toContain('1998.09--2002.07')
    expect(squeeze(pdfText(file, 1))).not.toContain('奖惩')
    expect(squeeze(pdfText(file, 2))).toContain('奖惩')
    // 呈报单位, 审批机关意见 and 行政任免机关意见 each with its seal and a date line.
    const page2 = squeeze(pdfText(file, 2))
    expect(page2.match(/（盖章）/g)?.length).toBe(3)
    expect(page2.match(/年月日/g)?.length).toBe(3)
    expect(Math.round(pdfInfo(file).width)).toBe(595)
    const text = squeeze(pdfText(file))
    for (const field of [
      '村(社区)“两委”换届人选登记表', '姓名', '王建国', '性别', '男', '出生年月', '1980.05', '(45岁)', '民族', '汉族', '籍贯', '浙江临安',
      '出生地', '入党', '2003.06', '参加工', '2002.07', '健康状况', '健康', '专业技', '农艺师', '熟悉专业', '农村经济管理', '全日制',
      '大学本科', '管理学学士', '毕业院校', '浙江农林大学农业经济管理专业', '在职', '研究生', '中共浙江省委党校经济管理专业', '现任职务',
      '东岭村党支部书记、村民委员会主任', '拟任职务', '（一肩挑）人选', '简', '1998.09--2002.07', '奖惩', '优秀共产党员', '年度考',
      '2022年优秀', '家庭主要', '称谓', '妻子', '李秀英', '1982.03', '共青团员', '杭州市临安中学学生', '资格联审', '未发现不能或不宜人选情形',
      '考察', '群众基础扎实', '会审', '三级会审', '呈报', '中共青山镇委员会', '拟免职务', '东岭村村民委员会副主任', '任免', '换届选举需要', '审批机', '行政任免', '盖章', '年月日', '填表人：张晓燕', '填表时间：2026年3月1日', '照'
    ]) {
      expect(text, field).toContain(field)
    }
    expect(text).not.toContain('\uFFFD')
    expect(pdfFontsOf(file).every((f) => f.embedded && f.subset)).toBe(true)
    const picture = keepArtifact('dossier-page')
    execFileSync('pdftoppm', ['-png', '-r', '80', file, picture])
    expect(fs.statSync(`${picture}-1.png`).size).toBeGreaterThan(10_000)
  })

  it('counts the age on the form’s reference date', async () => {
    for (const [on, age] of [['2026-05-11', 45], ['2026-05-12', 46]] as const) {
      const d = dossierOf({ name: '赵一', birthDate: '1980-05-12', referenceDate: on })
      const text = squeeze(pdfText(write('age.pdf', await renderPdf(dossierDocument(d), pdfFonts()))))
      expect(text).toContain('1980.05')
      expect(text).toContain(`(${age}岁)`)
    }
  })

  it('keeps a long 简历 and seven relatives apart: family header with its rows, no overlap, no page of seals alone', async () => {
    const relatives = Array.from({ length: 7 }, (_, k) => ({
      relation: ['妻子', '儿子', '女儿', '父亲', '母亲', '哥哥', '妹妹'][k],
      name: `亲属${k + 1}号`,
      birthDate: `19${60 + k}-0${1 + k}`,
      politicalStatus: '群众',
      workplace: `青山镇第${k + 1}村村民`
    }))
    for (const lines of [20, 27, 28, 30, 45, 70]) {
      const d = { ...sampleDossier(0, lines), family: relatives, photo: `data:image/png;base64,${samplePhoto(lines).toString('base64')}` }
      const file = write(`long-${lines}.pdf`, await renderPdf(dossierDocument(d), pdfFonts()))
      const words = wordBoxes(file)
      // Lines of one cell are set at 0.92 of Noto Serif SC's tall font box, so their boxes touch by 1.2 pt; anything more is an overlap.
      expect(overlappingWords(words, 2), `${lines} lines`).toEqual([])
      const pageOf = (text: string) => [...new Set(words.filter((w) => w.text.includes(text)).map((w) => w.page))]
      // Every page with a relative on it carries the columns' names and the block's label.
      const relativePages = new Set(relatives.flatMap((r) => pageOf(r.name)))
      expect(relativePages.size, `${lines} lines`).toBeGreaterThan(0)
      for (const p of relativePages) {
        expect(pageOf('称谓'), `${lines} lines`).toContain(p)
        expect(pageOf('家庭主要'), `${lines} lines`).toContain(p)
      }
      // The seals sit on the page of the last relative, never on a page of their own.
      expect(pageOf('审批机'), `${lines} lines`).toEqual(pageOf('亲属7号'))
      expect(pageOf('行政任免'), `${lines} lines`).toEqual(pageOf('亲属7号'))
      expect(pageOf('填表人'), `${lines} lines`).toEqual(pageOf('亲属7号'))
      // The last 简历 line is on a page before or with 奖惩情况, never beside the family block's label.
      const last = `${2000 + lines - 1}.01--${2000 + lines - 1}.12`
      expect(Math.max(...pageOf(last))).toBeLessThanOrEqual(Math.min(...pageOf('奖惩')))
      const lastLine = words.find((w) => w.text.startsWith(last))!
      const label = words.find((w) => w.text.includes('家庭主要'))!
      if (lastLine.page === label.page) expect(lastLine.y1).toBeLessThan(label.y0)
    }
    const picture = keepArtifact('dossier-30-lines-7-relatives')
    execFileSync('pdftoppm', ['-png', '-r', '60', write('l30.pdf', fs.readFileSync(path.join(dir, 'long-30.pdf'))), picture])
  })

  it('keeps the photo inside its box', async () => {
    const file = write('photo.pdf', await renderPdf(dossierDocument({ ...sampleDossier(), photo: `data:image/png;base64,${samplePhoto(5, 400, 500).toString('base64')}` }), pdfFonts()))
    const words = wordBoxes(file).filter((w) => w.page === 1)
    const list = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }).trim().split('\n').slice(2)
    expect(list.length).toBe(1)
    // The photo box is the last column of the first four rows: it ends above the 学历 row's words.
    const fullTime = words.find((w) => w.text.includes('全日制'))!
    const [image] = imageBoxes(file, dir)
    expect(image.y1).toBeLessThan(fullTime.y0 - 4)
    expect(image.x1).toBeLessThanOrEqual(595.28 - 28 - 3)
    expect((image.x1 - image.x0) / (image.y1 - image.y0)).toBeCloseTo(0.8, 2)
  })

  it('lets a 40-line 简历 run onto a second page with the rest of the grid after it', async () => {
    const d = sampleDossier(0, 40)
    const file = write('long.pdf', await renderPdf(dossierDocument(d), pdfFonts()))
    expect(pdfInfo(file).pages).toBe(3)
    const first = squeeze(pdfText(file, 1))
    const second = squeeze(pdfText(file, 2))
    expect(first).toContain('1998.09--2002.07')
    expect(second).toContain('2039.01--2039.12')
    // The grid goes on after the resume on page 2, the family block and the seals together after it: every later row, in order.
    const rest = squeeze(pdfText(file, 2, 3))
    const order = ['2039.01--2039.12', '年度考', '任免', '资格联审', '会审', '称谓', '呈报', '审批机', '填表人'].map((t) => rest.indexOf(t))
    expect(order.every((i) => i >= 0)).toBe(true)
    expect([...order].sort((a, b) => a - b)).toEqual(order)
    expect(squeeze(pdfText(file, 3))).toContain('第3页共3页')
    const picture = keepArtifact('dossier-long-page2')
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '2', '-l', '2', '-singlefile', file, picture])
  })

  it('puts a batch into one PDF: a cover list, then each form in order', async () => {
    const list = [sampleDossier(1), sampleDossier(2, 40), sampleDossier(3)].map((d, i) => ({
      ...d,
      photo: `data:image/png;base64,${samplePhoto(i).toString('base64')}`
    }))
    const file = write('batch.pdf', await renderDossierBatch(list, { scope: '东岭村', unit: '青山镇', date: '2026-03-01' }, pdfFonts()))
    expect(pdfInfo(file).pages).toBe(1 + 2 + 3 + 2)
    const cover = squeeze(pdfText(file, 1))
    expect(cover).toContain('东岭村村(社区)“两委”换届人选登记表')
    expect(cover).toContain('（共3人）')
    expect(cover.indexOf('王建国1')).toBeLessThan(cover.indexOf('王建国2'))
    expect(squeeze(pdfText(file, 2))).toContain('王建国1')
    expect(squeeze(pdfText(file, 4))).toContain('王建国2')
    expect(squeeze(pdfText(file, 4))).toContain('第1页共3页')
    expect(squeeze(pdfText(file, 7))).toContain('王建国3')
    expect(pdfFontsOf(file).length).toBe(2)
    // Each form its own photo, exactly, on its own first page.
    const images = pdfImages(file, fs.mkdtempSync(path.join(dir, 'img-')))
    expect(images.map((m) => m.page)).toEqual([2, 4, 7])
    images.forEach((m, i) => expect(pixelDistance(m.pixels, photoPixels(i)), `form ${i + 1}`).toBe(0))
  })

  it('reports progress per form and stops when cancelled', async () => {
    const list = Array.from({ length: 200 }, (_, i) => sampleDossier(i))
    const run = await cancelledBatch((job) => renderDossierBatch(list, { scope: '青山镇', unit: '青山镇', date: '2026-03-01' }, pdfFonts(), job))
    expect(run.state).toBe('cancelled')
    expect(run.seen).toEqual([1, 2, 3, 4, 5])
  })
})
