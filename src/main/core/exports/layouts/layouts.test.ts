import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { officialSheetBuffer } from '../official-sheet'
import type { TableSpec } from '../table-spec'
import { candidatesSpec, type CandidateRosterRow } from './candidates'
import type { MemberRow as Seat } from '../../../../shared/election'
import { computeStructure, type MemberFact } from '../../../../shared/structure-stats'
import { memberLines, membersSpec } from './members'
import { reviewSpec, type ReviewRow } from './review'
import type { RiskLedgerRow } from '../../risk-board'
import { risksSpec } from './risks'
import { structureSpec, type StructureRow } from './structure'
import { votersSpec } from './voters'
import { arrayBufferOf } from '../../test-support'

const h = { unit: '青山镇', date: '2026-03-01' }

async function sheetOf<R>(spec: TableSpec<R>, rows: R[]): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(arrayBufferOf((await officialSheetBuffer(spec, rows))))
  return wb.worksheets[0]
}

/** Header text → the value of that column in the given row (the header row is the last before data). */
function rowByHeader(ws: ExcelJS.Worksheet, headerRow: number, row: number): Record<string, ExcelJS.CellValue> {
  const out: Record<string, ExcelJS.CellValue> = {}
  ws.getRow(headerRow).eachCell((c, col) => {
    out[String(c.value)] = ws.getRow(row).getCell(col).value
  })
  return out
}

const candidate: CandidateRosterRow = {
  name: '王建国',
  sex: '男',
  ethnicity: '汉族',
  birthDate: '1980-05-12',
  education: '大专',
  politicalStatus: '中共党员',
  partyJoinDate: '2003-06-01',
  currentPost: '村委会主任',
  proposedPost: '党组织书记、村委会主任',
  village: '东岭村',
  note: '-'
}

