import { Document, Packer, Paragraph, TextRun } from 'docx'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { DossierData } from '../src/shared/dossier'
import { documentStyles } from '../src/main/core/exports/docx-parts'
import { pdfFonts } from '../src/main/core/exports/fonts'
import { IncrementalPdf } from '../src/main/core/exports/pdf'
import { seedTownship } from '../src/main/core/exports/testing/sample-candidates'
import { sampleDossier } from '../src/main/core/exports/testing/sample-dossier'
import { tuneHeapForForms } from '../src/main/heap'
import { buildServices } from '../src/main/core/services'
import { Store } from '../src/main/core/store'
import { inProcess as measure, measure as inFreshProcess } from './measure-client'

// As the app's processes run (src/main/cli.ts, src/main/electron/main.ts).
tuneHeapForForms()

const DOSSIERS = 500
const TARGET = { pdfSeconds: 10, docxSeconds: 10 }

const line = (label: string, value: string, target?: string, ok?: boolean) =>
  console.log(`  ${label.padEnd(34)} ${value.padStart(16)}${target ? `   目标 ${target} ${ok ? '达标' : '未达标'}` : ''}`)
const timing = (m: { seconds: number; cpuSeconds: number }) => `${m.seconds.toFixed(2)} s（CPU ${m.cpuSeconds.toFixed(2)} s）`

/** What the baselines print of a form: its text, without the grid, the photo or the seals. */
const plainText = (d: DossierData): string[] => [d.name, d.currentPost, d.proposedPost, ...d.resume, d.rewards, d.appointmentReason]

/** The same 500 forms' text as plain pages through the same PDF engine and fonts: two pages each, no table. */
async function plainPdf(forms: DossierData[]): Promise<Buffer> {
  const pdf = new IncrementalPdf(pdfFonts(), { info: { title: '基线', creator: '换届工作台', producer: '换届工作台' }, pageSize: 'A4', pageMargins: [28, 34, 28, 34], defaultStyle: { font: 'Body', fontSize: 10.5 } })
  for (const d of forms) pdf.add([{ text: plainText(d).join('\n') }, { text: d.family.map((f) => `${f.relation} ${f.name} ${f.workplace}`).join('\n'), pageBreak: 'before' }])
  return pdf.finish()
}

/** The same text as bare paragraphs, a section per form, through the same docx Packer. */
function plainDocx(forms: DossierData[]): Promise<Buffer> {
  const sections = forms.map((d) => ({ children: plainText(d).map((t) => new Paragraph({ children: [new TextRun(t)] })) }))
  return Packer.toBuffer(new Document({ styles: documentStyles, sections }))
}

/**
 * 500 人选登记表 from a file database (50 villages × 10 candidates, full records, each person their own photo),
 * each form read from the register as the batch lays it out; as PDF and as Word. Beside each, the same run's
 * baseline: the same forms' text as plain pages through the same engine (PDF: the same fonts; Word: the same
 * Packer), so the ratio says what the grid costs whatever this machine's speed.
 */
export async function benchDossiers(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'huanjie-bench-'))
  const fonts = pdfFonts()
  const db = Store.fileStore(path.join(dir, 'candidates.db'))
  try {
    console.log(`人选登记表基准（${os.cpus().length} 核，Node ${process.version}；字体：${fonts.body.name}，${fonts.source === 'system' ? '系统字体' : '随软件附带'}；负载 ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}）`)
    seedTownship(db, DOSSIERS / 10, 10, 8)
    const exporter = buildServices(db).exports
    const forms = Array.from({ length: DOSSIERS }, (_, i) => sampleDossier(i, 8))
    // Warm both engines once (fonts read, code compiled), as a running app has.
    await plainPdf(forms.slice(0, 5))
    await exporter.file({ table: 'dossier', format: 'pdf', villageId: 1 })

    const pdfBase = await measure(() => plainPdf(forms))
    const pdf = await measure(() => exporter.file({ table: 'dossier', format: 'pdf', villageId: null }))
    console.log(`\n${DOSSIERS} 份合成一个 PDF（封面名单 + 每人两页起）`)
    line(`基线：同样 ${DOSSIERS} 份的文字排成纯文本页`, timing(pdfBase))
    line('批量（读库、封面名单、表格、照片；两线程，源码经 tsx）', timing(pdf), `≤ ${TARGET.pdfSeconds} s`, pdf.seconds <= TARGET.pdfSeconds)
    line('相对基线', `×${(pdf.seconds / pdfBase.seconds).toFixed(2)}`)
    line('进程内存峰值', `${pdf.peakMb.toFixed(0)} MB`)
    line('文件大小', `${(Buffer.from(pdf.result.base64, 'base64').length / 2 ** 20).toFixed(1)} MB`)

    await plainDocx(forms.slice(0, 5))
    await exporter.file({ table: 'dossier', format: 'docx', villageId: 1 })
    const docxBase = await measure(() => plainDocx(forms))
    const docx = await measure(() => exporter.file({ table: 'dossier', format: 'docx', villageId: null }))
    console.log(`\n${DOSSIERS} 份合成一个 Word（每人一节）`)
    line(`基线：同样 ${DOSSIERS} 份的文字作纯段落`, timing(docxBase))
    line('批量（读库、表格、照片）', timing(docx), `≤ ${TARGET.docxSeconds} s`, docx.seconds <= TARGET.docxSeconds)
    line('相对基线', `×${(docx.seconds / docxBase.seconds).toFixed(2)}`)
    line('进程内存峰值', `${docx.peakMb.toFixed(0)} MB`)
    line('文件大小', `${(Buffer.from(docx.result.base64, 'base64').length / 2 ** 20).toFixed(1)} MB`)

    // The product's own path: the built CLI in a fresh process, its PDF laid out on the built worker threads.
    console.log(`\n${DOSSIERS} 份，构建后的命令行（huanjie export dossier，含进程启动）`)
    for (const format of ['pdf', 'docx'] as const) {
      const r = inFreshProcess('cli', 'export', 'dossier', '--db', path.join(dir, 'candidates.db'), '--out', path.join(dir, `batch.${format}`))
      if (r.code !== 0) throw new Error(`命令行导出 ${format} 失败：${r.out}`)
      const seconds = r.ms / 1000
      line(format === 'pdf' ? 'PDF' : 'Word', `${seconds.toFixed(2)} s（CPU ${(r.cpuMs / 1000).toFixed(2)} s）`, `≤ ${TARGET[`${format}Seconds`]} s`, seconds <= TARGET[`${format}Seconds`])
      line('  进程内存峰值', `${r.maxRssMb.toFixed(0)} MB`)
    }
    console.log(`  （结束时负载 ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}）`)
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
