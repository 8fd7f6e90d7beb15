/**
 * 100,000 voters in 40 villages in a file database: how long an import transaction, a page of the
 * list, a search and the counts take. Prints timings; it asserts nothing.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { makeIdNumber } from '../tests/fixtures/ids'
import { VoterService } from '../src/main/core/voters'
import { Store } from '../src/main/core/store'
import { VillageService } from '../src/main/core/villages'
import { villageInput } from '../src/shared/village'
import { voterInput } from '../src/shared/voter'

const VOTERS = Number(process.env.VOTERS ?? 100_000)
const VILLAGES = 40
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗'
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂'

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
  const villages = new VillageService(store)
  const ids = Array.from({ length: VILLAGES }, (_, i) =>
    villages.create(villageInput.parse({ name: `测试${i + 1}村`, kind: '村', committeeElectionDate: '2026-03-01' })).id
  )
  const voters = new VoterService(store)
  const rows = Array.from({ length: VOTERS }, (_, i) => {
    const year = 1940 + (i % 66)
    const birth = `${year}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`
    const sex = i % 2 ? '男' : '女'
    const region = String(330302 + Math.floor(i / 500) * 3).padStart(6, '0')
    return voterInput.parse({
      villageId: ids[i % VILLAGES],
      idNumber: makeIdNumber(birth, sex, i % 500, region),
      name: SURNAMES[i % SURNAMES.length] + GIVEN[(i * 7) % GIVEN.length] + (i % 3 ? GIVEN[(i * 13) % GIVEN.length] : ''),
      groupName: `${(i % 9) + 1}组`,
      category: ((i % 10) === 9 ? 2 : 1) as 1 | 2,
      ethnicity: i % 25 === 0 ? '畲族' : '汉族',
      address: `第${(i % 9) + 1}组${i % 300}号`
    })
  })
  console.log(`选民 ${VOTERS} 人，${VILLAGES} 个村`)
  time('导入（一个事务，一条审计）', () =>
    store.write((audit) => {
      const w = voters.writer()
      for (const r of rows) w.upsert(r)
      audit({ action: 'import', entity: 'voter', summary: `导入选民${rows.length}人` })
    })
  )
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
