/**
 * The register at the size the issue names: 100,000 voters in one village, and 1,000,000 in a township of 20
 * villages (BENCH_SKIP_MILLION=1 skips it). Counts and the first page of a list or a search, each beside a
 * baseline of the same run: the counts read by scanning every voter (as before the kept tallies), and a bare
 * scan of every person's search key. Target: ≤ 50 ms each. Prints timings; asserts nothing.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { countedByScan } from '../tests/fixtures/voter-counts'
import { registerVoters, townshipVoters } from '../tests/fixtures/voters'
import { buildServices } from '../src/main/core/services'
import { Store } from '../src/main/core/store'

function median(label: string, fn: () => unknown, runs = 7): number {
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const t = performance.now()
    fn()
    times.push(performance.now() - t)
  }
  const ms = times.sort((a, b) => a - b)[Math.floor(runs / 2)]
  console.log(`${label.padEnd(40)} ${ms.toFixed(1).padStart(9)} ms（${runs}次中位数）`)
  return ms
}

function scale(voters: number, villages: number): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'huanjie-bench-'))
  try {
    const store = Store.fileStore(path.join(dir, 'bench.db'), { actor: 'bench' })
    const { villageIds, rows } = townshipVoters(store, voters, villages)
    const t = performance.now()
    for (let i = 0; i < rows.length; i += 100_000) registerVoters(store, rows.slice(i, i + 100_000))
    console.log(`\n选民 ${voters} 人，${villages} 个村（登记用时 ${((performance.now() - t) / 1000).toFixed(1)} 秒）`)
    rows.length = 0
    store.db.pragma('optimize')
    const service = buildServices(store).voters
    const one = villageIds[0]
    const minAge = service.rules().voterMinAge
    median('统计（一个村）', () => service.counts(one))
    median('统计（全乡镇）', () => service.counts())
    median('  基线：逐个选民计数', () => countedByScan(store.db, minAge), 3)
    median('列表第1页（一个村，含总数）', () => service.list({ villageId: one, pageSize: 50 }))
    median('列表第1页（全乡镇，含总数）', () => service.list({ pageSize: 50 }))
    median('查找第1页：拼音首字母 wwf（全乡镇）', () => service.list({ search: 'wwf', pageSize: 50 }))
    median('查找第1页：姓名 王伟（一个村）', () => service.list({ villageId: one, search: '王伟', pageSize: 50 }))
    median('查找第1页：身份证号前缀（全乡镇）', () => service.list({ search: '3303021970', pageSize: 50 }))
    median('  基线：逐人扫描查找键', () => store.db.prepare(`SELECT count(*) FROM persons WHERE instr(search_key, 'wwf') > 0`).pluck().get(), 3)
    store.close()
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

scale(100_000, 1)
if (!process.env.BENCH_SKIP_MILLION) scale(1_000_000, 20)
