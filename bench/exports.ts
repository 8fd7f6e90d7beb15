import ExcelJS from 'exceljs'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { dossierDocument } from '../src/main/core/exports/dossier-pdf'
import { pdfFonts } from '../src/main/core/exports/fonts'
import { votersSpec, type VoterRow } from '../src/main/core/exports/layouts/voters'
import { streamOfficialSheet } from '../src/main/core/exports/official-sheet'
import { renderPdf } from '../src/main/core/exports/pdf'
import { ExportService } from '../src/main/core/exports/service'
import { seedTownship } from '../src/main/core/exports/testing/sample-candidates'
import { sampleDossier } from '../src/main/core/exports/testing/sample-dossier'
import { JobRunner } from '../src/main/core/jobs'
import { Store } from '../src/main/core/store'
import { checkCharacter } from '../src/shared/idcard'

const VOTERS = 100_000
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

function* voters(): Generator<VoterRow> {
  for (let i = 0; i < VOTERS; i++) {
    const first17 = `330112${1950 + (i % 50)}0${1 + (i % 9)}1${i % 10}${String(i % 1000).padStart(3, '0')}`
    yield {
      village: '东岭村',
      group: `${1 + (i % 12)}组`,
      name: `村民${i}`,
      sex: i % 2 ? '男' : '女',
      idNumber: first17 + checkCharacter(first17),
      birthDate: `${1950 + (i % 50)}-0${1 + (i % 9)}-1${i % 10}`,
      category: '户籍在本村并居住',
      note: ''
    }
  }
}

const line = (label: string, value: string, target?: string, ok?: boolean) =>
  console.log(`  ${label.padEnd(34)} ${value.padStart(12)}${target ? `   目标 ${target} ${ok ? '达标' : '未达标'}` : ''}`)

/** 100,000 voters into one xlsx and 500 dossiers into one PDF, each beside a baseline from the same run. */
export async function benchExports(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'huanjie-bench-'))
  try {
    console.log(`导出基准（${os.cpus().length} 核，Node ${process.version}）`)

    const base = await measure(async () => {
      const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path.join(dir, 'plain.xlsx'), useStyles: false, useSharedStrings: false })
      const ws = wb.addWorksheet('选民名单')
      let i = 0
      for (const v of voters()) ws.addRow([++i, v.group, v.name, v.sex, v.birthDate, v.idNumber, v.category, v.note]).commit()
      ws.commit()
      await wb.commit()
    })
    const sheet = await measure(() =>
      streamOfficialSheet(votersSpec({ unit: '青山镇', date: '2026-03-01', village: '东岭村', electionName: '第十二届村民委员会' }), voters(), {
        filename: path.join(dir, 'voters.xlsx')
      })
    )
    const bytes = fs.statSync(path.join(dir, 'voters.xlsx')).size
    console.log(`\n选民名单 ${VOTERS.toLocaleString()} 行 xlsx（流式写出，正式格式）`)
    line('基线：exceljs 流式、无样式', `${base.seconds.toFixed(2)} s`)
    line('正式表格', `${sheet.seconds.toFixed(2)} s`, `≤ ${TARGET.votersSeconds} s`, sheet.seconds <= TARGET.votersSeconds)
    line('相对基线', `×${(sheet.seconds / base.seconds).toFixed(2)}`)
    line('进程内存峰值', `${sheet.peakMb.toFixed(0)} MB`, `≤ ${TARGET.votersMegabytes} MB`, sheet.peakMb <= TARGET.votersMegabytes)
    line('文件大小', `${(bytes / 2 ** 20).toFixed(1)} MB`)

    // The real path: a file database of 50 villages × 10 candidates (full records, one photo per village),
    // each form read from the register as the batch job lays it out.
    const fonts = pdfFonts()
    const store = Store.fileStore(path.join(dir, 'office.db'))
    try {
      seedTownship(store, DOSSIERS / 10, 10, 8)
      const exporter = new ExportService(store, new JobRunner())
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
      store.close()
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
