import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Store } from '../src/main/core/store'
import { registerVoters, townshipVoters } from '../tests/fixtures/voters'
import { inProcess as measure, measure as fresh, median, type Measured } from './measure-client'
import { buildServices } from '../src/main/core/services'

const VOTERS = 100_000
const VILLAGES = 40
const ROUNDS = 3
const TARGET = { votersSeconds: 3, votersMegabytes: 300 }


const line = (label: string, value: string, target?: string, ok?: boolean) =>
  console.log(`  ${label.padEnd(34)} ${value.padStart(12)}${target ? `   目标 ${target} ${ok ? '达标' : '未达标'}` : ''}`)

/** 100,000 voters into one xlsx, beside a baseline from the same run (the forms are in dossiers.ts). */
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
