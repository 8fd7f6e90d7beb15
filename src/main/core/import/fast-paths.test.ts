import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { badCheckId, nthId, voterRows, xlsxBuffer } from '../../../../tests/fixtures/rosters'
import { villageInput } from '../../../shared/village'
import { voterInput } from '../../../shared/voter'
import { AuditService } from '../audit'
import { Store } from '../store'
import { VillageService } from '../villages'
import { VoterService } from '../voters'
import { adapterFor } from './kinds'
import { currentPlan, ImportService } from './service'

let dir: string
let dbFile: string
let store: Store
let imports: ImportService
let longshan: number
let fenghuang: number

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'huanjie-fast-'))
  dbFile = path.join(dir, 'office.db')
  store = Store.fileStore(dbFile)
  imports = new ImportService(store)
  const villages = new VillageService(store)
  const village = (name: string) => villages.create(villageInput.parse({ name, kind: '村', township: '龙山镇', committeeElectionDate: '2026-11-26' })).id
  longshan = village('龙山村')
  fenghuang = village('凤凰村')
})

afterEach(() => {
  store.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

/** More rows than one chunk of the streamed import, so that some are written before the last is read. */
const MANY = 4500
const people = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `选民${i}`, id: nthId(i), group: `${(i % 5) + 1}组`, category: '一类' }))
const roster = (rows: ReturnType<typeof people>) => xlsxBuffer([{ name: '选民名单', rows: voterRows(rows) }])
const count = (table: string) => store.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number
const imported = () => new AuditService(store).list().filter((e) => e.action === 'import')

function snapshot(): Buffer {
  store.db.pragma('wal_checkpoint(TRUNCATE)')
  return fs.readFileSync(dbFile)
}

describe('the plan made for the preview', () => {
  it('is written as it is when nothing changed between preview and commit', async () => {
    const { analysis } = await imports.read('voters', { bytes: await roster(people(3)), name: 'a.xlsx' }, { villageId: longshan })
    const register = adapterFor('voters', store).register
    expect(store.write(() => currentPlan(store, analysis, register).reused)).toBe(true)
    expect(imports.commit(analysis)).toMatchObject({ added: 3 })
  })

  it('is made again when another program changed the register in between, and meets the register as it is now', async () => {
    const { analysis, preview } = await imports.read('voters', { bytes: await roster(people(3)), name: 'a.xlsx' }, { villageId: longshan })
    expect(preview.counts).toMatchObject({ added: 3, problems: 0 })
    const other = Store.fileStore(dbFile)
    try {
      new VoterService(other).create(voterInput.parse({ villageId: fenghuang, idNumber: nthId(2), name: '选民2', category: 1 }))
    } finally {
      other.close()
    }
    const register = adapterFor('voters', store).register
    expect(store.write(() => currentPlan(store, analysis, register).reused)).toBe(false)
    expect(() => imports.commit(analysis)).toThrow('第5行：选民2（')
    expect(count('voters')).toBe(1)
  })

  it('is made again when this program wrote in between', async () => {
    const { analysis } = await imports.read('voters', { bytes: await roster(people(3)), name: 'a.xlsx' }, { villageId: longshan })
    new VoterService(store).create(voterInput.parse({ villageId: longshan, idNumber: nthId(0), name: '选民0', category: 2 }))
    const register = adapterFor('voters', store).register
    expect(store.write(() => currentPlan(store, analysis, register).reused)).toBe(false)
    expect(imports.commit(analysis)).toMatchObject({ added: 2, updated: 1 })
  })
})

describe('reading and writing in one pass', () => {
  it('writes every row in one transaction with one audit entry, and a second pass changes nothing', async () => {
    const bytes = await roster(people(MANY))
    const first = await imports.readAndCommit('voters', { bytes, name: '选民.xlsx' }, { villageId: longshan })
    expect(first.summary).toMatchObject({ added: MANY, updated: 0, unchanged: 0 })
    expect(first.preview.counts).toEqual({ rows: MANY, added: MANY, updated: 0, unchanged: 0, problems: 0 })
    expect(count('voters')).toBe(MANY)
    expect(imported()).toHaveLength(1)

    const rows = (table: string) => store.db.prepare(`SELECT * FROM ${table} ORDER BY id`).all()
    const [voters, persons] = [rows('voters'), rows('persons')]
    const again = await imports.readAndCommit('voters', { bytes, name: '选民.xlsx' }, { villageId: longshan })
    expect(again.summary).toMatchObject({ added: 0, updated: 0, unchanged: MANY })
    expect(rows('voters')).toEqual(voters)
    expect(rows('persons')).toEqual(persons)
    expect(imported()).toHaveLength(2)
  })

  it('rolls back the rows already written when the last row is wrong, and reports it at its sheet row', async () => {
    const rows = people(MANY)
    rows.push({ name: '钱七', id: badCheckId('19800501', 40, '男'), group: '1组', category: '一类' })
    const before = snapshot()
    const { preview, summary } = await imports.readAndCommit('voters', { bytes: await roster(rows), name: '选民.xlsx' }, { villageId: longshan })
    expect(summary).toBeNull()
    expect(preview.problems).toEqual([expect.objectContaining({ row: MANY + 3, column: 'E', message: expect.stringContaining('校验位') })])
    expect(snapshot().equals(before)).toBe(true)
  })

  it('reports a person registered elsewhere in a later chunk at their row, and writes nothing', async () => {
    new VoterService(store).create(voterInput.parse({ villageId: fenghuang, idNumber: nthId(MANY - 1), name: `选民${MANY - 1}`, category: 1 }))
    const before = snapshot()
    const { preview, summary } = await imports.readAndCommit('voters', { bytes: await roster(people(MANY)), name: '选民.xlsx' }, { villageId: longshan })
    expect(summary).toBeNull()
    expect(preview.counts.problems).toBe(1)
    expect(preview.problems[0]).toMatchObject({ row: MANY + 2, column: 'E', message: expect.stringContaining('凤凰村') })
    expect(snapshot().equals(before)).toBe(true)
  })
})
