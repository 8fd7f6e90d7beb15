/**
 * 100,000 voters in 40 villages in a file database: how long an import transaction, a page of the
 * list, a search and the counts take. Prints timings; it asserts nothing.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { registerVoters, townshipVoters } from '../tests/fixtures/voters'
import { Store } from '../src/main/core/store'
import { buildServices } from '../src/main/core/services'

const VOTERS = Number(process.env.VOTERS ?? 100_000)
const VILLAGES = 40

function time<T>(label: string, fn: () => T, runs = 1): T {
  let out!: T
  const start = process.hrtime.bigint()
  for (let i = 0; i < runs; i++) out = fn()
  const ms = Number(process.hrtime.bigint() - start) / 1e6 / runs
  console.log(`${label.padEnd(36)} ${ms.toFixed(1).padStart(9)} ms${runs > 1 ? `（${runs}次平均）` : ''}`)
  return out
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'huanjie-bench-'))
try {
  const store = Store.fileStore(path.join(dir, 'bench.db'), { actor: 'bench' })
  const { villageIds: ids, rows } = townshipVoters(store, VOTERS, VILLAGES)
  const voters = buildServices(store).voters
  console.log(`选民 ${VOTERS} 人，${VILLAGES} 个村`)
  time('导入（一个事务，一条审计）', () => registerVoters(store, rows))
  store.db.pragma('optimize')
  time('列表第1页（全乡镇，50条）', () => voters.list({ pageSize: 50 }), 20)
  time('列表第1页（一个村，50条）', () => voters.list({ villageId: ids[7], pageSize: 50 }), 20)
  time('列表末页（一个村）', () => voters.list({ villageId: ids[7], pageSize: 50, page: 50 }), 20)
  time('查找姓名拼音首字母（全乡镇）', () => voters.list({ search: 'wwf' }), 20)
  time('查找身份证号前缀（全乡镇）', () => voters.list({ search: '330302198' }), 20)
  time('查找姓名（一个村）', () => voters.list({ villageId: ids[3], search: '李伟' }), 20)
  time('统计（全乡镇，按村）', () => voters.counts(), 10)
  time('统计（一个村，按组）', () => voters.counts(ids[5]), 10)
  time('选民名单逐行读取（一个村）', () => [...voters.iterate(ids[2])].length, 5)
  store.close()
} finally {
  fs.rmSync(dir, { recursive: true, force: true })
}
