import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { officialSheetBuffer } from '../official-sheet'
import type { TableSpec } from '../table-spec'
import { candidatesSpec, type CandidateRosterRow } from './candidates'
import { membersSpec, type MemberRow } from './members'
import { reviewSpec, type ReviewRow } from './review'
import type { RiskLedgerRow } from '../../risk-board'
import { risksSpec } from './risks'
import { STRUCTURE_METRICS, structureSpec, type StructureFigures, type StructureRow } from './structure'
import { votersSpec } from './voters'

const h = { unit: '青山镇', date: '2026-03-01' }

async function sheetOf<R>(spec: TableSpec<R>, rows: R[]): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load((await officialSheetBuffer(spec, rows)) as unknown as ArrayBuffer)
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
      proposedPost: '书记',
      verdicts: { 纪委监委: { verdict: '通过', reason: '' }, 公安: { verdict: '不通过', reason: '有刑事处罚记录' } },
      overall: '不通过'
    }
    const ws = await sheetOf(spec, [row])
    expect(ws.getCell('G3').value).toBe('联审部门意见')
    expect(ws.model.merges).toEqual(expect.arrayContaining(['G3:I3', 'J3:J4']))
    expect(rowByHeader(ws, 4, 5)).toMatchObject({ 纪委监委: '通过', 公安: '不通过：有刑事处罚记录', 法院: '未反馈', 联审结果: '不通过' })
    expect(ws.pageSetup.printTitlesRow).toBe('3:4')
  })

  it('两委成员名册: posts grouped, 一肩挑 and 交叉任职 marked', async () => {
    const row: MemberRow = { ...candidate, partyPost: '书记', committeePost: '主任', oneShoulder: true, crossServing: false, phone: '13800000000' }
    const ws = await sheetOf(membersSpec({ ...h, referenceDate: '2026-05-12' }), [row])
    expect(rowByHeader(ws, 4, 5)).toMatchObject({ 党组织: '书记', '村(居)委会': '主任', 一肩挑: '是', 交叉任职: null, 年龄: 46, 联系电话: '13800000000' })
  })

  it('换届结构统计表: counts and shares as numbers, the total row bold, the outgoing term beside', async () => {
    const figures = (members: number, n: number): StructureFigures => ({
      members,
      averageAge: 44.5,
      counts: Object.fromEntries(STRUCTURE_METRICS.map(([k]) => [k, n])) as StructureFigures['counts']
    })
    const rows: StructureRow[] = [
      { village: '东岭村', total: false, current: figures(5, 2), previous: figures(5, 1) },
      { village: '合计', total: true, current: figures(10, 3), previous: null }
    ]
    const ws = await sheetOf(structureSpec({ ...h, withPrevious: true }), rows)
    expect(ws.getCell('B3').value).toBe('成员数')
    expect(ws.getCell('E3').value).toBe('一肩挑')
    expect(ws.getRow(4).values).toEqual(expect.arrayContaining(['人数', '占比', '上届占比']))
    expect(ws.getCell('E5').value).toBe(2)
    expect(ws.getCell('F5').value).toBeCloseTo(0.4)
    expect(ws.getCell('F5').numFmt).toBe('0.0%')
    expect(ws.getCell('G5').value).toBeCloseTo(0.2)
    expect(ws.getCell('A6').value).toBe('合计')
    expect(ws.getCell('A6').font.bold).toBe(true)
    expect(ws.getCell('G6').value).toBeNull()
    expect(String(ws.getCell('A7').value)).toContain('年龄按选举日计算')
  })

  it('风险台账 and 选民名单: dates as forms write them, an overdue deadline in red, ID numbers kept whole as text', async () => {
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
    const voters = await sheetOf(votersSpec({ ...h, village: '东岭村', electionName: '第十二届村民委员会' }), [
      { village: '东岭村', group: '一组', name: '李四', sex: '女', idNumber: '33011219800512002X', birthDate: '1980-05-12', category: '户籍在本村并居住', note: '' },
      { village: '东岭村', group: '一组', name: '张三', sex: '男', idNumber: '330112198005120011', birthDate: '1980-05-12', category: '户籍在本村并居住', note: '' }
    ])
    expect(voters.getCell('A1').value).toBe('东岭村第十二届村民委员会选民名单')
    expect(voters.pageSetup.orientation).toBe('portrait')
    expect(voters.getCell('F5').value).toBe('330112198005120011')
    expect(voters.getCell('F5').type).toBe(ExcelJS.ValueType.String)
  })
})
