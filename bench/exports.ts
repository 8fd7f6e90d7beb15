import ExcelJS from 'exceljs'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { dossierDocument } from '../src/main/core/exports/dossier-pdf'
import { pdfFonts } from '../src/main/core/exports/fonts'
import { renderPdf } from '../src/main/core/exports/pdf'
import { ExportService } from '../src/main/core/exports/service'
import { seedTownship } from '../src/main/core/exports/testing/sample-candidates'
import { sampleDossier } from '../src/main/core/exports/testing/sample-dossier'
import { JobRunner } from '../src/main/core/jobs'
import { Store } from '../src/main/core/store'
import { registerVoters, townshipVoters } from '../tests/fixtures/voters'

const VOTERS = 100_000
const VILLAGES = 40
const DOSSIERS = 500
const TARGET = { dossiersSeconds: 15, votersSeconds: 3, votersMegabytes: 300 }

/** Peak resident memory while `work` runs, sampled every 20 ms. */
async function measure<T>(work: () => Promise<T>): Promise<{ result: T; seconds: number; peakMb: number }> {
  let peak = process.memoryUsage().rss
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20)
  const t = performance.now()
  try {
    const result = await work()
    peak = Math.max(peak, process.memoryUsage().rss)
    return { result, seconds: (performance.now() - t) / 1000, peakMb: peak / 2 ** 20 }
  } finally {
    clearInterval(timer)
  }
}

const line = (label: string, value: string, target?: string, ok?: boolean) =>
  console.log(`  ${label.padEnd(34)} ${value.padStart(12)}${target ? `   目标 ${target} ${ok ? '达标' : '未达标'}` : ''}`)

/** 100,000 voters into one xlsx and 500 dossiers into one PDF, each beside a baseline from the same run. */
export async function benchExports(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'huanjie-bench-'))
  try {
    console.log(`导出基准（${os.cpus().length} 核，Node ${process.version}）`)

    const store = Store.fileStore(path.join(dir, 'office.db'), { actor: 'bench' })
    const { villageIds, rows } = townshipVoters(store, VOTERS, VILLAGES)
    registerVoters(store, rows)
    rows.length = 0
    const exporter = new ExportService(store, new JobRunner())

    // The same rows from the same file database through exceljs's streaming writer, without styles.
    const base = await measure(async () => {
      const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path.join(dir, 'plain.xlsx'), useStyles: false, useSharedStrings: false })
      const ws = wb.addWorksheet('选民名单')
      const select = store.db.prepare(
        `SELECT g.name AS village, v.group_name, p.name, p.sex, p.birth_date, v.category, v.note FROM voters v
         JOIN persons p ON p.id = v.person_id JOIN villages g ON g.id = v.village_id ORDER BY v.village_id, v.group_name, v.id`
      )
      let i = 0
      for (const r of select.iterate() as Iterable<Record<string, unknown>>) ws.addRow([++i, ...Object.values(r)]).commit()
      ws.commit()
      await wb.commit()
    })
    // The real path: ExportService (as exports.file / the CLI call it) reads the register page by page
    // and writes the official sheet through the streaming writer.
    const before = process.memoryUsage().rss / 2 ** 20
    const sheet = await measure(() => exporter.file({ table: 'voters', format: 'xlsx', villageId: null }))
    const bytes = Buffer.from(sheet.result.base64, 'base64').length
    console.log(`\n选民名单 ${VOTERS.toLocaleString()} 行 xlsx（${VILLAGES} 个村全乡镇，文件数据库，真实导出路径）`)
    line('基线：同库读取 + exceljs 流式无样式', `${base.seconds.toFixed(2)} s`)
    line('正式表格（ExportService）', `${sheet.seconds.toFixed(2)} s`, `≤ ${TARGET.votersSeconds} s`, sheet.seconds <= TARGET.votersSeconds)
    line('相对基线', `×${(sheet.seconds / base.seconds).toFixed(2)}`)
    line('进程内存峰值', `${sheet.peakMb.toFixed(0)} MB`, `≤ ${TARGET.votersMegabytes} MB`, sheet.peakMb <= TARGET.votersMegabytes)
    line('其中导出前已占用（含填库）', `${before.toFixed(0)} MB`)
    line('文件大小', `${(bytes / 2 ** 20).toFixed(1)} MB`)
    const villagePdf = await measure(() => exporter.file({ table: 'voters', format: 'pdf', villageId: villageIds[0] }))
    line(`一个村 ${(VOTERS / VILLAGES).toLocaleString()} 人 PDF`, `${villagePdf.seconds.toFixed(2)} s`)
    store.close()

    // The real path: a file database of 50 villages × 10 candidates (full records, one photo per village),
    // each form read from the register as the batch job lays it out.
    const fonts = pdfFonts()
    const candidatesDb = Store.fileStore(path.join(dir, 'candidates.db'))
    try {
      seedTownship(candidatesDb, DOSSIERS / 10, 10, 8)
      const exporter = new ExportService(candidatesDb, new JobRunner())
      await renderPdf(dossierDocument(sampleDossier(0, 8)), fonts)
      const one = await measure(() => renderPdf(dossierDocument(sampleDossier(1, 8)), fonts))
      const batch = await measure(() => exporter.file({ table: 'dossier', format: 'pdf', villageId: null }))
      const size = Buffer.from(batch.result.base64, 'base64').length
      console.log(`\n人选登记表 ${DOSSIERS} 份合成一个 PDF（数据库中 ${DOSSIERS} 名人选；字体：${fonts.body.name}，${fonts.source === 'system' ? '系统字体' : '随软件附带'}）`)
      line('基线：单份 × 500（外推）', `${(one.seconds * DOSSIERS).toFixed(2)} s`)
      line('批量（读库、封面名单）', `${batch.seconds.toFixed(2)} s`, `≤ ${TARGET.dossiersSeconds} s`, batch.seconds <= TARGET.dossiersSeconds)
      line('相对基线', `×${(batch.seconds / (one.seconds * DOSSIERS)).toFixed(2)}`)
      line('每份', `${((batch.seconds / DOSSIERS) * 1000).toFixed(1)} ms`)
      line('进程内存峰值', `${batch.peakMb.toFixed(0)} MB`)
      line('文件大小', `${(size / 2 ** 20).toFixed(1)} MB`)
    } finally {
      candidatesDb.close()
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

if (require.main === module) {
  benchExports().catch((e) => {
    console.error(e)
    process.exit(1)
  })
}