describe('table layouts', () => {
  it('人选花名册: the issue’s columns, 出生年月 as 1980.05 text, 年龄 on the reference date as a number', async () => {
    const spec = candidatesSpec({ ...h, referenceDate: '2026-05-11' })
    expect(spec.title).toBe('青山镇2026年村(社区)“两委”换届候选人初步人选花名册')
    const ws = await sheetOf(spec, [candidate])
    expect(ws.getRow(3).values).toEqual([
      undefined, '序号', '姓名', '性别', '民族', '出生年月', '年龄', '学历', '政治面貌', '入党时间', '现任职务', '拟任职务', '所在村', '备注'
    ])
    expect(rowByHeader(ws, 3, 4)).toMatchObject({ 序号: 1, 出生年月: '1980.05', 年龄: 45, 入党时间: '2003.06', 备注: '-' })
  })

  it('资格联审表: one column per department under one group, 未反馈 where a department has not answered', async () => {
    const spec = reviewSpec({ ...h, departments: ['纪委监委', '公安', '法院'] })
    const row: ReviewRow = {
      village: '东岭村',
      name: '王建国',
      sex: '男',
      birthDate: '1980-05-12',
      idNumber: '33011219800512101X',
      proposedPost: '书记',
      submitted: true,
      verdicts: { 纪委监委: { verdict: '通过', reason: '' }, 公安: { verdict: '不通过', reason: '有刑事处罚记录' } },
      overall: '不通过'
    }
    const never: ReviewRow = { ...row, name: '李未审', idNumber: '330112198106071022', submitted: false, verdicts: {}, overall: '未报审' }
    const ws = await sheetOf(spec, [row, never])
    expect(ws.getCell('H3').value).toBe('联审部门意见')
    expect(ws.model.merges).toEqual(expect.arrayContaining(['H3:J3', 'K3:K4', 'F3:F4']))
    expect(rowByHeader(ws, 4, 5)).toMatchObject({ 纪委监委: '通过', 公安: '不通过：有刑事处罚记录', 法院: '未反馈', 联审结果: '不通过' })
    expect(ws.getCell('F3').value).toBe('公民身份号码')
    expect([ws.getCell('F5').value, ws.getCell('F6').value]).toEqual(['33011219800512101X', '330112198106071022'])
    expect(ws.getCell('F5').type).toBe(ExcelJS.ValueType.String)
    expect(rowByHeader(ws, 4, 6)).toMatchObject({ 纪委监委: '未报审', 公安: '未报审', 法院: '未报审', 联审结果: '未报审' })
    expect(ws.pageSetup.printTitlesRow).toBe('3:4')
  })

  it('两委成员名册: a person’s two seats on one line, 一肩挑 and 交叉任职 marked, age on the election day', async () => {
    const seat = (name: string, personId: number, body: Seat['body'], post: Seat['post']): Seat => ({
      id: personId * 10 + (body === '党组织' ? 1 : 2), villageId: 1, villageName: '东岭村', personId, name, idNumber: null, sex: '男',
      birthDate: '1980-05-12', ethnicity: '汉族', phone: '13800000000', term: '本届', body, post, politicalStatus: '中共党员',
      education: '大专', fulltimeEducation: '', electedOn: '2026-05-12', electionId: 1, referenceDate: '2026-05-12', age: 46
    })
    const lines = memberLines([seat('王建国', 1, '党组织', '书记'), seat('赵一', 2, '党组织', '委员'), seat('王建国', 1, '村委会', '主任'), seat('赵一', 2, '村委会', '委员')])
    expect(lines.map((l) => [l.name, l.partyPost, l.committeePost, l.oneShoulder, l.crossServing])).toEqual([
      ['王建国', '书记', '主任', true, false],
      ['赵一', '委员', '委员', false, true]
    ])
    const ws = await sheetOf(membersSpec({ ...h, term: '本届' }), lines)
    expect(ws.getCell('A1').value).toBe('青山镇2026年村(社区)“两委”成员名册')
    expect(rowByHeader(ws, 4, 5)).toMatchObject({ 党组织: '书记', '村(居)委会': '主任', 一肩挑: '是', 交叉任职: null, 年龄: 46, 联系电话: '13800000000' })
    expect(rowByHeader(ws, 4, 6)).toMatchObject({ 一肩挑: null, 交叉任职: '是' })
    const outgoing = await sheetOf(membersSpec({ ...h, term: '上届' }), [{ ...lines[0], age: null }])
    expect(outgoing.getCell('A1').value).toBe('青山镇村(社区)上届“两委”成员名册')
    expect(rowByHeader(outgoing, 4, 5)).toMatchObject({ 年龄: 45 })
  })

  it('换届结构统计表: counts and shares as numbers over what each is counted of, the township total bold, the outgoing term beside', async () => {
    const fact = (personId: number, sex: '男' | '女', birthDate: string, body: MemberFact['body'], post: string, politicalStatus = '群众'): MemberFact => ({
      villageId: 1, personId, name: `成员${personId}`, sex, birthDate, body, post, politicalStatus, education: '大专', fulltimeEducation: '', referenceDate: '2026-05-12'
    })
    const incoming = computeStructure([
      fact(1, '男', '1980-05-12', '党组织', '书记', '中共党员'),
      fact(1, '男', '1980-05-12', '村委会', '主任', '中共党员'),
      fact(2, '女', '1990-01-01', '村委会', '委员')
    ])
    const outgoing = computeStructure([fact(3, '男', '1960-01-01', '党组织', '书记'), fact(4, '男', '1965-01-01', '村委会', '主任')])
    const rows: StructureRow[] = [
      { villageId: 1, villageName: '东岭村', incoming, outgoing },
      { villageId: null, villageName: '全乡镇合计', incoming, outgoing }
    ]
    const ws = await sheetOf(structureSpec({ ...h, withPrevious: true }), rows)
    expect([ws.getCell('B3').value, ws.getCell('D3').value, ws.getCell('F3').value, ws.getCell('H3').value, ws.getCell('Q3').value]).toEqual([
      '成员数', '平均年龄', '女性任职', '一肩挑', '女性'
    ])
    expect(ws.model.merges).toEqual(expect.arrayContaining(['B3:C3', 'H3:J3', 'A3:A4']))
    expect([4, 5].map((r) => ws.getRow(r).getCell(8).value)).toEqual(['人数', 1])
    expect(ws.getCell('B5').value).toBe(2)
    expect(ws.getCell('C5').value).toBe(2)
    expect(ws.getCell('D5').value).toBe(41)
    expect(ws.getCell('I5').value).toBe(1)
    expect(ws.getCell('I5').numFmt).toBe('0.0%')
    expect(ws.getCell('J5').value).toBe(0)
    expect(ws.getCell('Q5').value).toBe(1)
    expect(ws.getCell('R5').value).toBeCloseTo(0.5)
    expect(ws.getCell('A6').value).toBe('全乡镇合计')
    expect(ws.getCell('A6').font.bold).toBe(true)
    expect(ws.getCell('A5').font.bold).toBeFalsy()
    expect(String(ws.getCell('A7').value)).toContain('年龄按选举日计算')
    const alone = await sheetOf(structureSpec({ ...h, withPrevious: false }), rows)
    expect(alone.getCell('C3').value).toBe('平均年龄')
  })

  it('风险台账 and 选民名单: dates as forms write them, an overdue deadline in red; the posted voter list shows no ID number', async () => {
    const ledger: RiskLedgerRow = {
      村社: '东岭村', 分级: '重难点村', 风险类型: '宗族派性', 风险描述: '两大姓氏争夺主任职位', 来源: '走访', 重点人员: '王某',
      一村一策措施: '包村领导约谈', 责任领导: '李强', 责任干部: '赵敏', 发现日期: '2026-02-20', 化解时限: '2026-02-28', 状态: '化解中',
      是否逾期: '逾期', 销号日期: '', 化解依据: '', 销号人: ''
    }
    const risks = await sheetOf(risksSpec(h), [ledger, { ...ledger, 风险类型: '信访矛盾', 化解时限: '2026-03-20', 是否逾期: '' }])
    expect(rowByHeader(risks, 4, 5)).toMatchObject({ 风险类型: '宗族派性', 化解时限: '2026.02.28', 逾期: '逾期', 日期: null, 化解依据: null })
    const deadline = (row: number) => risks.getRow(row).getCell(12)
    expect(deadline(5).font).toMatchObject({ bold: true, color: { argb: 'FFC00000' } })
    expect(deadline(6).font.color).toBeUndefined()
    const row = { villageName: '东岭村', groupName: '一组', sex: '女' as const, birthDate: '2008-05-12', ageOnElectionDay: 18, category: 1 as const, note: '' }
    const notice = { village: '东岭村', kind: '村' as const, electionDate: '2027-03-01', publishedOn: '2027-02-08' }
    const voters = await sheetOf(votersSpec({ ...h, roundYear: '2027', notice, objectionDays: 5, total: 2 }), [
      { ...row, name: '李四' },
      { ...row, name: '=张三', category: 3 }
    ])
    expect(voters.getCell('A1').value).toBe('东岭村2027年村民委员会选举选民名单')
    // Posted by the village's 村民选举委员会, with its election day and posting day, the count, seal and date.
    expect([voters.getCell('A2').value, voters.getCell('F2').value]).toEqual(['选举日：2027年3月1日', '公布日期：2027年2月8日'])
    expect(String(voters.getCell('A6').value)).toMatch(/^共计 2 人。/)
    expect(String(voters.getCell('A6').value)).toContain('向村民选举委员会提出申诉')
    expect([voters.getCell('A7').value, voters.getCell('A8').value]).toEqual(['东岭村村民选举委员会（盖章）', '2027年2月8日'])
    expect(voters.getCell('A7').alignment.horizontal).toBe('right')
    expect(JSON.stringify(voters.getRow(2).values)).not.toContain('青山镇')
    expect(voters.pageSetup.orientation).toBe('portrait')
    expect(voters.getRow(3).values).toEqual([undefined, '序号', '村民小组', '姓名', '性别', '出生年月', '年龄', '登记类别', '备注'])
    expect(rowByHeader(voters, 3, 4)).toMatchObject({ 序号: 1, 姓名: '李四', 出生年月: '2008.05', 年龄: 18, 登记类别: '户籍在本村并居住' })
    expect(rowByHeader(voters, 3, 5)).toMatchObject({ 姓名: '=张三', 登记类别: '居住一年以上户籍不在本村' })
    expect(voters.getCell('C5').type).toBe(ExcelJS.ValueType.String)
    expect(String(voters.getCell('A6').value)).toContain('5日内')
    const township = await sheetOf(votersSpec({ ...h, notice: null, objectionDays: 5, total: 1 }), [{ ...row, name: '李四' }])
    expect(township.getCell('A1').value).toBe('青山镇2026年村(居)民委员会选举选民名单')
    expect(rowByHeader(township, 3, 4)).toMatchObject({ '村(社区)': '东岭村', 姓名: '李四' })
  })
})
