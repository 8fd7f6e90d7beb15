import ExcelJS from 'exceljs'
import path from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import { nthId, voterRows, xlsxBuffer } from '../../../tests/fixtures/rosters'
import { naturalCompare, naturalKey } from '../../shared/natural-order'
import { villageInput } from '../../shared/village'
import { voterInput } from '../../shared/voter'
import { fixedClock } from './clock'
import type { Services } from './services'
import { Store } from './store'
import { arrayBufferOf, testServices, useTempDir } from './test-support'

/** 村民小组 in counting order (第1组 … 第10组, 第12组) in the paged list and in the exported 选民名单, not text order. */
const tempDir = useTempDir()
let store: Store
let s: Services
let villageId: number

const GROUPS = ['第10组', '第2组', '第12组', '第1组', '第3组']
const COUNTED = ['第1组', '第2组', '第3组', '第10组', '第12组']

beforeEach(() => {
  store = Store.fileStore(path.join(tempDir(), 'register.db'), { actor: '测试员' })
  s = testServices(store, fixedClock('2026-02-01'))
  villageId = s.villages.create(villageInput.parse({ name: '龙山村', kind: '村', committeeElectionDate: '2026-03-01' })).id
  return () => store.close()
})

/** The groups in the order rows came, each once. */
const runs = (groups: string[]) => groups.filter((g, i) => g !== groups[i - 1])

describe('村民小组 order', () => {
  it('one key for SQL and JS: compared as text, it is the counting order', () => {
    const names = ['第10组', '第1组', '十一组', '二组', '第01组', '', '东组', '第2组']
    expect([...names].sort(naturalCompare)).toEqual([...names].sort((a, b) => (naturalKey(a) < naturalKey(b) ? -1 : naturalKey(a) > naturalKey(b) ? 1 : 0)))
    // SQLite's own BINARY order of the keys is the same.
    const sorted = store.values<string>(`SELECT json_extract(value, '$.n') FROM json_each(?) ORDER BY json_extract(value, '$.k')`, JSON.stringify(names.map((n) => ({ n, k: naturalKey(n) }))))
    expect(sorted).toEqual([...names].sort(naturalCompare))
  })

  it('a bulk roster import (triggers dropped) and a form edit keep the key: the list and the 选民名单 come in counting order', async () => {
    // 2,500 rows take the bulk path; the groups come in the file out of order.
    const people = Array.from({ length: 2500 }, (_, i) => ({ group: GROUPS[i % GROUPS.length], name: `选民${i}`, id: nthId(9000 + i), category: '一类' }))
    const { analysis, preview } = await s.imports.read('voters', { bytes: await xlsxBuffer([{ name: '选民', rows: voterRows(people) }]), name: '龙山村选民.xlsx' }, { villageId })
    expect(preview.counts.problems).toBe(0)
    await s.imports.commitInBatches(analysis)
    // One voter moved by hand to a new group, 第11组, between 第10组 and 第12组.
    const moved = store.value<number>('SELECT v.id FROM voters v JOIN persons p ON p.id = v.person_id WHERE p.id_number = ?', nthId(9007))!
    s.voters.update(moved, voterInput.parse({ villageId, idNumber: nthId(9007), name: '选民7', category: 1, groupName: '第11组' }))

    const listed: string[] = []
    for (let page = 1; page <= 6; page++) listed.push(...s.voters.list({ villageId, page, pageSize: 500 }).rows.map((r) => r.groupName))
    expect(listed).toHaveLength(2500)
    expect(runs(listed)).toEqual(['第1组', '第2组', '第3组', '第10组', '第11组', '第12组'])
    // The paged list still walks the list index.
    const plan = store.all<{ detail: string }>(`EXPLAIN QUERY PLAN SELECT v.id FROM voters v WHERE v.status = '在册' AND v.village_id = 1 ORDER BY v.village_id, v.group_key, v.id LIMIT 50`)
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/USING (COVERING )?INDEX voters_village_list/)
    expect(plan.map((p) => p.detail).join(' ')).not.toContain('TEMP B-TREE')

    const file = await s.exports.file({ table: 'voters', format: 'xlsx', villageId })
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(arrayBufferOf(Buffer.from(file.base64, 'base64')))
    const ws = wb.worksheets[0]
    const exported: string[] = []
    ws.eachRow((row, n) => {
      if (n > 3 && typeof row.getCell(1).value === 'number') exported.push(String(row.getCell(2).value))
    })
    expect(exported).toHaveLength(2500)
    expect(runs(exported)).toEqual(['第1组', '第2组', '第3组', '第10组', '第11组', '第12组'])
    expect(runs(exported).filter((g) => g !== '第11组')).toEqual(COUNTED)
  }, 60_000)
})
