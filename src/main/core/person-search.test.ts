import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { makeIdNumber } from '../../../tests/fixtures/ids'
import { voterRows, xlsxBuffer } from '../../../tests/fixtures/rosters'
import { villageInput } from '../../shared/village'
import { addDays, voterInput } from '../../shared/voter'
import { matchingPersons } from './person-search'
import { idPrefixPattern, likePattern } from './search-key'
import { Store } from './store'
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
    register(NAMES)
    store.close()
    store = Store.fileStore(file)
    expect(store.version).toBeGreaterThanOrEqual(11)
    for (const q of ['王', 'ww', 'wwf', 'wangweifang', '秀英', 'oyx', '%']) expect(found(q), q).toEqual(byScan(q))
    expect(found('wwf').length).toBe(1)
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

  it('gives the same pages whether it sorts the matches or walks the list (thousands of matches)', () => {
    const voters = testServices(store).voters
    store.write((audit) => {
      const w = voters.writer()
      for (let i = 0; i < 2600; i++) {
        const name = i % 5 === 4 ? `李${'伟芳明'[i % 3]}` : `王${'伟芳明'[i % 3]}`
        w.upsert(voterInput.parse({ villageId: village, idNumber: makeIdNumber(addDays('1950-01-01', i), i % 2 ? '男' : '女', 1), name, category: 1, groupName: `${(i * 7) % 11}组` }))
      }
      audit({ action: 'import', entity: 'voter', summary: '导入' })
    })
    // List order by the same SQL as the list itself, the search by LIKE.
    const expected = store.values<number>(
      `SELECT v.id FROM voters v JOIN persons p ON p.id = v.person_id WHERE v.status = '在册' AND p.search_key LIKE '%w%'
       ORDER BY v.village_id, v.group_key, v.id`
    )
    // 王 and 李伟: more than the 2,000 matches above which the list is walked.
    expect(expected.length).toBe(2080 + 173)
    const last = Math.ceil(expected.length / 50)
    for (const page of [1, 2, 17, last - 1, last, last + 1]) {
      const got = voters.list({ search: 'w', page, pageSize: 50 })
      expect(got.total).toBe(expected.length)
      expect(got.rows.map((r) => r.id), `page ${page}`).toEqual(expected.slice((page - 1) * 50, page * 50))
    }
    expect(voters.list({ search: '李', pageSize: 50 }).total).toBe(520)
  })
})
