import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import JSZip from 'jszip'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { renderDossierDocx } from './dossier-docx'
import { keepArtifact, pdfInfo, pdfText, tempDir } from './testing/files'
import { samplePhoto } from './testing/photos'
import { sampleDossier } from './testing/sample-dossier'

let dir: string
beforeEach(() => {
  dir = tempDir()
})
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }))

/** Whether LibreOffice can open Word files here (its Writer is installed, not Calc alone). */
const writerAvailable = (): boolean => fs.existsSync('/usr/lib/libreoffice/program/libswlo.so')

describe('人选登记表 as Word', () => {
  it('puts a batch of three into one document, a section per person, each with their own photo', async () => {
    const photos = [0, 1, 2].map((i) => samplePhoto(20 + i))
    const list = photos.map((p, i) => ({ ...sampleDossier(i + 1, i === 1 ? 30 : 8), photo: `data:image/png;base64,${p.toString('base64')}` }))
    const bytes = await renderDossierDocx({ count: 3, form: (i) => list[i] })
    const zip = await JSZip.loadAsync(bytes)
    const document = await zip.file('word/document.xml')!.async('string')
    const rels = await zip.file('word/_rels/document.xml.rels')!.async('string')
    const target = new Map([...rels.matchAll(/<Relationship [^>]*Id="([^"]+)"[^>]*Target="([^"]+)"/g)].map((m) => [m[1], m[2]]))
    // Sections end with their w:sectPr: split the body there and read each part's picture and name.
    const sections = document.split(/<w:sectPr[\s\S]*?<\/w:sectPr>/).slice(0, 3)
    expect(sections.length).toBe(3)
    for (const [i, part] of sections.entries()) {
      const embeds = [...part.matchAll(/r:embed="([^"]+)"/g)].map((m) => m[1])
      expect(embeds.length, `form ${i + 1}`).toBe(1)
      const media = await zip.file(`word/${target.get(embeds[0])}`)!.async('nodebuffer')
      expect(media.equals(photos[i]), `form ${i + 1} shows its own photo`).toBe(true)
      expect(part).toContain(`王建国${i + 1}`)
      for (const label of ['拟免职务', '任免', '审批机', '行政任免', '（盖章）', '家庭主要']) expect(part).toContain(label)
    }
    // Real table cells, merged as the form merges, in 仿宋.
    expect(document).toContain('<w:tbl>')
    expect(document).toContain('w:vMerge')
    expect(document).toContain('w:gridSpan')
    // 仿宋 is the document's own font (its default style), so the runs set at it need not repeat it.
    const styles = await zip.file('word/styles.xml')!.async('string')
    expect(styles).toContain('w:eastAsia="仿宋"')
    expect(document).not.toMatch(/w:eastAsia="(?!仿宋|宋体)/)
    expect(document).toContain('<w:tblHeader/>')

    const file = path.join(dir, 'batch.docx')
    fs.writeFileSync(file, bytes)
    if (!writerAvailable()) return
    execFileSync('soffice', [`-env:UserInstallation=file://${dir}/lo`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file], { stdio: 'ignore', timeout: 240_000 })
    const pdf = path.join(dir, 'batch.pdf')
    const pages = pdfInfo(pdf).pages
    expect(pages).toBeGreaterThanOrEqual(6)
    const text = pdfText(pdf).replace(/\s+/g, '')
    for (const name of ['王建国1', '王建国2', '王建国3']) expect(text).toContain(name)
    execFileSync('pdftoppm', ['-png', '-r', '60', pdf, keepArtifact('dossier-docx')])
  })
})
