import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { renderDossierDocx } from '../src/main/core/exports/dossier-docx'
import { dossierDocument } from '../src/main/core/exports/dossier-pdf'
import { pdfFonts } from '../src/main/core/exports/fonts'
import { renderPdf } from '../src/main/core/exports/pdf'
import { samplePhoto } from '../src/main/core/exports/testing/photos'
import { seedTownship } from '../src/main/core/exports/testing/sample-candidates'
import { sampleDossier } from '../src/main/core/exports/testing/sample-dossier'
import { buildServices } from '../src/main/core/services'
import { Store } from '../src/main/core/store'
import { tuneHeapForForms } from '../src/main/heap'
import { inProcess as measure } from './measure-client'

// As the app's processes run (src/main/cli.ts, src/main/electron/main.ts).
tuneHeapForForms()

const DOSSIERS = 500
const SINGLES = 5
const TARGET = { pdfSeconds: 10, docxSeconds: 10 }


const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const line = (label: string, value: string, target?: string, ok?: boolean) =>
  console.log(`  ${label.padEnd(34)} ${value.padStart(12)}${target ? `   目标 ${target} ${ok ? '达标' : '未达标'}` : ''}`)

/** A form with its own photo, as the baseline renders it alone. */
const form = (i: number) => ({ ...sampleDossier(i, 8), photo: `data:image/png;base64,${samplePhoto(i).toString('base64')}` })

/**
 * 500 人选登记表 from a file database (50 villages × 10 candidates, full records, each person their own photo),
 * each form read from the register as the batch lays it out; as PDF and as Word. Beside each, the same run's
 * baseline: the median of single forms rendered alone, times 500.
 */
export async function benchDossiers(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'huanjie-bench-'))
  const fonts = pdfFonts()
  const db = Store.fileStore(path.join(dir, 'candidates.db'))
  try {
    console.log(`人选登记表基准（${os.cpus().length} 核，Node ${process.version}；字体：${fonts.body.name}，${fonts.source === 'system' ? '系统字体' : '随软件附带'}）`)
    seedTownship(db, DOSSIERS / 10, 10, 8)
    const exporter = buildServices(db).exports
    await renderPdf(dossierDocument(form(0)), fonts)
    await renderDossierDocx({ count: 1, form: () => form(0) })

    const pdfOnes: number[] = []
    for (let i = 1; i <= SINGLES; i++) pdfOnes.push((await measure(() => renderPdf(dossierDocument(form(i)), fonts))).seconds)
    const pdfBase = median(pdfOnes) * DOSSIERS
    const pdf = await measure(() => exporter.file({ table: 'dossier', format: 'pdf', villageId: null }))
    console.log(`\n${DOSSIERS} 份合成一个 PDF（封面名单 + 每人两页起）`)
    line(`基线：单份中位数 × ${DOSSIERS}（外推）`, `${pdfBase.toFixed(2)} s`)
    line('批量（读库、封面名单）', `${pdf.seconds.toFixed(2)} s`, `≤ ${TARGET.pdfSeconds} s`, pdf.seconds <= TARGET.pdfSeconds)
    line('相对基线', `×${(pdf.seconds / pdfBase).toFixed(2)}`)
    line('进程内存峰值', `${pdf.peakMb.toFixed(0)} MB`)
    line('文件大小', `${(Buffer.from(pdf.result.base64, 'base64').length / 2 ** 20).toFixed(1)} MB`)

    const docxOnes: number[] = []
    for (let i = 1; i <= SINGLES; i++) docxOnes.push((await measure(() => renderDossierDocx({ count: 1, form: () => form(i) }))).seconds)
    const docxBase = median(docxOnes) * DOSSIERS
    const docx = await measure(() => exporter.file({ table: 'dossier', format: 'docx', villageId: null }))
    console.log(`\n${DOSSIERS} 份合成一个 Word（每人一节）`)
    line(`基线：单份中位数 × ${DOSSIERS}（外推）`, `${docxBase.toFixed(2)} s`)
    line('批量（读库）', `${docx.seconds.toFixed(2)} s`, `≤ ${TARGET.docxSeconds} s`, docx.seconds <= TARGET.docxSeconds)
    line('相对基线', `×${(docx.seconds / docxBase).toFixed(2)}`)
    line('进程内存峰值', `${docx.peakMb.toFixed(0)} MB`)
    line('文件大小', `${(Buffer.from(docx.result.base64, 'base64').length / 2 ** 20).toFixed(1)} MB`)
  } finally {
    db.close()
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

if (require.main === module) {
  benchDossiers().catch((e) => {
    console.error(e)
    process.exit(1)
  })
}
