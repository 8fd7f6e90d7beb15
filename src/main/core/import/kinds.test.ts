import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { badCheckId, idNumber, nthId, voterRows, xlsxBuffer, type FixtureCell } from '../../../../tests/fixtures/rosters'
import { runCli } from '../../../../tests/fixtures/run-cli'
import { villageInput } from '../../../shared/village'
import { voterInput } from '../../../shared/voter'
import { Store } from '../store'
import { adapterFor } from './kinds'
import { currentPlan, ImportService } from './service'
import { testServices } from '../test-support'

let dir: string
let dbFile: string
let store: Store
let imports: ImportService
let longshan: number
let fenghuang: number

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'huanjie-kinds-'))
  dbFile = path.join(dir, 'office.db')
  store = Store.fileStore(dbFile)
  imports = testServices(store).imports
  const villages = testServices(store).villages
  const village = (name: string) =>
    villages.create(villageInput.parse({ name, kind: '村', township: '龙山镇', committeeElectionDate: '2026-11-26', partyElectionDate: '2026-10-20' })).id
  longshan = village('龙山村')
  fenghuang = village('凤凰村')
})

afterEach(() => {
  store.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

const ZHANG = idNumber('19800501', 11, '男')
const LI = idNumber('19850312', 22, '女')
const WANG = idNumber('19920101', 33, '男')
/** 17 on the election day of 2026-11-26. */
const YOUNG = idNumber('20090101', 44, '男')

const sheet = (rows: FixtureCell[][]) => xlsxBuffer([{ name: '选民名单', merges: ['A1:I1'], rows }])

const roster = [
  { group: '1组', name: '张三', sex: '男', id: ZHANG, address: '龙山村1组5号', category: '一类' },
  { group: '2组', name: '李四', sex: '女', id: LI, address: '龙山村2组8号', category: '户籍在本村、不在本村居住、本人表示参加选举' },
  { group: '3组', name: '王五', id: WANG, address: '龙山村3组1号', category: '三类', approval: ['2026-02-20', '村民代表会议'] as [FixtureCell, FixtureCell] }
]

function votersOf(villageId: number) {
  return testServices(store).voters
    .list({ villageId })
    .rows.map((v) => [v.name, v.groupName, v.category, v.address, v.approvalMeeting])
}

describe('voters', () => {
  it('registers the roster as voters of the chosen village, one audit entry, and a second import changes nothing', async () => {
    const bytes = await sheet(voterRows(roster))
    const first = await imports.read('voters', { bytes, name: '龙山村选民.xlsx' }, { villageId: longshan })
    expect(first.preview.problems).toEqual([])
    expect(first.preview.counts).toEqual({ rows: 3, added: 3, updated: 0, unchanged: 0, problems: 0 })
    expect(imports.commit(first.analysis)).toMatchObject({ added: 3, updated: 0, unchanged: 0 })
    expect(votersOf(longshan)).toEqual([
      ['张三', '1组', 1, '龙山村1组5号', null],
      ['李四', '2组', 2, '龙山村2组8号', null],
      ['王五', '3组', 3, '龙山村3组1号', '村民代表会议']
    ])
    expect(testServices(store).persons.findByIdNumber(LI)).toMatchObject({ name: '李四', sex: '女', birthDate: '1985-03-12', villageId: longshan })
    const entries = testServices(store).audit.list().filter((e) => e.action === 'import')
    expect(entries).toEqual([expect.objectContaining({ entity: 'voters', after: expect.objectContaining({ added: 3, villageId: longshan }) })])

    const rowsBefore = store.db.prepare('SELECT * FROM voters ORDER BY id').all()
    const personsBefore = store.db.prepare('SELECT * FROM persons ORDER BY id').all()
    const again = await imports.read('voters', { bytes, name: '龙山村选民.xlsx' }, { villageId: longshan })
    expect(again.preview.counts).toMatchObject({ added: 0, updated: 0, unchanged: 3 })
    expect(imports.commit(again.analysis)).toMatchObject({ added: 0, updated: 0, unchanged: 3 })
    expect(store.db.prepare('SELECT * FROM voters ORDER BY id').all()).toEqual(rowsBefore)
    expect(store.db.prepare('SELECT * FROM persons ORDER BY id').all()).toEqual(personsBefore)

    // A moved household: one row updated, and the 三类 approval kept from the register when the file leaves it out.
    const moved = await sheet(voterRows([roster[0], { ...roster[1], address: '龙山村2组9号' }, { ...roster[2], approval: undefined }]))
    const third = await imports.read('voters', { bytes: moved, name: '更正.xlsx' }, { villageId: longshan })
    expect(third.preview.counts).toMatchObject({ added: 0, updated: 1, unchanged: 2, problems: 0 })
    imports.commit(third.analysis)
    expect(votersOf(longshan)[1]).toEqual(['李四', '2组', 2, '龙山村2组9号', null])
    expect(votersOf(longshan)[2]).toEqual(['王五', '3组', 3, '龙山村3组1号', '村民代表会议'])
  })

  it('names both villages for a person registered elsewhere, at the sheet row, and refuses the under-aged and a 三类 row without approval', async () => {
    testServices(store).voters.create(voterInput.parse({ villageId: fenghuang, idNumber: LI, name: '李四', category: 1 }))
    const bytes = await sheet(
      voterRows([
        roster[0], // row 3
        roster[1], // row 4
        { name: '小明', id: YOUNG, category: '一类' }, // row 5
        { name: '赵六', id: idNumber('19700101', 55, '女'), category: '3' } // row 6
      ])
    )
    const { analysis, preview } = await imports.read('voters', { bytes, name: '选民.xlsx' }, { villageId: longshan })
    expect(preview.problems).toEqual([
      {
        row: 4,
        column: 'E',
        header: '公民身份号码',
        message: `李四（${LI}）已登记在“凤凰村”的选民名单中，不能再登记在“龙山村”：同一选民只能在一处登记`
      },
      { row: 5, column: 'E', header: '公民身份号码', message: '小明：选举日（2026-11-26）未满18周岁（届时17岁），不能登记为选民' },
      { row: 6, column: 'H', header: '同意日期', message: '三类选民须填写村民会议或村民代表会议同意的日期和会议' }
    ])
    expect(() => imports.commit(analysis)).toThrow('文件中有 3 处问题，未导入任何数据')
    expect(votersOf(longshan)).toEqual([])
  })

  it('leaves the database byte-for-byte as it was when the last row turns out registered elsewhere at commit', async () => {
    const people = Array.from({ length: 200 }, (_, i) => ({ name: `选民${i}`, id: nthId(i), category: '一类' }))
    const bytes = await sheet(voterRows(people))
    const { analysis, preview } = await imports.read('voters', { bytes, name: '选民.xlsx' }, { villageId: longshan })
    expect(preview.counts).toMatchObject({ added: 200, problems: 0 })
    // Between the preview and the commit, someone registers the last person in another village.
    testServices(store).voters.create(voterInput.parse({ villageId: fenghuang, idNumber: nthId(199), name: '选民199', category: 1 }))
    store.db.pragma('wal_checkpoint(TRUNCATE)')
    const snapshot = fs.readFileSync(dbFile)
    expect(() => imports.commit(analysis)).toThrow('第202行：选民199（')
    store.db.pragma('wal_checkpoint(TRUNCATE)')
    expect(fs.readFileSync(dbFile).equals(snapshot)).toBe(true)
    expect(votersOf(longshan)).toEqual([])
  })

  it('refuses a village without election day and a file without the village', async () => {
    const bytes = await sheet(voterRows(roster))
    const village = testServices(store).villages.create(villageInput.parse({ name: '石门村', kind: '村', township: '龙山镇' }))
    await expect(imports.read('voters', { bytes, name: 'x.xlsx' }, { villageId: village.id })).rejects.toThrow('请先在村社台账中填写“石门村”的村委会选举日期')
    await expect(imports.read('voters', { bytes, name: 'x.xlsx' })).rejects.toThrow('导入选民须先选择所属村社')
  })
})

describe('CLI import voters', () => {
  it('exits 0 with the counts, and 1 with the row naming both villages and nothing changed', async () => {
    testServices(store).voters.create(voterInput.parse({ villageId: fenghuang, idNumber: WANG, name: '王五', category: 1 }))
    store.close()
    const good = path.join(dir, 'good.xlsx')
    fs.writeFileSync(good, await sheet(voterRows(roster.slice(0, 2))))
    const bad = path.join(dir, 'bad.xlsx')
    fs.writeFileSync(bad, await sheet(voterRows([{ name: '孙七', id: idNumber('19750101', 66, '女'), category: '二类' }, roster[2]])))

    const done = await runCli('import', 'voters', good, '--db', dbFile, '--village', '龙山村', '--json')
    expect(done.code).toBe(0)
    expect(JSON.parse(done.out)).toMatchObject({ ok: true, kind: 'voters', added: 2, updated: 0, unchanged: 0 })
    const again = await runCli('import', 'voters', good, '--db', dbFile, '--village', '龙山村')
    expect(again.code).toBe(0)
    expect(again.out).toContain('新增 0，更新 0，未变 2')

    const failed = await runCli('import', 'voters', bad, '--db', dbFile, '--village', '龙山村', '--json')
    expect(failed.code).toBe(1)
    expect(JSON.parse(failed.out)).toEqual({
      ok: false,
      errorCount: 1,
      errors: [
        {
          row: 4,
          column: 'E',
          header: '公民身份号码',
          message: `王五（${WANG}）已登记在“凤凰村”的选民名单中，不能再登记在“龙山村”：同一选民只能在一处登记`
        }
      ]
    })
    store = Store.fileStore(dbFile)
    expect(votersOf(longshan).map((v) => v[0])).toEqual(['张三', '李四'])
    expect(testServices(store).persons.findByIdNumber(idNumber('19750101', 66, '女'))).toBeUndefined()
  })
})

const CANDIDATE_HEADER = ['序号', '村社', '姓名', '身份证号码', '民族', '拟任职务', '来源', '人选类别', '政治面貌', '入党时间', '学历']

describe('candidates', () => {
  const rows = (...people: FixtureCell[][]) => xlsxBuffer([{ name: '人选', rows: [['龙山镇村“两委”人选名单'], CANDIDATE_HEADER, ...people] }])

  it('proposes each person in the named village with the profile fields, and a second import changes nothing', async () => {
    const bytes = await rows(
      [1, '龙山村', '张三', ZHANG, '汉族', '支部书记', '党员推荐', '初步人选', '中共党员', '2005.07', '大学本科'],
      [2, '凤凰村', '李四', LI, '畲族', '村委会主任', '群众推荐', '后备', '群众', null, '大专']
    )
    const first = await imports.read('candidates', { bytes, name: '人选.xlsx' })
    expect(first.preview.problems).toEqual([])
    expect(imports.commit(first.analysis)).toMatchObject({ added: 2, updated: 0, unchanged: 0 })
    const candidates = testServices(store).candidates
    expect(candidates.list().map((c) => [c.villageName, c.name, c.post, c.source, c.pool])).toEqual([
      ['凤凰村', '李四', '村委会主任', '群众推荐', '后备干部'],
      ['龙山村', '张三', '党组织书记', '党员推荐', '初步人选']
    ])
    const zhang = testServices(store).persons.findByIdNumber(ZHANG)!
    expect(zhang).toMatchObject({ ethnicity: '汉族', villageId: longshan })
    expect(testServices(store).personRecords.require(zhang.id).profile).toMatchObject({
      politicalStatus: '中共党员',
      partyJoined: '2005.07',
      fullTimeEducation: { level: '本科' }
    })

    const again = await imports.read('candidates', { bytes, name: '人选.xlsx' })
    expect(again.preview.counts).toMatchObject({ added: 0, updated: 0, unchanged: 2 })

    const moved = await rows([1, '龙山村', '张三', ZHANG, '汉族', '党组织书记', '党员推荐', '正式候选人', '中共党员', '2005.07', '研究生'])
    const third = await imports.read('candidates', { bytes: moved, name: '人选.xlsx' })
    expect(third.preview.counts).toMatchObject({ updated: 1 })
    imports.commit(third.analysis)
    expect(candidates.ofPerson(zhang.id)).toMatchObject({ pool: '正式候选人' })
    expect(testServices(store).personRecords.require(zhang.id).profile.fullTimeEducation.level).toBe('研究生')
  })

  it('reports an unknown village or post, a person proposed elsewhere and a non-member for a Party post, row by row', async () => {
    const first = await imports.read('candidates', { bytes: await rows([1, '龙山村', '张三', ZHANG, null, '书记', '党员推荐']), name: 'a.xlsx' })
    imports.commit(first.analysis)
    const bytes = await rows(
      [1, '石门村', '李四', LI, null, '主任', '群众推荐'], // row 3
      [2, '龙山村', '王五', WANG, null, '会计', '群众推荐'], // row 4
      [3, '凤凰村', '张三', ZHANG, null, '主任', '群众推荐'], // row 5
      [4, '凤凰村', '赵六', idNumber('19700101', 55, '女'), null, '副书记', '党员推荐', null, '群众'], // row 6
      [5, '凤凰村', '钱七', idNumber('19710101', 57, '男'), null, '副主任'] // row 7
    )
    const { preview } = await imports.read('candidates', { bytes, name: 'b.xlsx' })
    expect(preview.problems.map((p) => [p.row, p.column, p.message])).toEqual([
      [3, 'B', '村社“石门村”不在村社台账中，请先导入或新增该村社'],
      [4, 'F', expect.stringContaining('拟任职务应为“党组织书记”')],
      [5, 'D', '此人已被提名为龙山村党组织书记人选。同一人不能被提名到两个村或两个职务；书记兼主任请选“一肩挑”，如需改提名请修改原提名'],
      [6, 'F', '党组织副书记人选须为中共党员（此人登记为群众）'],
      [7, 'G', '新提名的人选须填写人选来源（党员推荐、群众推荐、组织推荐或自荐）']
    ])
  })
})

describe('members', () => {
  const HEADER = ['序号', '村社', '姓名', '身份证号码', '所属组织', '职务', '届别', '政治面貌', '学历']
  const rows = (...people: FixtureCell[][]) => xlsxBuffer([{ name: '两委', rows: [HEADER, ...people] }])

  it('seats outgoing and new members through the members register, and a second import changes nothing', async () => {
    const bytes = await rows(
      [1, '龙山村', '张三', ZHANG, null, '党支部书记', '上届', '党员', '高中'],
      [2, '龙山村', '张三', ZHANG, '村委会', '主任', '上届', null, null],
      [3, '龙山村', '李四', LI, '村委会', '委员', '现任', '群众', '大专'],
      [4, '凤凰村', '王五', WANG, null, '书记', '本届', '中共党员', '本科']
    )
    const first = await imports.read('members', { bytes, name: '两委.xlsx' })
    expect(first.preview.problems).toEqual([])
    expect(imports.commit(first.analysis)).toMatchObject({ added: 4 })
    const roster = testServices(store).members.roster()
    expect(roster.map((m) => [m.villageName, m.name, m.term, m.body, m.post, m.politicalStatus, m.education])).toEqual(
      expect.arrayContaining([
        ['龙山村', '张三', '上届', '党组织', '书记', '中共党员', '高中'],
        ['龙山村', '张三', '上届', '村委会', '主任', '中共党员', '高中'],
        ['龙山村', '李四', '上届', '村委会', '委员', '群众', '大专'],
        ['凤凰村', '王五', '本届', '党组织', '书记', '中共党员', '本科']
      ])
    )
    expect(roster).toHaveLength(4)
    const again = await imports.read('members', { bytes, name: '两委.xlsx' })
    expect(again.preview.counts).toMatchObject({ added: 0, updated: 0, unchanged: 4 })

    const changed = await rows([1, '龙山村', '李四', LI, '村委会', '副主任', '上届', null, null])
    const third = await imports.read('members', { bytes: changed, name: '更正.xlsx' })
    expect(third.preview.counts).toMatchObject({ updated: 1 })
    imports.commit(third.analysis)
    expect(testServices(store).members.roster().find((m) => m.name === '李四')).toMatchObject({ post: '副主任', education: '大专' })
  })

  it('refuses a 委员 without its committee, a post the committee has not, a wrong name for a known ID, and changes nothing', async () => {
    testServices(store).persons.create({ idNumber: WANG, name: '王五', sex: null, birthDate: null, ethnicity: '', villageId: null, phone: '' })
    const bytes = await rows(
      [1, '龙山村', '张三', ZHANG, null, '委员', '上届'], // row 2
      [2, '龙山村', '李四', LI, '党组织', '主任', '上届'], // row 3
      [3, '龙山村', '王武', WANG, '村委会', '委员', '上届'] // row 4
    )
    const { analysis, preview } = await imports.read('members', { bytes, name: '两委.xlsx' })
    expect(preview.problems.map((p) => [p.row, p.column, p.message])).toEqual([
      [2, 'E', '请填写所属组织（党组织或村委会）：委员在两个班子里都有'],
      [3, 'F', '村(社区)党组织委员会没有“主任”职务，应为书记、副书记、委员之一'],
      [4, 'C', `身份证号 ${WANG} 已登记为“王五”，与所填姓名“王武”不符`]
    ])
    expect(() => imports.commit(analysis)).toThrow('未导入任何数据')
    expect(testServices(store).members.roster()).toEqual([])
  })
})

/** More rows than one chunk of the streamed import, so that some are written before the last is read. */
const MANY = 4500
const people = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `选民${i}`, id: nthId(i), group: `${(i % 5) + 1}组`, category: '一类' }))
const manyRows = (rows: ReturnType<typeof people>) => sheet(voterRows(rows))
const count = (table: string) => store.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number
const imported = () => testServices(store).audit.list().filter((e) => e.action === 'import')

