import { computeStructure, type MemberFact } from '../../../../shared/structure-stats'
import type { TimelineCell } from '../../../../shared/plan'
import type { FocusVillageRow, RiskLedgerRow } from '../../risk-board'
import { candidatesSpec, type CandidateRosterRow } from '../layouts/candidates'
import { committeeReportSpec, reportSummarySpec, type ElectedLine, type ReportSummaryRow } from '../layouts/election-report'
import { membersSpec, type MemberRow } from '../layouts/members'
import { reviewSpec, type ReviewRow } from '../layouts/review'
import { focusVillagesSpec, risksSpec } from '../layouts/risks'
import { structureSpec, type StructureRow } from '../layouts/structure'
import { timelineSpec, type TimelineRow } from '../layouts/timeline'
import { villagesSpec } from '../layouts/villages'
import { votersSpec, type VoterListRow } from '../layouts/voters'
import type { TableSpec } from '../table-spec'
import { village } from './sample-rows'
import type { VillageResultReport } from '../../../../shared/election'

/** Long text of its own for every row, so a row that overlaps its neighbour shows. */
const long = (what: string, i: number, repeat = 3): string =>
  Array.from({ length: repeat }, (_, k) => `${what}第${i + 1}行第${k + 1}句，涉及2026.03.0${(k % 9) + 1}会议纪要ABC-${100 + i}号`).join('；')

const h = { unit: '青山镇', date: '2026-12-20', roundYear: '2027' }

export interface NamedTable {
  name: string
  spec: TableSpec<unknown>
  rows: unknown[]
}

const table = <R>(name: string, spec: TableSpec<R>, rows: R[]): NamedTable => ({ name, spec: spec as TableSpec<unknown>, rows })

