/**
 * A 60-row 初步人选花名册 as offices lay it out (posts of both committees in one cell, in every spelling; no
 * 人选来源; 备注, 照片, 合计 and an instructions sheet): the preview (read, check, plan against the register)
 * through the built app's API as the window makes it (imports.preview, then jobs.status until done: read on its
 * thread, checked, planned against the register, nothing written) beside the bare exceljs streaming read of the
 * same file in a fresh process, five turns each, medians compared. Target: preview ≤ 1 s.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { candidatesRoster, CANDIDATES, type RosterPerson } from '../tests/fixtures/office-rosters'
import { idNumber, xlsxBuffer } from '../tests/fixtures/rosters'
import { Store } from '../src/main/core/store'
import { VillageService } from '../src/main/core/villages'
import { villageInput } from '../src/shared/village'
import { callApi, startServer, type RunningServer } from '../tests/e2e/server'
import { measure, median } from './measure-client'

/** imports.preview as the window calls it: the job started, then its status asked until it is done. */
async function previewMs(server: RunningServer, base64: string): Promise<{ ms: number; added: number; problems: number }> {
  const start = performance.now()
  const job = await callApi<{ id: string }>(server, 'imports.preview', { kind: 'candidates', fileName: '人选花名册.xlsx', base64 })
  for (;;) {
    const s = await callApi<{ state: string; result?: { counts: { added: number; problems: number } }; error?: { message: string } }>(server, 'jobs.status', { id: job.id })
    if (s.state === 'done') return { ms: performance.now() - start, ...s.result!.counts }
    if (s.state !== 'running' && s.state !== 'queued') throw new Error(`预览失败：${s.error?.message ?? s.state}`)
    await new Promise((r) => setTimeout(r, 25))
  }
}

const ROWS = 60
const VILLAGES = 6
const TURNS = 5

async function main(): Promise<void> {
  const people: RosterPerson[] = Array.from({ length: ROWS }, (_, i) => {
    const like = CANDIDATES[i % CANDIDATES.length]
    return { ...like, village: `第${Math.floor(i / (ROWS / VILLAGES)) + 1}村`, name: `${like.name}${i}`, id: idNumber(`1980${String((i % 12) + 1).padStart(2, '0')}15`, 300 + i * 3, like.sex) }
  })
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'huanjie-bench-rosters-'))
  try {
    const file = path.join(dir, '人选花名册.xlsx')
    fs.writeFileSync(file, await xlsxBuffer(candidatesRoster(people)))
    const db = path.join(dir, 'bench.db')
    const store = Store.fileStore(db, { actor: 'bench' })
    const villages = new VillageService(store, store.clock)
    for (let v = 1; v <= VILLAGES; v++) villages.create(villageInput.parse({ name: `第${v}村`, kind: '村', township: '龙山镇' }))
    store.close()
    const preview: number[] = []
    const bare: number[] = []
    const base64 = fs.readFileSync(file).toString('base64')
    // The built app in browser mode, loaded once as the window's is; the first preview warms it and is not counted.
    const server = await startServer(db)
    try {
      await previewMs(server, base64)
      for (let t = 0; t < TURNS; t++) {
        const p = await previewMs(server, base64)
        if (p.problems > 0 || p.added !== ROWS) throw new Error(`预览结果不对：${JSON.stringify(p)}`)
        preview.push(p.ms)
        bare.push(measure('baseline', file).ms)
      }
    } finally {
      await server.stop()
    }
    const m = median(preview)
    console.log(`人选花名册 ${ROWS} 行（${VILLAGES} 个村，复合职务、无人选来源、合计行、填表说明页）`)
    console.log(`预览（读取、检查、对照台账） 中位数 ${m.toFixed(0)} ms  各次 ${preview.map((x) => x.toFixed(0)).join(' / ')} ms  目标 ≤ 1000 ms ${m <= 1000 ? '达到' : '未达到'}`)
    console.log(`基线：exceljs 流式读取同一文件 中位数 ${median(bare).toFixed(0)} ms；比值 ${(m / median(bare)).toFixed(1)}×`)
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

void main()
