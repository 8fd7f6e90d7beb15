/**
 * The register at the size the issue names: 100,000 voters in one village, and 1,000,000 in a township of 20
 * villages (BENCH_SKIP_MILLION=1 skips it). Counts and the first page of a list or a search, each beside a
 * baseline of the same run: the counts read by scanning every voter (as before the kept tallies), and the
 * search as it was before the index (every person's key read with LIKE). Target: ≤ 50 ms each. Prints
 * timings and how many each search finds; asserts nothing.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { countedByScan } from '../tests/fixtures/voter-counts'
import { registerVoters, townshipVoters } from '../tests/fixtures/voters'
import { buildServices } from '../src/main/core/services'
import { idPrefixPattern, likePattern } from '../src/main/core/search-key'
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

/** The search before migration 011: every person's key read with LIKE, the matches joined to their voter rows. */
function likeScan(store: Store, search: string, villageId: number | null): number {
  return store.values<number>(
    `SELECT v.id FROM voters v WHERE v.status = '在册' AND (@villageId IS NULL OR v.village_id = @villageId)
     AND v.person_id IN (SELECT id FROM persons WHERE search_key LIKE @like ESCAPE '\\' OR id_number LIKE @prefix ESCAPE '\\')
     ORDER BY v.village_id, v.group_name, v.id`,
    { villageId, like: likePattern(search), prefix: idPrefixPattern(search) }
  ).length
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
    median('统计（一个村）', () => service.counts(one))
    median('统计（全乡镇）', () => service.counts())
    median('  基线：逐个选民计数', () => countedByScan(store.db), 3)
    median('列表第1页（一个村，含总数）', () => service.list({ villageId: one, pageSize: 50 }))
    median('列表第1页（全乡镇，含总数）', () => service.list({ pageSize: 50 }))
    // A three-character name of the register, as typed, in full pinyin and by its initials.
    const [name, full, initials] = store.value<string>(`SELECT search_key FROM persons WHERE length(name) = 3 ORDER BY id LIMIT 1 OFFSET 7`)!.split(' ')
    const searches: [string, string, number | null][] = [
      [`拼音首字母 ${initials}`, initials, null],
      [`全拼 ${full}`, full, null],
      [`姓名 ${name}`, name, null],
      [`姓名 ${name}（一个村）`, name, one],
      ['姓名 王伟（一个村）', '王伟', one],
      ['身份证号前缀', '3303021970', null],
      ['两个字母 zz（无人）', 'zz', null],
      ['一个姓 陈（约5%）', '陈', null],
      ['两个字母 li（约20%）', 'li', null]
    ]
    for (const [label, search, villageId] of searches) {
      let found = 0
      median(`查找第1页：${label}`, () => (found = service.list({ villageId, search, pageSize: 50 }).total))
      median(`  基线：逐人读查找键（${found}人）`, () => likeScan(store, search, villageId), 3)
    }
    store.close()
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

scale(100_000, 1)
if (!process.env.BENCH_SKIP_MILLION) scale(1_000_000, 20)
