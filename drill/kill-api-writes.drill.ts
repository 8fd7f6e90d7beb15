import path from 'node:path'
import { openDrillRegister, reopenDrillRegister, serve, tempDir, type Served } from './server'
import type { Drill } from './types'
import { newVoter, seedVillages } from './writes'

interface Acked {
  villages: number[]
  voters: number[]
}

/** Writers keep saving villages and voters until the server dies; what the server confirmed is kept. */
function write(server: Served, villageIds: number[], trial: number, writers: number, acked: Acked): Promise<void>[] {
  return Array.from({ length: writers }, async (_, w) => {
    for (let n = 0; ; n++) {
      try {
        if (n % 2 === 0) {
          const r = await server.call<{ id: number }>('villages.create', { name: `演练村${trial}-${w}-${n}`, kind: '村', township: '青山镇' })
          if (r.ok) acked.villages.push(r.value!.id)
        } else {
          const r = await server.call<{ id: number }>('voters.create', newVoter(villageIds[n % villageIds.length], trial * 10_000 + w * 1000 + n))
          if (r.ok) acked.voters.push(r.value!.id)
        }
      } catch {
        return
      }
    }
  })
}

/** What must hold after any kill: an intact file, every confirmed write there, each record with its audit row and no audit row without its record. */
function check(file: string, acked: Acked): string[] {
  const problems: string[] = []
  const db = openDrillRegister(file, { readonly: true })
  try {
    const integrity = db.pragma('integrity_check', { simple: true })
    if (integrity !== 'ok') problems.push(`integrity_check：${String(integrity)}`)
    const has = (table: string, id: number) => db.prepare(`SELECT 1 FROM ${table} WHERE id = ?`).get(id) !== undefined
    const lostVillages = acked.villages.filter((id) => !has('villages', id)).length
    const lostVoters = acked.voters.filter((id) => !has('voters', id)).length
    if (lostVillages + lostVoters > 0) problems.push(`已确认的写入丢失：村社 ${lostVillages}，选民 ${lostVoters}`)
    const unaudited = db
      .prepare(
        `SELECT (SELECT count(*) FROM villages g WHERE NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.entity = 'village' AND a.action = 'create' AND a.entity_id = CAST(g.id AS TEXT)))
              + (SELECT count(*) FROM voters v WHERE NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.entity = 'voter' AND a.entity_id = CAST(v.id AS TEXT)))`
      )
      .pluck()
      .get() as number
    const orphans = db
      .prepare(
        `SELECT count(*) FROM audit_log a WHERE a.action = 'create' AND (
           (a.entity = 'village' AND NOT EXISTS (SELECT 1 FROM villages WHERE CAST(id AS TEXT) = a.entity_id)) OR
           (a.entity = 'voter' AND NOT EXISTS (SELECT 1 FROM voters WHERE CAST(id AS TEXT) = a.entity_id)))`
      )
      .pluck()
      .get() as number
    const personless = db.prepare('SELECT count(*) FROM voters v WHERE NOT EXISTS (SELECT 1 FROM persons p WHERE p.id = v.person_id)').pluck().get() as number
    if (unaudited + orphans + personless > 0) problems.push(`不完整的写入：无审计记录 ${unaudited}，审计无对应记录 ${orphans}，选民无人员 ${personless}`)
  } finally {
    db.close()
  }
  try {
    reopenDrillRegister(file)
  } catch (e) {
    problems.push(`无法重新打开：${(e as Error).message}`)
  }
  return problems
}

export const drill: Drill = {
  name: 'kill -9（接口写入中）',
  async run({ quick }) {
    const trials = quick ? 6 : 30
    const file = path.join(tempDir(), 'office.db')
    let villageIds: number[] = []
    let worst = 0
    let peak = 0
    let confirmed = 0
    const failed: string[] = []
    for (let trial = 0; trial < trials; trial++) {
      const server = await serve(file)
      if (trial === 0) villageIds = await seedVillages(server, ['演练一村', '演练二村'])
      const acked: Acked = { villages: [], voters: [] }
      const writers = write(server, villageIds, trial, 4, acked)
      await new Promise((r) => setTimeout(r, 150 + Math.random() * 1200))
      peak = Math.max(peak, server.peakMb())
      const killed = performance.now()
      server.child.kill('SIGKILL')
      await new Promise((r) => server.child.once('exit', r))
      await Promise.all(writers)
      const problems = check(file, acked)
      worst = Math.max(worst, performance.now() - killed)
      confirmed += acked.villages.length + acked.voters.length
      if (problems.length > 0) failed.push(`第${trial + 1}次：${problems.join('；')}`)
    }
    return [
      {
        drill: 'kill -9（接口写入中）',
        trials,
        failures: failed.length,
        worstMs: worst,
        peakMb: peak,
        note: failed.length ? failed.join(' | ') : `已确认写入 ${confirmed} 条全在，完整性检查通过，每次都能重新打开`
      }
    ]
  }
}
