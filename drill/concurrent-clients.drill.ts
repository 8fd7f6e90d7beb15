import os from 'node:os'
import path from 'node:path'
import { registerVoters, townshipVoters } from '../tests/fixtures/voters'
import { Store } from '../src/main/core/store'
import { percentile, serve, tempDir, type Served } from './server'
import type { Drill } from './types'
import { newVoter } from './writes'

const CLIENTS = 20
const P95_LIMIT_MS = 200
const SEARCHES = ['王伟', 'li', 'zhangfang', 'wwf', '3303021970', '陈', '刘秀英', 'lsy']

type Op = (villageIds: number[], n: number) => [string, unknown]

/** What clerks do all day: mostly reading lists, searching and counting, now and then saving a voter. */
const MIX: [number, Op][] = [
  [30, (v, n) => ['voters.list', { villageId: v[n % v.length], page: 1 + (n % 40), pageSize: 50 }]],
  [20, (v, n) => ['voters.list', { villageId: n % 3 ? v[n % v.length] : null, search: SEARCHES[n % SEARCHES.length], pageSize: 50 }]],
  [15, (v, n) => ['voters.counts', { villageId: n % 4 ? v[n % v.length] : null }]],
  [10, () => ['villages.list', {}]],
  [10, () => ['audit.list', { limit: 50 }]],
  [15, (v, n) => ['voters.create', newVoter(v[n % v.length], 500_000 + n, '330481')]]
]

function pick(n: number): Op {
  let r = (n * 7919) % 100
  for (const [weight, op] of MIX) {
    if (r < weight) return op
    r -= weight
  }
  return MIX[0][1]
}

async function client(server: Served, villageIds: number[], c: number, until: number, latencies: number[], byOp: Map<string, number[]>, errors: string[], next: { n: number }): Promise<void> {
  while (Date.now() < until) {
    const n = next.n++
    const [name, input] = pick(n + c)(villageIds, n)
    const t = performance.now()
    const r = await server.call(name, input).catch((e: Error) => ({ ok: false, error: { code: 'network', message: e.message } }))
    const ms = performance.now() - t
    latencies.push(ms)
    byOp.set(name, [...(byOp.get(name) ?? []), ms])
    if (!r.ok) errors.push(`${name}：${r.error?.message}`)
  }
}

export const drill: Drill = {
  name: `${CLIENTS} 个并发客户端`,
  async run({ quick }) {
    const voters = quick ? 20_000 : 100_000
    const seconds = quick ? 15 : 60
    const file = path.join(tempDir(), 'office.db')
    const store = Store.fileStore(file, { actor: '演练' })
    const { villageIds, rows } = townshipVoters(store, voters, 4)
    registerVoters(store, rows)
    store.close()
    const server = await serve(file)
    try {
      const latencies: number[] = []
      const errors: string[] = []
      const byOp = new Map<string, number[]>()
      const next = { n: 0 }
      const until = Date.now() + seconds * 1000
      const cpuBefore = server.cpuMs()
      await Promise.all(Array.from({ length: CLIENTS }, (_, c) => client(server, villageIds, c, until, latencies, byOp, errors, next)))
      const cpuPerCall = (server.cpuMs() - cpuBefore) / Math.max(1, latencies.length)
      const p95 = percentile(latencies, 95)
      const slow = p95 > P95_LIMIT_MS
      const perOp = [...byOp].map(([name, ms]) => `${name} ${percentile(ms, 95).toFixed(0)}`).join('，')
      return [
        {
          drill: `${CLIENTS} 个并发客户端（${voters / 1000} 千选民，读写混合）`,
          trials: latencies.length,
          failures: errors.length + (slow ? 1 : 0) + (server.alive() ? 0 : 1),
          worstMs: Math.max(...latencies),
          peakMb: server.peakMb(),
          note: `p50 ${percentile(latencies, 50).toFixed(0)} ms，p95 ${p95.toFixed(0)} ms（上限 ${P95_LIMIT_MS}；各接口 p95：${perOp}；服务进程每次调用 CPU ${cpuPerCall.toFixed(1)} ms；负载 ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}）${errors.length ? `；出错 ${errors.length}：${[...new Set(errors)].slice(0, 3).join('；')}` : ''}`
        }
      ]
    } finally {
      await server.stop()
    }
  }
}
