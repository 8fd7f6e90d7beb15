import ExcelJS from 'exceljs'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { candidatesRoster, CANDIDATE_HEADER, CANDIDATES, MEMBERS, membersTwoColumns } from '../../../../tests/fixtures/office-rosters'
import { badCheckId, xlsxBuffer } from '../../../../tests/fixtures/rosters'
import { runCli } from '../../../../tests/fixtures/run-cli'
import { villageInput } from '../../../shared/village'
import { Store } from '../store'
import type { Services } from '../services'
import { arrayBufferOf, testServices } from '../test-support'
import { PROBLEM_HEADER } from './problem-workbook'

let dir: string
let dbFile: string
let store: Store
let imports: Services['imports']
let fenghuang: number

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'huanjie-layouts-'))
  dbFile = path.join(dir, 'office.db')
  store = Store.fileStore(dbFile)
  imports = testServices(store).imports
  const villages = testServices(store).villages
  for (const name of ['龙山村', '凤凰村']) {
    villages.create(villageInput.parse({ name, kind: '村', township: '龙山镇', committeeElectionDate: '2026-11-26', partyElectionDate: '2026-10-20' }))
  }
  fenghuang = villages.findByName('凤凰村')!.id
})

afterEach(() => {
  store.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

const cellText = (v: ExcelJS.CellValue): string | null => (v === null || v === undefined ? null : typeof v === 'object' && 'richText' in v ? v.richText.map((r) => r.text).join('') : String(v))

describe('an office 初步人选花名册', () => {
  it('lands whole on the first try: every spelling of two posts in one cell, no 来源, 合计, 备注, 照片 and an instructions sheet', async () => {
    const bytes = await xlsxBuffer(candidatesRoster())
    const { analysis, preview } = await imports.read('candidates', { bytes, name: '人选花名册.xlsx' })
    expect(preview.missingFields).toEqual([])
    expect(preview.problems).toEqual([])
    expect(preview.counts).toMatchObject({ rows: CANDIDATES.length, added: CANDIDATES.length })
    expect(preview.notes).toEqual(
      expect.arrayContaining([
        expect.stringContaining('J列“照片”'),
        expect.stringContaining('“填表说明”未读取'),
        expect.stringContaining('新提名人选的来源记为“未填写”'),
        expect.stringMatching(/^第\d+行为合计行，已忽略$/)
      ])
    )
    imports.commit(analysis)

    const list = testServices(store).candidates.list()
    const byName = new Map(list.map((c) => [c.name, c]))
    for (const p of CANDIDATES) {
      expect([p.name, byName.get(p.name)?.partyPost, byName.get(p.name)?.committeePost, byName.get(p.name)?.source]).toEqual([p.name, p.party, p.committee, '未填写'])
    }
    const candidates = testServices(store).candidates
    // 张建国, 孙立新, 吴天佑 hold 书记 + 主任; 李秀英, 王德明, 钱志强, 周红梅, 郑小兰 sit on both sides otherwise.
    expect(candidates.list({ post: '一肩挑' }).map((c) => c.name).sort()).toEqual(['吴天佑', '孙立新', '张建国'])
    expect(candidates.list({ post: '交叉任职' }).map((c) => c.name).sort()).toEqual(['周红梅', '李秀英', '王德明', '郑小兰', '钱志强'])
    expect(candidates.list({ post: '党组织书记' })).toHaveLength(4)
    expect(candidates.villageChecks(fenghuang).find((c) => c.key === 'oneShoulder')).toMatchObject({ ok: true })
    expect(byName.get('张建国')!.note).toBe('现任')
  })

  it('reads the roster again as unchanged, and a changed post cell as a change of seats', async () => {
    const first = await imports.read('candidates', { bytes: await xlsxBuffer(candidatesRoster()), name: 'a.xlsx' })
    imports.commit(first.analysis)
    const again = await imports.read('candidates', { bytes: await xlsxBuffer(candidatesRoster()), name: 'a.xlsx' })
    expect(again.preview.counts).toMatchObject({ unchanged: CANDIDATES.length, added: 0, updated: 0 })
    const moved = CANDIDATES.map((p) => (p.name === '冯卫东' ? { ...p, post: '书记兼主任' } : p))
    const changed = await imports.read('candidates', { bytes: await xlsxBuffer(candidatesRoster(moved)), name: 'a.xlsx' })
    expect(changed.preview.counts).toMatchObject({ updated: 1, unchanged: CANDIDATES.length - 1 })
    imports.commit(changed.analysis)
    expect(testServices(store).candidates.list({ post: '一肩挑' })).toHaveLength(4)
  })

  it('gives back the wrong rows as a workbook in the roster’s own columns plus 问题, and imports nothing', async () => {
    const wrong = [
      { ...CANDIDATES[1], id: badCheckId('19800101', 12, '女') },
      { ...CANDIDATES[3], post: '会计' },
      { ...CANDIDATES[6], village: '石门村' }
    ]
    const people = CANDIDATES.map((p) => wrong.find((w) => w.name === p.name) ?? p)
    const { preview } = await imports.read('candidates', { bytes: await xlsxBuffer(candidatesRoster(people)), name: '人选.xlsx' })
    expect(preview.counts.problems).toBe(3)
    const list = await imports.problemList(preview.id)
    expect(list.fileName).toBe('人选-问题清单.xlsx')

    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(arrayBufferOf(list.bytes))
    const ws = wb.worksheets[0]
    expect((ws.getRow(1).values as ExcelJS.CellValue[]).slice(1).map(cellText)).toEqual([...CANDIDATE_HEADER, PROBLEM_HEADER])
    expect(ws.actualRowCount).toBe(1 + wrong.length)
    const rows = [2, 3, 4].map((r) => (ws.getRow(r).values as ExcelJS.CellValue[]).slice(1).map(cellText))
    expect(rows.map((r) => r[2])).toEqual(['李秀英', '赵海燕', '周红梅'])
    expect(rows[0][4]).toBe(wrong[0].id)
    expect(rows[1][7]).toBe('会计')
    expect(rows[2][1]).toBe('石门村')
    expect(rows[0][10]).toMatch(/^第4行 E列（公民身份号码）：/)
    expect(rows[1][10]).toMatch(/^第6行 H列（拟任职务）：无法识别职务“会计”/)
    expect(rows[2][10]).toMatch(/^第9行 B列（村\(社区\)）：村社“石门村”不在村社台账中/)
    expect(testServices(store).candidates.list()).toEqual([])
  })

  it('writes the same workbook from the CLI with --problems', async () => {
    const file = path.join(dir, '人选.xlsx')
    fs.writeFileSync(file, await xlsxBuffer(candidatesRoster(CANDIDATES.map((p, i) => (i === 0 ? { ...p, post: '交叉任职' } : p)))))
    const out = path.join(dir, '问题.xlsx')
    const run = await runCli('import', 'candidates', file, '--db', dbFile, '--problems', out)
    expect(run.code).toBe(1)
    expect(run.out).toContain('问题清单已写入')
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile(out)
    const ws = wb.worksheets[0]
    expect(ws.actualRowCount).toBe(2)
    expect(cellText(ws.getRow(2).getCell(11).value)).toContain('须写明两边的职务')
  })
})

describe('an office 两委成员花名册', () => {
  it('asks 届别 once for a file without it, and seats both columns; the structure counts 一肩挑 and 交叉任职 from the seats', async () => {
    const bytes = await xlsxBuffer(membersTwoColumns())
    const without = await imports.read('members', { bytes, name: '两委.xlsx' })
    expect(without.preview.missingFields).toEqual(['届别'])
    const { analysis, preview } = await imports.read('members', { bytes, name: '两委.xlsx' }, { fileValues: { term: '本届' } })
    expect(preview.missingFields).toEqual([])
    expect(preview.problems).toEqual([])
    expect(preview.notes).toEqual(expect.arrayContaining([expect.stringContaining('文件没有“届别”列，全部按导入时选择的“本届”登记')]))
    imports.commit(analysis)

    const roster = testServices(store).members.roster({ term: '本届' })
    for (const p of MEMBERS) {
      const seats = roster.filter((m) => m.name === p.name)
      expect([p.name, seats.find((m) => m.body === '党组织')?.post ?? null, seats.find((m) => m.body === '村委会')?.post ?? null]).toEqual([p.name, p.party, p.committee])
    }
    const s = testServices(store).statistics.structure()
    // 陈国栋 is 一肩挑 in 龙山村; 凤凰村 has none. 褚文静 and 秦海波 sit on both committees otherwise.
    expect(s.township.incoming).toMatchObject({ villages: 2, members: 9, oneShoulder: { count: 1, of: 2 }, cross: { count: 2, of: 9 } })
    expect(s.villages.find((v) => v.villageName === '龙山村')!.incoming).toMatchObject({ oneShoulder: { count: 1, of: 1 }, cross: { count: 1, of: 6 } })
  })

  it('reads 党内职务 and 行政职务 of a one-village roster chosen for the file, and 届别 from the CLI', async () => {
    const header = ['序号', '姓名', '性别', '身份证号码', '党内职务', '行政职务']
    const people = MEMBERS.filter((p) => p.village === '凤凰村')
    const rows = people.map((p, i) => [i + 1, p.name, p.sex, p.id, p.party, p.committee])
    const file = path.join(dir, '凤凰村.xlsx')
    fs.writeFileSync(file, await xlsxBuffer([{ name: 'Sheet1', formats: { D: '@' }, rows: [header, ...rows] }]))
    const run = await runCli('import', 'members', file, '--db', dbFile, '--village', '凤凰村', '--term', '上届', '--json')
    expect(run.code, run.out).toBe(0)
    const roster = testServices(store).members.roster({ term: '上届' })
    expect(roster.map((m) => [m.villageName, m.name, m.body, m.post]).sort()).toEqual(
      [
        ['凤凰村', '朱丽华', '村委会', '主任'],
        ['凤凰村', '杨春生', '党组织', '书记'],
        ['凤凰村', '秦海波', '党组织', '委员'],
        ['凤凰村', '秦海波', '村委会', '委员']
      ].sort()
    )
    expect(testServices(store).statistics.structure().township.outgoing).toMatchObject({ oneShoulder: { count: 0, of: 1 }, cross: { count: 1, of: 3 } })
  })

  it('seats a compound post cell of the one-column layout, 书记兼主任 as 一肩挑', async () => {
    const header = ['姓名', '身份证号', '职务', '届别']
    const [a, b, c] = MEMBERS
    const rows = [
      [a.name, a.id, '党组织书记、村委会主任', '上届'],
      [b.name, b.id, '支委、村委委员', '上届'],
      [c.name, c.id, '书记兼主任', '上届']
    ]
    const bytes = await xlsxBuffer([{ name: 'Sheet1', formats: { B: '@' }, rows: [header, ...rows] }])
    const { analysis, preview } = await imports.read('members', { bytes, name: 'm.xlsx' }, { villageId: fenghuang })
    expect(preview.problems).toEqual([])
    imports.commit(analysis)
    const s = testServices(store).statistics.structure().township.outgoing
    expect(s).toMatchObject({ members: 3, partyCommittee: 3, villagersCommittee: 3, oneShoulder: { count: 1, of: 1 }, cross: { count: 1, of: 3 } })
  })
})