function snapshot(): Buffer {
  store.db.pragma('wal_checkpoint(TRUNCATE)')
  return fs.readFileSync(dbFile)
}

describe('the plan made for the preview', () => {
  it('is written as it is when nothing changed between preview and commit', async () => {
    const { analysis } = await imports.read('voters', { bytes: await manyRows(people(3)), name: 'a.xlsx' }, { villageId: longshan })
    const register = adapterFor('voters', testServices(store)).register
    expect(store.write(() => currentPlan(store, analysis, register).reused)).toBe(true)
    expect(imports.commit(analysis)).toMatchObject({ added: 3 })
  })

  it('is made again when another program changed the register in between, and meets the register as it is now', async () => {
    const { analysis, preview } = await imports.read('voters', { bytes: await manyRows(people(3)), name: 'a.xlsx' }, { villageId: longshan })
    expect(preview.counts).toMatchObject({ added: 3, problems: 0 })
    const other = Store.fileStore(dbFile)
    try {
      testServices(other).voters.create(voterInput.parse({ villageId: fenghuang, idNumber: nthId(2), name: '选民2', category: 1 }))
    } finally {
      other.close()
    }
    const register = adapterFor('voters', testServices(store)).register
    expect(store.write(() => currentPlan(store, analysis, register).reused)).toBe(false)
    expect(() => imports.commit(analysis)).toThrow('第5行：选民2（')
    expect(count('voters')).toBe(1)
  })

  it('is made again when this program wrote in between', async () => {
    const { analysis } = await imports.read('voters', { bytes: await manyRows(people(3)), name: 'a.xlsx' }, { villageId: longshan })
    testServices(store).voters.create(voterInput.parse({ villageId: longshan, idNumber: nthId(0), name: '选民0', category: 2 }))
    const register = adapterFor('voters', testServices(store)).register
    expect(store.write(() => currentPlan(store, analysis, register).reused)).toBe(false)
    expect(imports.commit(analysis)).toMatchObject({ added: 2, updated: 1 })
  })
})

