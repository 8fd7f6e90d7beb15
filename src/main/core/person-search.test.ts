import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { makeIdNumber } from '../../../tests/fixtures/ids'
import { voterRows, xlsxBuffer } from '../../../tests/fixtures/rosters'
import { villageInput } from '../../shared/village'
import { naturalKey } from '../../shared/natural-order'
import { addDays, voterInput } from '../../shared/voter'
import { matchingPersons } from './person-search'
import { idPrefixPattern, likePattern, searchKey } from './search-key'
import { Store } from './store'
import { SEARCH_COUNTED } from './voters'
import { testServices } from './test-support'

let dir: string
let store: Store
let village: number

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'huanjie-search-'))
  store = Store.fileStore(path.join(dir, 'office.db'), { actor: '测试' })
  village = testServices(store).villages.create(villageInput.parse({ name: '龙山村', kind: '村', committeeElectionDate: '2026-03-01' })).id
})

afterEach(() => {
  store.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

const NAMES = ['张三', '李四', '王伟芳', '欧阳修', '李%四', '王_五', '陈晓明', 'Anna Li', '刘秀英', '张', '单于', '曾国藩', '阿依古丽·买买提']

function register(names: string[]): void {
  const voters = testServices(store).voters
  names.forEach((name, i) => voters.create(voterInput.parse({ villageId: village, idNumber: makeIdNumber('1980-01-01', i % 2 ? '男' : '女', i + 1), name, category: 1 })))
}

/** What the search meant before the index: every person's key read with LIKE. */
function byScan(query: string): number[] {
  return store
    .values<number>(`SELECT id FROM persons WHERE search_key LIKE ? ESCAPE '\\' OR id_number LIKE ? ESCAPE '\\' ORDER BY id`, likePattern(query), idPrefixPattern(query))
}

const found = (query: string) => matchingPersons(store, query).sort((a, b) => a - b)

/** Every piece of every key, one to five characters long, and a few that match nothing. */
function queries(): string[] {
  const out = new Set(['%', '_', '%四', 'i%s', '_五', 'zz', '鑫', 'zhangsanx', '330', '3303', ' Z S ', '"', "'", 'a"b', 'ng ', '·'])
  for (const key of store.values<string>('SELECT search_key FROM persons')) {
    const chars = [...key.replace(/\s+/g, '')]
    for (let len = 1; len <= 5; len++) for (let i = 0; i + len <= chars.length; i++) out.add(chars.slice(i, i + len).join(''))
  }
  return [...out]
}

describe('the search index finds exactly whom reading every key finds', () => {
  it('for every piece of every name, pinyin and initials, short or long, % and _ as themselves', () => {
    register(NAMES)
    const all = queries()
    expect(all.length).toBeGreaterThan(300)
    for (const q of all) expect(found(q), q).toEqual(byScan(q))
    expect(found('%')).toEqual(byScan('%'))
    expect(found('%').length).toBe(1)
  })

  it('after names change and people go, as the triggers keep it', () => {
    register(NAMES)
    const persons = testServices(store).persons
    const li = persons.list({ search: '李四' })[0]
    persons.update(li.id, { ...li, name: '黎明' })
    store.run('DELETE FROM voters WHERE person_id = (SELECT id FROM persons WHERE name = ?)', '张三')
    store.run('DELETE FROM persons WHERE name = ?', '张三')
    for (const q of ['李四', 'ls', 'lm', '黎', '张三', 'zs', 'zhang', '张']) expect(found(q), q).toEqual(byScan(q))
    expect(found('黎明')).toEqual([li.id])
    expect(found('zhangsan')).toEqual([])
  })

  it('by ID number prefix', () => {
    register(NAMES)
    const id = makeIdNumber('1980-01-01', '女', 3)
    expect(found(id.slice(0, 10)).length).toBe(NAMES.length)
    expect(found(id)).toEqual(byScan(id))
    expect(found(id).length).toBe(1)
  })

  it('for a register written before the index existed, once it is upgraded', () => {
    store.close()
    const file = path.join(dir, 'old.db')
    store = Store.fileStore(file, { targetVersion: 10 })
    village = testServices(store).villages.create(villageInput.parse({ name: '龙山村', kind: '村', committeeElectionDate: '2026-03-01' })).id
    // Written as that version wrote them: the services of today write today's columns.
    NAMES.forEach((name, i) => {
      const person = store.run(
        `INSERT INTO persons (id_number, name, search_key, created_at, updated_at) VALUES (?, ?, ?, '2026-01-01', '2026-01-01')`,
        makeIdNumber('1980-01-01', i % 2 ? '男' : '女', i + 1),
        name,
        searchKey(name)
      ).lastInsertRowid
      store.run(`INSERT INTO voters (village_id, person_id, category, created_at, updated_at) VALUES (?, ?, 1, '2026-01-01', '2026-01-01')`, village, person)
    })
    store.close()
    store = Store.fileStore(file)
    expect(store.version).toBeGreaterThanOrEqual(16)
    for (const q of ['王', 'ww', 'wwf', 'wangweifang', '秀英', 'oyx', '%']) expect(found(q), q).toEqual(byScan(q))
    expect(found('wwf').length).toBe(1)
    // Migration 16 copied every voter's keys from the person.
    const copies = store.all<{ mine: string; theirs: string; id: string; personId: string }>(
      `SELECT v.search_key AS mine, p.search_key AS theirs, v.id_number AS id, p.id_number AS personId FROM voters v JOIN persons p ON p.id = v.person_id`
    )
    expect(copies.length).toBe(NAMES.length)
    for (const c of copies) expect([c.mine, c.id]).toEqual([c.theirs, c.personId])
    expect(testServices(store).voters.list({ search: 'wwf' }).rows.map((r) => r.name)).toEqual(['王伟芳'])
  })
})

describe('a voter search', () => {
  it('finds the voters of a roster import, by name, initials and pinyin', async () => {
    const roster = await xlsxBuffer([
      {
        name: '选民',
        rows: voterRows([
          { name: '钱多多', id: makeIdNumber('1970-05-05', '男', 71), category: '一类', group: '一组' },
          { name: '孙悟空', id: makeIdNumber('1975-06-06', '男', 72), category: '一类', group: '二组' }
        ])
      }
    ])
    const imports = testServices(store).imports
    const { analysis } = await imports.read('voters', { bytes: roster, name: '选民.xlsx' }, { villageId: village })
    await imports.commitInBatches(analysis)
    const voters = testServices(store).voters
    const names = (search: string) => voters.list({ search }).rows.map((r) => r.name)
    expect(names('钱多多')).toEqual(['钱多多'])
    expect(names('swk')).toEqual(['孙悟空'])
    expect(names('sunwukong')).toEqual(['孙悟空'])
    expect(names('悟')).toEqual(['孙悟空'])
    expect(names('多')).toEqual(['钱多多'])
    expect(voters.list({ search: makeIdNumber('1970-05-05', '男', 71).slice(0, 6) }).total).toBe(2)
  })

  it('pages the matches in list order with the total, and keeps the other filters', () => {
    const voters = testServices(store).voters
    for (let i = 0; i < 7; i++) voters.create(voterInput.parse({ villageId: village, idNumber: makeIdNumber('1980-01-01', '男', i + 1), name: `王${'伟芳明'[i % 3]}`, category: 1, groupName: `${(i % 2) + 1}组` }))
    const page = voters.list({ search: 'w', pageSize: 3, page: 2 })
    expect(page.total).toBe(7)
    const all = voters.list({ search: 'w', pageSize: 50 }).rows
    expect(all.map((r) => r.groupName)).toEqual(['1组', '1组', '1组', '1组', '2组', '2组', '2组'])
    expect(page.rows.map((r) => r.id)).toEqual(all.slice(3, 6).map((r) => r.id))
    expect(voters.list({ search: '王', groupName: '2组' }).total).toBe(3)
    expect(voters.list({ search: 'wf', groupName: '2组' }).rows.map((r) => r.name)).toEqual(['王芳'])
    const gone = all[0]
    voters.remove(gone.id, '迁出', '2026-02-01')
    expect(voters.list({ search: '王' }).total).toBe(6)
  })

  it('shows a scan’s rows whether it sorts the matches or walks the list, and counts a dense one only up to SEARCH_COUNTED', () => {
    const voters = testServices(store).voters
    const other = testServices(store).villages.create(villageInput.parse({ name: '青石村', kind: '村', committeeElectionDate: '2026-03-01' })).id
    store.write((audit) => {
      const w = voters.writer()
      // The dense names all in the second village, as a surname gathers in a village: a walk passes the first.
      for (let i = 0; i < 2600; i++) {
        const name = i % 5 === 4 ? `李${'伟芳明'[i % 3]}` : `王_${'伟芳明'[i % 3]}`
        w.upsert(voterInput.parse({ villageId: other, idNumber: makeIdNumber(addDays('1950-01-01', i), i % 2 ? '男' : '女', 1), name, category: 1, groupName: `${(i * 7) % 11}组` }))
      }
      for (let i = 0; i < 600; i++) {
        w.upsert(voterInput.parse({ villageId: village, idNumber: makeIdNumber(addDays('1950-01-01', i), i % 2 ? '男' : '女', 2), name: `张%${'伟芳明'[i % 3]}`, category: 1, groupName: `${i % 3}组` }))
      }
      audit({ action: 'import', entity: 'voter', summary: '导入' })
    })
    // List order by the same SQL as the list itself, the search by LIKE over every key, as before the index.
    const scan = (search: string, f: { villageId?: number; groupName?: string } = {}) =>
      store.values<number>(
        `SELECT v.id FROM voters v JOIN persons p ON p.id = v.person_id WHERE v.status = '在册'
         AND (@villageId IS NULL OR v.village_id = @villageId) AND (@groupName IS NULL OR v.group_name = @groupName)
         AND (p.search_key LIKE @like ESCAPE '\\' OR p.id_number LIKE @prefix ESCAPE '\\') ORDER BY v.village_id, v.group_key, v.id`,
        { villageId: f.villageId ?? null, groupName: f.groupName ?? null, like: likePattern(search), prefix: idPrefixPattern(search) }
      )
    const cases: [string, { villageId?: number; groupName?: string }][] = [
      ['w', {}],
      ['_', {}],
      ['王_', { villageId: other }],
      ['w', { villageId: other, groupName: '3组' }],
      ['%', {}],
      ['李', {}],
      ['李伟', { villageId: other }],
      ['zz', {}]
    ]
    const dense = new Set<string>()
    for (const [search, f] of cases) {
      const expected = scan(search, f)
      for (const page of [1, 2, 20, 21, Math.max(1, Math.ceil(expected.length / 50))]) {
        const got = voters.list({ search, ...f, page, pageSize: 50 })
        const label = `${search} ${JSON.stringify(f)} page ${page}`
        expect(got.rows.map((r) => r.id), label).toEqual(expected.slice((page - 1) * 50, page * 50))
        if (got.capped) {
          dense.add(search)
          expect(expected.length, label).toBeGreaterThan(got.total)
          expect(got.total, label).toBe(Math.max(SEARCH_COUNTED, page * 50))
        } else {
          expect(got.total, label).toBe(expected.length)
        }
      }
    }
    // 王_ and 李伟 in the one village: 2,253 match w, 2,080 the literal _, and those are counted only so far.
    expect([...dense].sort()).toEqual(['_', 'w', '王_'])
    expect(scan('_').length).toBe(2080)
    expect(voters.list({ search: '%' }).total).toBe(600)
    expect(voters.list({ search: '李', pageSize: 50 })).toMatchObject({ total: 520, capped: false })
  })

  it('walks the voters’ own copies of the keys, which follow a rename and any other writer', () => {
    const voters = testServices(store).voters
    store.write((audit) => {
      const w = voters.writer()
      for (let i = 0; i < 1800; i++) {
        w.upsert(voterInput.parse({ villageId: village, idNumber: makeIdNumber(addDays('1950-01-01', i), i % 2 ? '男' : '女', 3), name: `王${'伟芳明'[i % 3]}`, category: 1, groupName: `${i % 4}组` }))
      }
      audit({ action: 'import', entity: 'voter', summary: '导入' })
    })
    const persons = testServices(store).persons
    const renamed = store.values<number>(`SELECT person_id FROM voters WHERE group_name = '0组' ORDER BY id LIMIT 5`)
    for (const id of renamed) persons.update(id, { ...persons.require(id), name: '李明' })
    // A writer that knows nothing of the copies: the trigger fills them.
    const person = store.run(
      `INSERT INTO persons (id_number, name, search_key, created_at, updated_at) VALUES (?, '王五', ?, '2026-01-01', '2026-01-01')`,
      makeIdNumber('1960-06-06', '男', 4),
      searchKey('王五')
    ).lastInsertRowid
    // The group's natural key is written by whoever writes a voter (no SQL function computes it).
    store.run(`INSERT INTO voters (village_id, person_id, group_name, group_key, category, created_at, updated_at) VALUES (?, ?, '0组', ?, 1, '2026-01-01', '2026-01-01')`, village, person, naturalKey('0组'))
    const scan = (search: string) =>
      store.values<number>(
        `SELECT v.id FROM voters v JOIN persons p ON p.id = v.person_id WHERE v.status = '在册'
         AND (p.search_key LIKE ? ESCAPE '\\' OR p.id_number LIKE ? ESCAPE '\\') ORDER BY v.village_id, v.group_key, v.id`,
        likePattern(search),
        idPrefixPattern(search)
      )
    expect(scan('w').length).toBe(1796)
    for (const page of [1, 2, 20]) {
      const got = voters.list({ search: 'w', page, pageSize: 50 })
      expect(got.capped).toBe(true)
      expect(got.rows.map((r) => r.id), `page ${page}`).toEqual(scan('w').slice((page - 1) * 50, page * 50))
    }
    const wangWu = store.value<number>('SELECT id FROM voters WHERE person_id = ?', person)!
    const at = scan('w').indexOf(wangWu)
    expect(at).toBeGreaterThan(0)
    const itsPage = voters.list({ search: 'w', page: Math.floor(at / 50) + 1, pageSize: 50 })
    expect(itsPage.rows.map((r) => r.name)).toContain('王五')
    expect(voters.list({ search: '李明' })).toMatchObject({ total: 5, capped: false })
    // The person register walks too when many match, in id order, a page from where it is asked.
    const byKey = (search: string, limit: number, offset: number) =>
      store.values<number>(`SELECT id FROM persons WHERE search_key LIKE ? ESCAPE '\\' OR id_number LIKE ? ESCAPE '\\' ORDER BY id LIMIT ? OFFSET ?`, likePattern(search), idPrefixPattern(search), limit, offset)
    for (const [search, offset] of [['w', 0], ['w', 1700], ['wm', 30], ['李明', 0], ['_', 0]] as const) {
      expect(persons.list({ search, limit: 50, offset }).map((p) => p.id), `${search} ${offset}`).toEqual(byKey(search, 50, offset))
    }
    // By ID prefix in the walk too: the 1950s, as the old scan found them.
    expect(voters.list({ search: makeIdNumber('1950-01-01', '男', 3).slice(0, 7), pageSize: 50 }).rows.map((r) => r.id)).toEqual(scan(makeIdNumber('1950-01-01', '男', 3).slice(0, 7)).slice(0, 50))
  })
})
