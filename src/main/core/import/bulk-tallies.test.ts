import path from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import { writeVoterRoster } from '../../../../bench/roster'
import { townshipVoters } from '../../../../tests/fixtures/voters'
import { JobCancelled } from '../jobs'
import { Store } from '../store'
import { testServices, useTempDir } from '../test-support'
import { BULK_ROWS } from './bulk-tallies'

const tempDir = useTempDir()
let store: Store
let villageIds: number[]

beforeEach(async () => {
  store = Store.fileStore(path.join(tempDir(), 'office.db'))
  villageIds = townshipVoters(store, 0, 3).villageIds
  // A village already on the register, written the usual way (below BULK_ROWS: the triggers count each row).
  await testServices(store).imports.commitInBatches(await preview(600, 0, villageIds[1]))
  return () => store.close()
  // The commit starts its writing thread, which loads the services from source here (tsx): slow on a busy machine.
}, 60_000)

/** The kept counts as the table holds them, and as counting every voter on the lists gives them. */
function tallies(): { kept: unknown[]; counted: unknown[] } {
  return {
    kept: store.all(`SELECT village_id, group_name, category, deprived, sex, minority, n FROM voter_tallies WHERE n > 0 ORDER BY 1, 2, 3, 4, 5, 6`),
    counted: store.all(
      `SELECT v.village_id, v.group_name, v.category, v.deprived, coalesce(p.sex, '') AS sex,
              (coalesce(p.ethnicity, '') NOT IN ('', '汉', '汉族')) AS minority, count(*) AS n
       FROM voters v JOIN persons p ON p.id = v.person_id WHERE v.status = '在册' GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6`
    )
  }
}

const triggers = () => store.value<number>(`SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'voter_tallies_%'`)

async function preview(rows: number, start: number, villageId = villageIds[0]) {
  const file = path.join(tempDir(), `voters-${start}.xlsx`)
  await writeVoterRoster(file, rows, start)
  return (await testServices(store).imports.read('voters', { path: file }, { villageId })).analysis
}

describe('a bulk voter import and the kept counts', () => {
  it('counts the touched villages again before COMMIT: the kept counts equal a full recount, and the triggers keep them after', async () => {
    const before = triggers()
    const imports = testServices(store).imports
    expect(BULK_ROWS).toBeLessThanOrEqual(3000)
    const summary = await imports.commitInBatches(await preview(3000, 10_000))
    expect(summary.added).toBe(3000)
    const t = tallies()
    expect(t.kept).toEqual(t.counted)
    expect(triggers()).toBe(before)
    // Half the next roster is already on the list: unchanged rows and new ones together.
    const second = await preview(3000, 11_500)
    expect(second.problems).toEqual([])
    expect((await imports.commitInBatches(second)).added).toBe(1500)
    const again = tallies()
    expect(again.kept).toEqual(again.counted)
    // The triggers are back: one voter added by hand is counted at once.
    const listed = testServices(store).voters.list({ villageId: villageIds[1], pageSize: 1 }).rows[0]
    testServices(store).voters.remove(listed.id, '重复登记', '2026-02-01')
    const after = tallies()
    expect(after.kept).toEqual(after.counted)
  })

  it('a cancelled import leaves the kept counts and their triggers as they were', async () => {
    const imports = testServices(store).imports
    const analysis = await preview(3000, 20_000)
    const before = tallies()
    const triggersBefore = triggers()
    let done = 0
    await expect(
      imports.commitInBatches(analysis, {
        progress: (d) => (done = d),
        throwIfCancelled: () => {
          if (done >= 1500) throw new JobCancelled()
        }
      })
    ).rejects.toThrow(JobCancelled)
    expect(tallies()).toEqual(before)
    expect(triggers()).toBe(triggersBefore)
    // Cancelled in the recount itself, after every row was written.
    await expect(
      imports.commitInBatches(analysis, {
        progress: (d) => (done = d),
        throwIfCancelled: () => {
          if (done === 3000 && store.value<number>('SELECT 1') === 1) throw new JobCancelled()
        }
      })
    ).rejects.toThrow(JobCancelled)
    expect(tallies()).toEqual(before)
    expect(triggers()).toBe(triggersBefore)
    expect(store.value<number>('SELECT count(*) FROM voters')).toBe(600)
  })

  it('the one-pass import (CLI) sets the triggers aside alike once the file is large, and a refused file puts them back', async () => {
    const imports = testServices(store).imports
    const before = triggers()
    const file = path.join(tempDir(), 'one-pass.xlsx')
    await writeVoterRoster(file, 3000, 30_000)
    const { summary } = await imports.readAndCommit('voters', { path: file }, { villageId: villageIds[0] })
    expect(summary?.added).toBe(3000)
    const t = tallies()
    expect(t.kept).toEqual(t.counted)
    expect(triggers()).toBe(before)
    // The same people into another village: every row conflicts, found after the triggers were set aside.
    const kept = tallies()
    const refused = await imports.readAndCommit('voters', { path: file }, { villageId: villageIds[2] })
    expect(refused.summary).toBeNull()
    expect(refused.preview.counts.problems).toBe(3000)
    expect(tallies()).toEqual(kept)
    expect(triggers()).toBe(before)
    expect(store.value<number>('SELECT count(*) FROM voters')).toBe(3600)
  })
})
