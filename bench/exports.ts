import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { dossierDocument } from '../src/main/core/exports/dossier-pdf'
import { pdfFonts } from '../src/main/core/exports/fonts'
import { renderPdf } from '../src/main/core/exports/pdf'
import { seedTownship } from '../src/main/core/exports/testing/sample-candidates'
import { sampleDossier } from '../src/main/core/exports/testing/sample-dossier'
import { Store } from '../src/main/core/store'
import { registerVoters, townshipVoters } from '../tests/fixtures/voters'
import { measure as fresh, median, type Measured } from './measure-client'
import { buildServices } from '../src/main/core/services'

const VOTERS = 100_000
const VILLAGES = 40
const DOSSIERS = 500
const ROUNDS = 3
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
    store.close()
    // Each side in a fresh process of its own, so the peak memory is the export's and not the filling's:
    // the baseline writes the same rows from the same file unstyled; the real path is `huanjie export voters`.
    const db = path.join(dir, 'office.db')
    const out = path.join(dir, '选民名单.xlsx')
    // This machine's speed drifts from minute to minute: the two sides take turns, and each side's median counts.
    const bases: Measured[] = []
    const sheets: Measured[] = []
    for (let round = 0; round < ROUNDS; round++) {
      bases.push(fresh('plain-sheet', db, path.join(dir, 'plain.xlsx')))
      const sheet = fresh('cli', 'export', 'voters', '--db', db, '--out', out, '--json')
      if (sheet.code !== 0) throw new Error(`export failed: ${sheet.out}`)
      sheets.push(sheet)
    }
    const base = { ms: median(bases.map((m) => m.ms)) }
    const sheet = { ms: median(sheets.map((m) => m.ms)) }
    const peak = (ms: Measured[]) => Math.max(...ms.map((m) => m.maxRssMb))
    const runs = (ms: Measured[]) => ms.map((m) => (m.ms / 1000).toFixed(2)).join('、')
    console.log(`\n选民名单 ${VOTERS.toLocaleString()} 行 xlsx（${VILLAGES} 个村全乡镇，文件数据库，huanjie export voters，各自独立进程，两侧交替各 ${ROUNDS} 次取中位数）`)
    line('基线：同库读取 + exceljs 流式无样式', `${(base.ms / 1000).toFixed(2)} s`)
    console.log(`    （${runs(bases)} s）`)
    line('正式表格（huanjie export voters）', `${(sheet.ms / 1000).toFixed(2)} s`, `≤ ${TARGET.votersSeconds} s`, sheet.ms / 1000 <= TARGET.votersSeconds)
    console.log(`    （${runs(sheets)} s）`)
    line('相对基线', `×${(sheet.ms / base.ms).toFixed(2)}`)
    line('进程内存峰值（基线）', `${peak(bases).toFixed(0)} MB`)
    line('进程内存峰值（导出）', `${peak(sheets).toFixed(0)} MB`, `≤ ${TARGET.votersMegabytes} MB`, peak(sheets) <= TARGET.votersMegabytes)
    line('文件大小', `${(fs.statSync(out).size / 2 ** 20).toFixed(1)} MB`)
    const reopened = Store.fileStore(db)
    const exporter = buildServices(reopened).exports
    const villagePdf = await measure(() => exporter.file({ table: 'voters', format: 'pdf', villageId: villageIds[0] }))
    line(`一个村 ${(VOTERS / VILLAGES).toLocaleString()} 人 PDF`, `${villagePdf.seconds.toFixed(2)} s`)
    reopened.close()

    // The real path: a file database of 50 villages × 10 candidates (full records, one photo per village),
    // each form read from the register as the batch job lays it out.
    const fonts = pdfFonts()
    const candidatesDb = Store.fileStore(path.join(dir, 'candidates.db'))
    try {
      seedTownship(candidatesDb, DOSSIERS / 10, 10, 8)
      const exporter = buildServices(candidatesDb).exports
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
