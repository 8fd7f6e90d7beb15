import path from 'node:path'
import { expect, it } from 'vitest'
import { villageInput } from '../../../shared/village'
import { Store } from '../store'
import { testServices, useTempDir } from '../test-support'

const tempDir = useTempDir()

it('opens a version-9 file with election results, keeping every row, the new counts empty until entered', () => {
  const file = path.join(tempDir(), 'office.db')
  const old = Store.fileStore(file, { targetVersion: 9 })
  const villageId = testServices(old).villages.create(villageInput.parse({ name: '东山村', kind: '村', committeeElectionDate: '2026-03-01' })).id
  const insert = old.db.prepare(
    `INSERT INTO elections (village_id, body, round, held_on, registered, present, issued, returned, valid_ballots, invalid_ballots, note, created_at, updated_at)
     VALUES (?, ?, '正式选举', ?, ?, ?, ?, ?, ?, ?, ?, '2026-03-01T09:00:00+08:00', '2026-03-01T09:00:00+08:00')`
  )
  insert.run(villageId, '村委会', '2026-03-01', 1000, null, 620, 600, 590, 10, '流动票箱两个')
  insert.run(villageId, '党组织', '2026-02-20', 30, 28, 28, 28, 28, 0, '')
  old.db.prepare(`INSERT INTO election_races (election_id, seq, post, seats) SELECT id, 0, CASE body WHEN '村委会' THEN '主任' ELSE '书记' END, 1 FROM elections`).run()
  old.db.prepare(`INSERT INTO election_candidates (race_id, seq, person_id, name, sex, votes, write_in) SELECT id, 0, NULL, '张伟', '男', 26, 0 FROM election_races`).run()
  const before = old.db.prepare('SELECT * FROM elections ORDER BY id').all()
  old.close()

  const store = Store.fileStore(file)
  expect(store.version).toBeGreaterThanOrEqual(10)
  const after = store.all<Record<string, unknown>>('SELECT * FROM elections ORDER BY id')
  // Migration 13 rebuilds the table with a version and a lock; every row and count is kept.
  expect(after).toEqual(before.map((r) => ({ ...(r as object), proxy_votes: null, mobile_votes: null, version: 1, locked: 0 })))
  const elections = testServices(store).elections
  expect(elections.list(villageId).map((e) => [e.body, e.returned, e.proxyVotes, e.mobileVotes, e.note])).toEqual([
    ['村委会', 600, null, null, '流动票箱两个'],
    ['党组织', 28, null, null, '']
  ])
  // The file itself refuses counts above those who voted, whatever writes them.
  expect(() => store.run('UPDATE elections SET mobile_votes = 601 WHERE body = ?', '村委会')).toThrow(/CHECK/)
  store.close()
})
