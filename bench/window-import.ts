import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { apiHeaders, startServer, type RunningServer } from '../tests/e2e/server'
import { DATA, freshDb } from './import'
import { measure, median, type Measured } from './measure-client'
import { VILLAGES, writeVillages, writeVoterRoster } from './roster'

const ROUNDS = 3
const PROBE_EVERY_MS = 25

/** One API call over loopback HTTP, as the window's client makes it in browser mode. */
async function call<T>(server: RunningServer, name: string, input: unknown): Promise<T> {
  const res = await fetch(`${new URL(server.url).origin}/api/${name}`, {
    method: 'POST',
    headers: apiHeaders(server),
    body: JSON.stringify(input)
  })
  const body = (await res.json()) as { ok: boolean; value?: T; error?: { message: string } }
  if (!body.ok) throw new Error(`${name}: ${body.error?.message}`)
  return body.value as T
}

interface Job {
  id: string
  state: string
  done: number
  total: number | null
  result?: { id?: string; added?: number }
  error?: { message: string }
}

async function finished(server: RunningServer, job: Job): Promise<Job> {
  for (;;) {
    const s = await call<Job>(server, 'jobs.status', { id: job.id })
    if (s.state !== 'running') {
      if (s.state !== 'done') throw new Error(`job ${s.state}: ${s.error?.message}`)
      return s
    }
    await new Promise((r) => setTimeout(r, 100))
  }
}

/** CPU time (user + system, every thread) the process has used so far, in ms. */
function cpuOf(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ')
  // utime and stime, the 14th and 15th fields, in clock ticks (100 per second on Linux).
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100
}

const peakOf = (pid: number) => Number(/VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024

/**
 * The window's import (browser mode, the same API the desktop window calls): the file sent, previewed as a
 * job, then committed as a job, while a villages.list probe asks every 25 ms what a second page would.
 */
async function windowImport(
  roster: string,
  db: string
): Promise<{ ms: number; previewMs: number; cpuMs: number; peakMb: number; probes: number[]; added: number }> {
  const server = await startServer(db)
  try {
    const villageId = (await call<{ id: number; name: string }[]>(server, 'villages.list', {})).find((v) => v.name === '龙山村')!.id
    const probes: number[] = []
    let probing = true
    const probe = (async () => {
      while (probing) {
        const t = performance.now()
        await call(server, 'villages.list', {})
        probes.push(performance.now() - t)
        await new Promise((r) => setTimeout(r, PROBE_EVERY_MS))
      }
    })()
    const start = performance.now()
    const cpuStart = cpuOf(server.pid)
    const base64 = fs.readFileSync(roster).toString('base64')
    const preview = await finished(server, await call<Job>(server, 'imports.preview', { kind: 'voters', fileName: path.basename(roster), base64, villageId }))
    const previewMs = performance.now() - start
    const commit = await finished(server, await call<Job>(server, 'imports.commit', { previewId: preview.result!.id }))
    const ms = performance.now() - start
    const cpuMs = cpuOf(server.pid) - cpuStart
    probing = false
    await probe
    return { ms, previewMs, cpuMs, peakMb: peakOf(server.pid), probes, added: commit.result!.added! }
  } finally {
    await server.stop()
  }
}

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`
const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * q))]

/** The window's path (issue 14): preview + commit through the API against the bare exceljs read of the same file, taking turns. */
export async function run(): Promise<void> {
  fs.mkdirSync(DATA, { recursive: true })
  const villagesFile = path.join(DATA, 'villages.xlsx')
  await writeVillages(villagesFile, ['龙山村', ...VILLAGES])
  const roster = path.join(DATA, 'voters-100k.xlsx')
  if (!fs.existsSync(roster)) await writeVoterRoster(roster, 100_000)
  const bases: Measured[] = []
  const runs: Awaited<ReturnType<typeof windowImport>>[] = []
  for (let round = 0; round < ROUNDS; round++) {
    bases.push(measure('baseline', roster))
    runs.push(await windowImport(roster, freshDb('bench-window.db', villagesFile)))
  }
  const base = median(bases.map((b) => b.ms))
  const full = median(runs.map((r) => r.ms))
  const baseCpu = median(bases.map((b) => b.cpuMs))
  const fullCpu = median(runs.map((r) => r.cpuMs))
  const probes = runs.flatMap((r) => r.probes)
  console.log(`窗口导入 100,000 行选民（浏览器模式 API：imports.preview + imports.commit 两个作业，新库），两侧交替各 ${ROUNDS} 次：`)
  console.log(`  负载 ${os.loadavg().map((l) => l.toFixed(1)).join(' / ')}（1 / 5 / 15 分钟）`)
  console.log(`  基准（exceljs 流式读取）：中位数 ${s(base)}（${bases.map((b) => s(b.ms)).join('、')}），CPU ${s(baseCpu)}`)
  console.log(
    `  窗口导入：中位数 ${s(full)}（${runs.map((r) => `${s(r.ms)}，其中预览 ${s(r.previewMs)}`).join('；')}），新增 ${runs[0].added}，服务进程峰值内存 ${Math.max(...runs.map((r) => r.peakMb)).toFixed(0)} MB（目标 ≤ 400 MB）`
  )
  console.log(`  窗口导入 CPU（服务进程全部线程）：中位数 ${s(fullCpu)}（${runs.map((r) => s(r.cpuMs)).join('、')}）`)
  console.log(`  比值 ${(full / base).toFixed(2)}×（目标 ≤ 1.5×）；CPU 时间之比 ${(fullCpu / baseCpu).toFixed(2)}×（两进程都用两个线程以上时，不能代替墙钟之比）`)
  console.log(
    `  导入期间 villages.list 探测 ${probes.length} 次：p50 ${quantile(probes, 0.5).toFixed(0)} ms，p99 ${quantile(probes, 0.99).toFixed(0)} ms（目标 ≤ 150 ms），最长 ${Math.max(...probes).toFixed(0)} ms（目标 ≤ 300 ms）`
  )
}

if (require.main === module) {
  run().catch((e: unknown) => {
    console.error(e)
    process.exit(1)
  })
}
