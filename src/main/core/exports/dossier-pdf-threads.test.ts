import fs from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { renderDossierBatch } from './dossier-pdf'
import { renderDossierBatchOnThreads } from './dossier-pdf-threads'
import { pdfFonts } from './fonts'
import { cancelledBatch } from './testing/batch-cancel'
import { pdfFontsOf, pdfInfo, pdfText, tempDir } from './testing/files'
import { pdfImages, photoPixels, pixelDistance, samplePhoto } from './testing/photos'
import { sampleDossier } from './testing/sample-dossier'

let dir: string
beforeEach(() => {
  dir = tempDir()
})
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }))

const COVER = { scope: '青山镇', unit: '青山镇', date: '2026-03-01' }
const squeeze = (s: string): string => s.replace(/\s+/g, '')

/** Forms that differ in name, 简历 length (so some take three pages) and photo. */
const forms = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    ...sampleDossier(i, i % 9 === 4 ? 40 : 8),
    name: `李${String(i + 1).padStart(2, '0')}号`,
    photo: `data:image/png;base64,${samplePhoto(i).toString('base64')}`
  }))

describe('a large batch of forms on two threads', () => {
  it('joins both halves in order, each form with its own photo, as the same batch laid out on one thread', async () => {
    const list = forms(42)
    const file = path.join(dir, 'threads.pdf')
    fs.writeFileSync(file, await renderDossierBatchOnThreads({ cover: list, form: (i) => list[i] }, COVER, pdfFonts()))
    const single = path.join(dir, 'single.pdf')
    fs.writeFileSync(single, await renderDossierBatch(list, COVER, pdfFonts()))

    expect(pdfInfo(file).pages).toBe(pdfInfo(single).pages)
    const pages = pdfText(file).split('\f')
    expect(pages).toEqual(pdfText(single).split('\f'))
    // Each thread embedded its own subset of both fonts: the halves really were laid out apart.
    expect(pdfFontsOf(file)).toHaveLength(4)

    const images = pdfImages(file, fs.mkdtempSync(path.join(dir, 'img-')))
    expect(images).toHaveLength(list.length)
    images.forEach((m, i) => {
      expect(squeeze(pages[m.page - 1]), `photo ${i + 1}'s page`).toContain(list[i].name)
      expect(pixelDistance(m.pixels, photoPixels(i)), `photo ${i + 1}`).toBe(0)
    })
  }, 120_000)

  it('reports progress over both threads and stops when cancelled', async () => {
    const list = forms(200)
    const run = await cancelledBatch((job) => renderDossierBatchOnThreads({ cover: list, form: (i) => list[i] }, COVER, pdfFonts(), job))
    expect(run.state).toBe('cancelled')
    expect(run.seen).toEqual([1, 2, 3, 4, 5])
    expect([...run.totals]).toEqual([200])
  }, 60_000)
})