/** Every official table, filled with rows of long, wrapping text. */
export function longTables(rowCount = 6): NamedTable[] {
  const n = Array.from({ length: rowCount }, (_, i) => i)
  const candidate = (i: number): CandidateRosterRow => ({
    name: ['欧阳建国', '王芳', '李'][i % 3], sex: i % 2 ? '女' : '男', ethnicity: '汉族', birthDate: `197${i % 10}-0${(i % 9) + 1}-12`,
    education: '大学本科', politicalStatus: '中共预备党员', partyJoinDate: '2003-06-01', currentPost: long('现任', i, 1),
    proposedPost: '党组织书记、村委会主任', village: `东岭${i}村`, note: long('备注', i, 2)
  })
  const review = (i: number): ReviewRow => ({
    village: `东岭${i}村`, name: `候选${i}`, sex: '男', birthDate: '1976-07-01', idNumber: `33011219760701${String(1000 + i).slice(-4)}`,
    proposedPost: '村委会委员', submitted: i % 2 === 0,
    verdicts: { 纪委监委: { verdict: '不通过', reason: long('理由', i, 2) }, 公安: { verdict: '通过', reason: '' } }, overall: '不通过'
  })
  const member = (i: number): MemberRow => ({
    village: `东岭${i}村`, name: `成员${i}`, sex: '女', ethnicity: '汉族', birthDate: '1970-03-05', age: 56, education: '高中',
    politicalStatus: '中共党员', partyPost: '副书记', committeePost: '委员', oneShoulder: false, crossServing: true, phone: '13800000000'
  })
  const fact = (id: number, v: number): MemberFact => ({
    villageId: v, personId: id, name: `p${id}`, sex: id % 2 ? '女' : '男', birthDate: `19${70 + (id % 20)}-01-01`, body: id % 3 ? '村委会' : '党组织',
    post: id % 3 ? '委员' : '书记', politicalStatus: '中共党员', education: '大专', fulltimeEducation: '本科', referenceDate: '2027-03-01'
  })
  const structure = (i: number): StructureRow => ({
    villageId: i === rowCount - 1 ? null : i, villageName: i === rowCount - 1 ? '全乡镇合计' : `东岭${i}村`,
    incoming: computeStructure(n.slice(0, 5 + i).map((k) => fact(k, i))), outgoing: computeStructure(n.slice(0, 3 + i).map((k) => fact(k + 50, i)))
  })
  const risk = (i: number): RiskLedgerRow => ({
    村社: `东岭${i}村`, 分级: '重难点村', 风险类型: '宗族派性', 风险描述: long('风险', i), 来源: '走访', 重点人员: '王某某、李某某、赵某某',
    一村一策措施: long('措施', i), 责任领导: '李强强', 责任干部: '赵敏', 发现日期: '2026-02-20', 化解时限: '2026-02-28', 状态: '化解中',
    是否逾期: i % 2 ? '逾期' : '', 销号日期: '2026-03-10', 化解依据: long('依据', i, 1), 销号人: '钱七'
  })
  const focus = (i: number): FocusVillageRow => ({
    村社: `东岭${i}村`, 定级理由: long('定级', i), 定级时间: '2026-01-05', 包村领导: '李强强', 驻村干部: '赵敏', 风险类型: '宗族派性、信访矛盾、三资问题',
    未化解事项: i, 逾期事项: i % 2, 重点人员: 3, 超期未谈话人员: 1, 走访户数: 120 + i, 谈话人次: 30 + i, 村委会选举日期: '2027-03-01'
  })
  const steps = Array.from({ length: 14 }, (_, k) => ({ key: `s${k}`, name: `步骤${k}名称较长`, side: k < 6 ? '党组织' : '村委会', legal: '' }))
  const cell = (k: number, i: number): TimelineCell => ({
    start: '2026-12-01', end: `2027-0${(k % 9) + 1}-1${i % 10}`, state: k % 3 ? '未开始' : '已逾期', doneOn: k % 4 === 0 ? `2026-12-1${k % 10}` : null, breach: k % 5 === 0, today: k % 7 === 0
  })
  const timelineRow = (i: number): TimelineRow => ({
    village: { id: i, name: `东岭${i}村`, grade: '一般村', partyElectionDate: null, committeeElectionDate: null },
    problems: [], lateCount: 0, breachCount: 0, cells: Object.fromEntries(steps.map((s, k) => [s.key, cell(k, i)]))
  })
  const voter = (i: number): VoterListRow => ({
    villageName: '东岭村', groupName: `第${(i % 12) + 1}组`, name: `选民${i}号`, sex: i % 2 ? '女' : '男', birthDate: '1970-03-05',
    ageOnElectionDay: 56, category: 1, note: long('备注', i, 1)
  })
  const flags = n.slice(0, 3).map((i) => long('需关注', i, 2))
  const report: VillageResultReport = {
    villageId: 1, villageName: '东岭村', committeeSeats: 5, partySeats: 3,
    bodies: [{ body: '党组织', elections: [], elected: [], flags }, { body: '村委会', elections: [], elected: [], flags }]
  }
  const elected = (i: number): ElectedLine => ({
    post: ['主任', '副主任', '委员'][i % 3], name: `当选${i}`, sex: '女', age: 40 + i, education: '大学本科', politicalStatus: '中共预备党员',
    votes: 300 + i, round: i % 2 ? '另行选举' : '正式选举', share: 0.5 + i / 100
  })
  const summary = (i: number): ReportSummaryRow => ({
    village: `东岭${i}村`, registered: 1000 + i, voted: 800 + i, proxies: 12, mobile: 30, committeeValid: '有效', committeeElected: 5, committeeSeats: 5,
    partyElected: 3, partySeats: 3, flags: long('关注', i, 2)
  })
  return [
    table('villages', villagesSpec(h), n.map((i) => village(i + 1, { name: `东岭${i}村`, note: long('备注', i), leader: '欧阳建国' }))),
    table('candidates', candidatesSpec({ ...h, referenceDate: '2027-03-01' }), n.map(candidate)),
    table('review', reviewSpec({ ...h, departments: ['纪委监委', '组织部', '政法委', '统战部', '公安', '法院', '检察院', '司法局'] }), n.map(review)),
    table('members', membersSpec({ ...h, term: '本届' }), n.map(member)),
    table('structure', structureSpec({ ...h, withPrevious: true }), n.map(structure)),
    table('risks', risksSpec(h), n.map(risk)),
    table('focus', focusVillagesSpec({ ...h, talkIntervalDays: 30 }), n.map(focus)),
    table('timeline', timelineSpec(h, steps), n.map(timelineRow)),
    table('voters', votersSpec({ ...h, notice: { village: '东岭村', kind: '村', electionDate: '2027-03-01', publishedOn: '2027-02-01' }, objectionDays: 5, total: rowCount }), n.map(voter)),
    table('report-party', committeeReportSpec(h, report, report.bodies[0], { kind: '村', proxies: 0 }), n.map(elected)),
    table('report-committee', committeeReportSpec(h, report, report.bodies[1], { kind: '社区', proxies: 12 }), n.map(elected)),
    table('report-summary', reportSummarySpec(h), n.map(summary))
  ]
}
