import fs from 'node:fs'
import path from 'node:path'
import { measure, median, type Measured } from './measure-client'
import { VILLAGES, writeVillages, writeVoterRoster } from './roster'

export const DATA = path.join(__dirname, '.data')
const ROUNDS = 7

export function freshDb(name: string, villagesFile: string): string {
  const db = path.join(DATA, name)
  for (const f of [db, `${db}-wal`, `${db}-shm`]) fs.rmSync(f, { force: true })
  const setup = measure('cli', 'import', 'villages', villagesFile, '--db', db, '--json')
  if (setup.code !== 0) throw new Error(`villages setup failed: ${setup.out}`)
  return db
}

function importVoters(file: string, db: string, village: string): Measured & { added: number } {
  const m = measure('cli', 'import', 'voters', file, '--db', db, '--village', village, '--json')
  if (m.code !== 0) throw new Error(`import failed: ${m.out.slice(0, 2000)}`)
  return { ...m, added: (JSON.parse(m.out) as { added: number }).added }
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`

/**
 * The import benchmark of issue 4: a 100,000-row voter roster imported as voters of one village through the
 * full CLI path (read, header detection, coercion, ID and age checks, duplicate check, batched plan against
 * the register, one transaction through the voter register's writer), against the bare exceljs read.
 */
export async function run(): Promise<void> {
  fs.mkdirSync(DATA, { recursive: true })
  const villagesFile = path.join(DATA, 'villages.xlsx')
  await writeVillages(villagesFile, ['龙山村', ...VILLAGES])

  const roster = path.join(DATA, 'voters-100k.xlsx')
  let t = performance.now()
  await writeVoterRoster(roster, 100_000)
  console.log(`100,000 行选民名册：${mb(fs.statSync(roster).size)}，生成用时 ${s(performance.now() - t)}`)

  // This machine's speed drifts from minute to minute: the two sides take turns, and each side's median counts.
  const bases: Measured[] = []
  const fulls: (Measured & { added: number })[] = []
  let db = ''
  for (let round = 0; round < ROUNDS; round++) {
    bases.push(measure('baseline', roster))
    db = freshDb('bench-100k.db', villagesFile)
    fulls.push(importVoters(roster, db, '龙山村'))
  }
  const base = median(bases.map((m) => m.ms))
  const full = median(fulls.map((m) => m.ms))
  // Each import against the bare read just before it: the two ran under the same load.
  const pairs = fulls.map((f, i) => f.ms / bases[i].ms)
  const runs = (ms: Measured[]) => ms.map((m) => s(m.ms)).join('、')
  const cpu = (ms: Measured[]) => s(median(ms.map((m) => m.cpuMs)))
  const peak = (ms: Measured[]) => Math.max(...ms.map((m) => m.maxRssMb)).toFixed(0)
  console.log(`  基准（exceljs 流式读取，sharedStrings/styles 'cache'）：中位数 ${s(base)}（${runs(bases)}），CPU ${cpu(bases)}，峰值内存 ${peak(bases)} MB`)
  console.log(
    `  完整导入（CLI import voters --village 龙山村，写入选民登记，新库）：中位数 ${s(full)}（${runs(fulls)}），CPU ${cpu(fulls)}（进程内全部线程），峰值内存 ${peak(fulls)} MB，新增 ${fulls[0].added}`
  )
  console.log(
    `  比值 ${(full / base).toFixed(2)}×（两侧交替各 ${ROUNDS} 次，中位数之比）；逐轮之比中位数 ${median(pairs).toFixed(2)}×（${pairs.map((r) => r.toFixed(2)).join('、')}）；目标 ≤ 1.5×，峰值内存目标 ≤ 400 MB`
  )
  const again = importVoters(roster, db, '龙山村')
  console.log(`  再次导入同一文件：${s(again.ms)}，${again.out}`)

  if (process.env.BENCH_SKIP_MILLION) return console.log('已跳过 1,000,000 行（BENCH_SKIP_MILLION）')
  // A voter roster is one village's: the million are twenty villages' rosters of 50,000, into one register.
  const per = 50_000
  const files = VILLAGES.map((v, i) => ({ village: v, file: path.join(DATA, `voters-${i + 1}.xlsx`), start: 1_000_000 + i * per }))
  t = performance.now()
  for (const f of files) await writeVoterRoster(f.file, per, f.start)
  const bytes = files.reduce((n, f) => n + fs.statSync(f.file).size, 0)
  console.log(`1,000,000 行选民名册（20 个村各 50,000 行）：共 ${mb(bytes)}，生成用时 ${s(performance.now() - t)}`)
  const bigDb = freshDb('bench-1m.db', villagesFile)
  let ms = 0
  let baseMs = 0
  let rss = 0
  for (const f of files) {
    baseMs += measure('baseline', f.file).ms
    const m = importVoters(f.file, bigDb, f.village)
    ms += m.ms
    rss = Math.max(rss, m.maxRssMb)
  }
  console.log(`  基准读取合计 ${s(baseMs)}；完整导入合计 ${s(ms)}（${(ms / baseMs).toFixed(2)}×），单次峰值内存 ${rss.toFixed(0)} MB，数据库 ${mb(fs.statSync(bigDb).size)}`)
}

if (require.main === module) {
  run().catch((e: unknown) => {
    console.error(e)
    process.exit(1)
  })
}
