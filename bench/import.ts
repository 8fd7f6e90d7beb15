import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { VILLAGES, writeVillages, writeVoterRoster } from './roster'

const DATA = path.join(__dirname, '.data')
const TSX = path.join(__dirname, '..', 'node_modules', '.bin', 'tsx')

interface Measured {
  ms: number
  maxRssMb: number
  code?: number
  out: string
}

function measure(...args: string[]): Measured {
  const r = spawnSync(TSX, [path.join(__dirname, 'measure.ts'), ...args], { encoding: 'utf8', maxBuffer: 1 << 26 })
  const lines = r.stdout.trim().split('\n')
  const last = lines.pop() ?? ''
  try {
    return { ...(JSON.parse(last) as Measured), out: lines.join('\n').trim() }
  } catch {
    throw new Error(`measure ${args.join(' ')} failed: ${r.stderr || r.stdout}`)
  }
}

function freshDb(name: string, villagesFile: string): string {
  const db = path.join(DATA, name)
  for (const f of [db, `${db}-wal`, `${db}-shm`]) fs.rmSync(f, { force: true })
  const setup = measure('cli', 'import', 'villages', villagesFile, '--db', db, '--json')
  if (setup.code !== 0) throw new Error(`villages setup failed: ${setup.out}`)
  return db
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`

/**
 * The import benchmark of issue 4. The voter register is not in this branch yet, so each voter row is
 * imported into the persons register (one person per ID, with its village) through the full CLI path:
 * read, header detection, coercion, ID checks, duplicate check, plan and one transaction.
 */
export async function run(): Promise<void> {
  fs.mkdirSync(DATA, { recursive: true })
  const villagesFile = path.join(DATA, 'villages.xlsx')
  await writeVillages(villagesFile, ['龙山村', ...VILLAGES])

  const roster = path.join(DATA, 'voters-100k.xlsx')
  let t = performance.now()
  await writeVoterRoster(roster, 100_000)
  console.log(`100,000 行选民名册：${mb(fs.statSync(roster).size)}，生成用时 ${s(performance.now() - t)}`)

  const base = measure('baseline', roster)
  const db = freshDb('bench-100k.db', villagesFile)
  const full = measure('cli', 'import', 'persons', roster, '--db', db, '--village', '龙山村', '--json')
  if (full.code !== 0) throw new Error(`import failed: ${full.out.slice(0, 2000)}`)
  const summary = JSON.parse(full.out) as { added: number }
  console.log(`  基准（exceljs 流式读取，sharedStrings/styles 'cache'）：${s(base.ms)}，峰值内存 ${base.maxRssMb.toFixed(0)} MB`)
  console.log(`  完整导入（CLI import persons，写入人员登记，新库）：${s(full.ms)}，峰值内存 ${full.maxRssMb.toFixed(0)} MB，新增 ${summary.added}`)
  console.log(`  比值 ${(full.ms / base.ms).toFixed(2)}×（目标 ≤ 1.5×），峰值内存目标 ≤ 400 MB`)
  const again = measure('cli', 'import', 'persons', roster, '--db', db, '--village', '龙山村', '--json')
  console.log(`  再次导入同一文件：${s(again.ms)}，${again.out}`)

  if (process.env.BENCH_SKIP_MILLION) return console.log('已跳过 1,000,000 行（BENCH_SKIP_MILLION）')
  const big = path.join(DATA, 'voters-1m.xlsx')
  t = performance.now()
  await writeVoterRoster(big, 1_000_000, VILLAGES)
  console.log(`1,000,000 行选民名册（20 个村）：${mb(fs.statSync(big).size)}，生成用时 ${s(performance.now() - t)}`)
  const bigBase = measure('baseline', big)
  const bigDb = freshDb('bench-1m.db', villagesFile)
  const bigFull = measure('cli', 'import', 'persons', big, '--db', bigDb, '--json')
  if (bigFull.code !== 0) throw new Error(`import failed: ${bigFull.out.slice(0, 2000)}`)
  console.log(`  基准读取 ${s(bigBase.ms)}；完整导入 ${s(bigFull.ms)}（${(bigFull.ms / bigBase.ms).toFixed(2)}×），峰值内存 ${bigFull.maxRssMb.toFixed(0)} MB，数据库 ${mb(fs.statSync(bigDb).size)}`)
}

if (require.main === module) {
  run().catch((e: unknown) => {
    console.error(e)
    process.exit(1)
  })
}
