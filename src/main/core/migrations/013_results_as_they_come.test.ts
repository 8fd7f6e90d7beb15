import path from 'node:path'
import { expect, it } from 'vitest'
import { makeIdNumber } from '../../../../tests/fixtures/ids'
import { DEFAULT_PLAN_TEMPLATE } from '../../../shared/plan-schedule'
import { DEFAULT_VOTING_RULES } from '../../../shared/voting-rules'
import { villageInput } from '../../../shared/village'
import { voterInput } from '../../../shared/voter'
import { Store } from '../store'
import { testServices, useTempDir } from '../test-support'

const tempDir = useTempDir()

it('opens a version-11 file: results and the members they elected kept, the age setting gone, 申诉处理 5 + 3 days, relations as kinds', () => {
  const file = path.join(tempDir(), 'office.db')
  const old = Store.fileStore(file, { targetVersion: 11 })
  const s = testServices(old)
  const villageId = s.villages.create(villageInput.parse({ name: '东山村', kind: '村', committeeElectionDate: '2026-03-01' })).id
  const [a, b] = ['1970-01-01', '1972-02-02'].map((birth, i) => s.voters.create(voterInput.parse({ villageId, idNumber: makeIdNumber(birth, i ? '女' : '男', i), name: i ? '王芳' : '王强', category: 1 })))
  const at = '2026-03-01T09:00:00+08:00'
  old.db.prepare(`INSERT INTO voter_proxies (village_id, principal_id, holder_id, relation, written, created_at) VALUES (?, ?, ?, '妻子', 1, ?)`).run(villageId, b.id, a.id, at)
  old.db.prepare(`INSERT INTO settings (key, value, updated_at) VALUES ('voting.rules', ?, ?)`).run(JSON.stringify({ ...DEFAULT_VOTING_RULES, voterMinAge: 16 }), at)
  const oldPlan = DEFAULT_PLAN_TEMPLATE.map((x) => (x.key === 'c-appeal' ? { ...x, durationDays: 3 } : x))
  old.db.prepare(`INSERT INTO settings (key, value, updated_at) VALUES ('plans.template', ?, ?)`).run(JSON.stringify(oldPlan), at)
  old.db
    .prepare(
      `INSERT INTO elections (village_id, body, round, held_on, registered, present, issued, returned, valid_ballots, invalid_ballots, note, created_at, updated_at)
       VALUES (?, '村委会', '正式选举', '2026-03-01', 1000, NULL, 620, 600, 590, 10, '', ?, ?)`
    )
    .run(villageId, at, at)
  old.db.prepare(`INSERT INTO election_races (election_id, seq, post, seats) VALUES (1, 0, '主任', 1)`).run()
  const person = old.value<number>('SELECT person_id FROM voters WHERE id = ?', a.id)
  old.db.prepare(`INSERT INTO election_candidates (race_id, seq, person_id, name, sex, votes, write_in) VALUES (1, 0, ?, '王强', '男', 420, 0)`).run(person)
  old.db.prepare(`INSERT INTO committee_members (village_id, person_id, term, body, post, election_id, elected_on, created_at, updated_at) VALUES (?, ?, '本届', '村委会', '主任', 1, '2026-03-01', ?, ?)`).run(villageId, person, at, at)
  old.close()

  const store = Store.fileStore(file)
  expect(store.version).toBeGreaterThanOrEqual(13)
  expect(store.db.pragma('foreign_key_check')).toEqual([])
  expect(store.db.pragma('foreign_keys', { simple: true })).toBe(1)
  const t = testServices(store)
  expect(t.elections.list(villageId).map((e) => [e.returned, e.version, e.locked, e.decision.valid])).toEqual([[600, 1, false, true]])
  expect(t.members.roster({ term: '本届' }).map((m) => [m.name, m.electionId])).toEqual([['王强', 1]])
  // The member still refers to the rebuilt table: deleting the result is refused by the file itself while they do.
  expect(() => store.run('DELETE FROM elections WHERE id = 1')).toThrow(/FOREIGN KEY/)
  expect(JSON.parse(store.value<string>(`SELECT value FROM settings WHERE key = 'voting.rules'`)!)).not.toHaveProperty('voterMinAge')
  expect(t.plans.template().find((x) => x.key === 'c-appeal')!.durationDays).toBe(8)
  expect(store.value(`SELECT relation FROM voter_proxies`)).toBe('配偶')
  // What the law records can now be stored: more ballots returned than issued, and 补选.
  expect(() => store.run(`UPDATE elections SET returned = 630, valid_ballots = 620 WHERE id = 1`)).not.toThrow()
  expect(t.calendar.list().filter((d) => d.kind === '班').map((d) => d.day)).toEqual(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'])
  store.close()
})
