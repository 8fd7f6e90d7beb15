import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { registerVoters, townshipVoters } from '../../../tests/fixtures/voters'
import { voterInput } from '../../shared/voter'
import { makeIdNumber } from '../../../tests/fixtures/ids'
import { MIGRATIONS } from './migrations'
import { Store } from './store'
import { testServices, useTempDir } from './test-support'
import { countedByScan as counted } from '../../../tests/fixtures/voter-counts'

const tempDir = useTempDir()

function expectSameCounts(store: Store): void {
  const voters = testServices(store).voters
  const reference = counted(store.db)
  const villageIds = [...new Set(reference.map((r) => r.village_id as number))]
  for (const id of villageIds) {
    const groups = voters.counts(id).groups.map((g) => ({
      village_id: g.villageId,
      group_name: g.groupName,
      registered: g.registered,
      deprived: g.deprived,
      eligible: g.eligible,
      women: g.women,
      minority: g.minority,
      c1: g.byCategory[0],
      c2: g.byCategory[1],
      c3: g.byCategory[2]
    }))
    expect(groups).toEqual(reference.filter((r) => r.village_id === id))
  }
  const total = voters.counts().total
  expect(total.registered).toBe(reference.reduce((s, r) => s + Number(r.registered), 0))
  expect(total.eligible).toBe(reference.reduce((s, r) => s + Number(r.eligible), 0))
  expect(voters.list({}).total).toBe(total.registered)
}

describe('kept voter counts', () => {
  it('match counting every voter through additions, corrections, removals, new election days and rules', () => {
    const store = Store.memoryStore()
    const { villageIds, rows } = townshipVoters(store, 600, 3)
    registerVoters(store, rows)
    const voters = testServices(store).voters
    expectSameCounts(store)

    const listed = voters.list({ villageId: villageIds[0], pageSize: 40 }).rows
    // Corrections: another group, category, deprived.
    for (const [i, v] of listed.slice(0, 12).entries()) {
      voters.update(v.id, { ...rows.find((r) => r.idNumber === v.idNumber)!, groupName: `${(i % 3) + 1}组`, category: i % 2 ? 2 : 1, deprived: i % 4 === 0 })
    }
    expectSameCounts(store)
    // Taken out before publication (deleted), and after it (kept as 已除名).
    for (const v of listed.slice(12, 16)) voters.remove(v.id, '重复登记', '2026-02-01')
    voters.publish(villageIds[0], '2026-02-05', '')
    for (const v of listed.slice(16, 20)) voters.remove(v.id, '迁出', '2026-02-06')
    expectSameCounts(store)
    // A person's nationality and sex corrected on the person's record.
    store.db.prepare(`UPDATE persons SET ethnicity = '回族' WHERE id IN (SELECT person_id FROM voters WHERE id IN (?, ?))`).run(listed[20].id, listed[21].id)
    store.db.prepare(`UPDATE persons SET sex = CASE sex WHEN '男' THEN '女' ELSE '男' END WHERE id = (SELECT person_id FROM voters WHERE id = ?)`).run(listed[22].id)
    expectSameCounts(store)
    // An earlier election day makes the youngest under age; a village loses its day; the age rule changes.
    store.db.prepare(`UPDATE villages SET committee_election_date = '1990-06-01' WHERE id = ?`).run(villageIds[1])
    store.db.prepare(`UPDATE villages SET committee_election_date = NULL WHERE id = ?`).run(villageIds[2])
    expect(voters.counts(villageIds[1]).total.notOfAge).toBeGreaterThan(0)
    expectSameCounts(store)
    // Election days that fall on 28 February of a common year and on 29 February of a leap one (民法典 第二百零二条):
    // born 29 February 2008 is 18 on 28 February 2026, born 1 March 2008 is not.
    store.db.prepare(`UPDATE villages SET committee_election_date = '2026-03-01' WHERE id = ?`).run(villageIds[1])
    const leap = ['2008-02-28', '2008-02-29', '2008-03-01'].map((birth, i) =>
      voterInput.parse({ villageId: villageIds[1], idNumber: makeIdNumber(birth, '女', 900 + i), name: `闰${i}`, groupName: '9组', category: 1 })
    )
    registerVoters(store, leap)
    const before = voters.counts(villageIds[1]).total.eligible
    store.db.prepare(`UPDATE villages SET committee_election_date = '2026-02-28' WHERE id = ?`).run(villageIds[1])
    expect(voters.list({ villageId: villageIds[1], search: '闰' }).rows.map((r) => [r.name, r.eligible])).toEqual([['闰0', true], ['闰1', true], ['闰2', false]])
    expect(before - voters.counts(villageIds[1]).total.eligible).toBeGreaterThanOrEqual(1)
    store.db.prepare(`UPDATE villages SET committee_election_date = '2028-02-29' WHERE id = ?`).run(villageIds[2])
    expectSameCounts(store)
    expect(voters.list({ villageId: villageIds[0], groupName: '2组', category: 2 }).total).toBe(
      store.db.prepare(`SELECT count(*) FROM voters WHERE village_id = ? AND group_name = '2组' AND category = 2 AND status = '在册'`).pluck().get(villageIds[0])
    )
  })

  it('are built from the voters already registered when an older file is upgraded', () => {
    const file = path.join(tempDir(), 'office.db')
    const old = Store.fileStore(file, { targetVersion: 6 })
    const { rows } = townshipVoters(old, 300, 2)
    registerVoters(old, rows)
    old.close()
    const store = Store.fileStore(file)
    expect(store.version).toBe(MIGRATIONS[MIGRATIONS.length - 1].version)
    expect(store.db.prepare('SELECT sum(n) FROM voter_tallies').pluck().get()).toBe(300)
    expectSameCounts(store)
    store.close()
  })

  it('page through a village in list order with the right total', () => {
    const store = Store.memoryStore()
    const { villageIds, rows } = townshipVoters(store, 500, 2)
    registerVoters(store, rows)
    const voters = testServices(store).voters
    const all = store.db
      .prepare(`SELECT id FROM voters WHERE village_id = ? AND status = '在册' ORDER BY group_name, id`)
      .pluck()
      .all(villageIds[1]) as number[]
    const pages = [1, 2, 3, 4, 5, 6].map((page) => voters.list({ villageId: villageIds[1], page, pageSize: 50 }))
    expect(pages.flatMap((p) => p.rows.map((r) => r.id))).toEqual(all)
    expect(pages[0].total).toBe(250)
  })
})