describe('reading and writing in one pass', () => {
  it('writes every row in one transaction with one audit entry, and a second pass changes nothing', async () => {
    const bytes = await manyRows(people(MANY))
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
    const { preview, summary } = await imports.readAndCommit('voters', { bytes: await manyRows(rows), name: '选民.xlsx' }, { villageId: longshan })
    expect(summary).toBeNull()
    expect(preview.problems).toEqual([expect.objectContaining({ row: MANY + 3, column: 'E', message: expect.stringContaining('校验位') })])
    expect(snapshot().equals(before)).toBe(true)
  })

  it('reports a person registered elsewhere in a later chunk at their row, and writes nothing', async () => {
    testServices(store).voters.create(voterInput.parse({ villageId: fenghuang, idNumber: nthId(MANY - 1), name: `选民${MANY - 1}`, category: 1 }))
    const before = snapshot()
    const { preview, summary } = await imports.readAndCommit('voters', { bytes: await manyRows(people(MANY)), name: '选民.xlsx' }, { villageId: longshan })
    expect(summary).toBeNull()
    expect(preview.counts.problems).toBe(1)
    expect(preview.problems[0]).toMatchObject({ row: MANY + 2, column: 'E', message: expect.stringContaining('凤凰村') })
    expect(snapshot().equals(before)).toBe(true)
  })
})
