import type { Body } from '../../../../shared/election-rules'
import type { ElectedMember, ElectionRecord, MemberRow as Seat, VillageResultReport } from '../../../../shared/election'
import { chineseDate } from '../../../../shared/dossier'
import type { FormField, TableSpec } from '../table-spec'
import { roundYear, titlePrefix, type TableHeading } from './common'

/** One elected person of a committee, as the report lists them. */
export interface ElectedLine {
  post: string
  name: string
  sex: string
  age: number | null
  education: string
  politicalStatus: string
  votes: number
  round: string
  /** Votes over the base the law takes them of (votes cast, or members present). */
  share: number | null
}

/** What the register knows of a village beside its elections. */
export interface VillageFacts {
  kind: '村' | '社区'
  /** 委托投票 registered for the village (each a written authorisation): the count when a result does not give its own. */
  proxies: number
}

const RANK: Record<string, number> = { 书记: 0, 主任: 0, 副书记: 1, 副主任: 1, 委员: 2 }

/**
 * The people a committee elected, each once: a Party 委员 then elected 书记 by the committee is one
 * member (书记), not two; details (年龄 on the election day, 学历, 政治面貌) from the seat the register
 * holds for them.
 */
export function electedLines(elected: ElectedMember[], elections: ElectionRecord[], seats: Seat[]): ElectedLine[] {
  const byPerson = new Map<string, ElectedMember>()
  for (const m of elected) {
    const key = m.name
    const had = byPerson.get(key)
    if (!had || RANK[m.post] < RANK[had.post]) byPerson.set(key, m)
  }
  return [...byPerson.values()]
    .sort((a, b) => RANK[a.post] - RANK[b.post])
    .map((m) => {
      const seat = seats.find((s) => s.name === m.name)
      const base = elections.find((e) => e.id === m.electionId)?.decision.base ?? 0
      return {
        post: m.post,
        name: m.name,
        sex: m.sex ?? seat?.sex ?? '',
        age: seat?.age ?? null,
        education: seat?.education ?? '',
        politicalStatus: seat?.politicalStatus ?? '',
        votes: m.votes,
        round: m.round,
        share: base > 0 ? m.votes / base : null
      }
    })
}

/** Proxy votes as the result records them, else the village's registered written authorisations. */
const proxyVotes = (e: ElectionRecord, facts: VillageFacts): number => e.proxyVotes ?? facts.proxies

const blankDate = '　　　　年　　月　　日'
const dateOf = (iso: string | undefined): string => (iso ? chineseDate(iso) : blankDate)

/** The main vote of a committee: its last valid 正式选举, else its last election. */
const mainElection = (elections: ElectionRecord[]): ElectionRecord | undefined =>
  elections.filter((e) => e.round === '正式选举' && e.decision.valid).at(-1) ?? elections.at(-1)

function fieldsOf(body: Body, e: ElectionRecord | undefined, facts: VillageFacts): FormField[] {
  const v = (n: number | null | undefined) => (e && n !== undefined ? n : null)
  const turnout = e && e.registered > 0 ? `${((e.returned / e.registered) * 100).toFixed(1)}%` : null
  if (body === '党组织') {
    return [
      { label: '应到会有选举权党员', value: v(e?.registered), unit: '人' },
      { label: '实到会党员', value: v(e?.present), unit: '人' },
      { label: '发出选票', value: v(e?.issued), unit: '张' },
      { label: '收回选票', value: v(e?.returned), unit: '张' },
      { label: '有效票', value: v(e?.valid), unit: '张' },
      { label: '无效票', value: v(e?.invalid), unit: '张' },
      { label: '选举是否有效', value: e ? (e.decision.valid ? '有效' : '无效') : null }
    ]
  }
  return [
    { label: '登记选民', value: v(e?.registered), unit: '人' },
    { label: '参加投票', value: v(e?.returned), unit: '人' },
    { label: '委托投票', value: e ? proxyVotes(e, facts) : null, unit: '人' },
    // Left blank for the pen when the clerk did not enter it.
    { label: '流动票箱投票', value: e?.mobileVotes ?? null, unit: '人' },
    { label: '参选率', value: turnout },
    { label: '发出选票', value: v(e?.issued), unit: '张' },
    { label: '有效票', value: v(e?.valid), unit: '张' },
    { label: '无效票', value: v(e?.invalid), unit: '张' },
    { label: '选举是否有效', value: e ? (e.decision.valid ? '有效' : '无效') : null }
  ]
}

/**
 * The 选举结果报告单 of one committee of one village, as the form is filled in on the day: its key
 * counts each in a field, the members elected with 年龄/学历/政治面貌 and votes, what the office must
 * still look at, the signature of the 选举委员会主任 (or the meeting's 主持人), the issuer's seal and
 * date, and the township's review block. The villagers' committee result is issued by the 村(居)民
 * 选举委员会, the Party result by the Party organisation: two forms, never one under the other's seal.
 */
export function committeeReportSpec(
  h: TableHeading,
  report: VillageResultReport,
  body: VillageResultReport['bodies'][number],
  facts: VillageFacts
): TableSpec<ElectedLine> {
  const party = body.body === '党组织'
  const committeeName = facts.kind === '社区' ? '居民委员会' : '村民委员会'
  const issuer = party ? `中共${report.villageName}党组织` : `${report.villageName}${facts.kind === '社区' ? '居民' : '村民'}选举委员会`
  const main = mainElection(body.elections)
  // Those not elected, and why, in the words of the count: the county reads the form, not the register.
  const notElected = (e: ElectionRecord) =>
    e.decision.races.flatMap((r) =>
      r.candidates.filter((c) => c.status !== '当选').map((c) => `${c.name}（${r.post}，${c.votes}票）${c.status}：${c.reason}`)
    )
  const notes = [
    ...(main ? [] : ['尚未录入选举结果。']),
    ...body.elections.flatMap((e) => [`${e.round}（${dateOf(e.heldOn)}）：${e.decision.validity}。`, ...notElected(e).map((t) => `${t}。`)]),
    ...body.flags.map((f) => `需关注：${f}。`)
  ]
  return {
    title: `${report.villageName}${roundYear(h)}年${party ? '党组织委员会' : committeeName}选举结果报告单`,
    sheetName: `${report.villageName}${party ? '党组织' : committeeName.slice(0, 2) === '居民' ? '居委会' : '村委会'}`.slice(0, 31),
    unit: h.unit,
    date: h.date,
    orientation: 'portrait',
    headLine: { left: `填报单位：${issuer}`, right: `选举日期：${dateOf(main?.heldOn)}` },
    fields: fieldsOf(body.body, main, facts),
    columns: [
      { header: '职务', width: 9, align: 'center', value: (r) => r.post },
      { header: '姓名', width: 10, align: 'center', value: (r) => r.name },
      { header: '性别', width: 5, align: 'center', value: (r) => r.sex },
      { header: '年龄', width: 5, kind: 'number', value: (r) => r.age },
      { header: '学历', width: 9, align: 'center', value: (r) => r.education },
      { header: '政治面貌', width: 11, align: 'center', value: (r) => r.politicalStatus },
      { header: '得票数', width: 7, kind: 'number', value: (r) => r.votes },
      { header: '得票率', width: 8, kind: 'percent', value: (r) => r.share },
      { header: '轮次', width: 9, align: 'center', value: (r) => r.round }
    ],
    note: `当选${body.elected.length === 0 ? '0' : new Set(body.elected.map((m) => m.name)).size}名。年龄按选举日计算；得票率为得票数占${party ? '实到会党员' : '参加投票人数'}的比例。\n${notes.join('\n')}`,
    closing: [
      { text: `${party ? '大会主持人' : '选举委员会主任'}（签字）：　　　　　　　　　监票人（签字）：　　　　　　　　` },
      { text: `${issuer}（盖章）`, align: 'right' },
      { text: dateOf(main?.heldOn), align: 'right' },
      { text: `${party ? '乡镇（街道）党（工）委' : '乡镇（街道）'}审核意见：\n\n\n审核人（签字）：　　　　　　　　　　　　${h.unit}${party ? '党委' : '人民政府'}（盖章）` },
      { text: blankDate, align: 'right' }
    ]
  }
}

/** One village's line in the township's summary of results. */
export interface ReportSummaryRow {
  village: string
  registered: number | null
  voted: number | null
  proxies: number | null
  mobile: number | null
  committeeValid: string
  committeeElected: number | null
  committeeSeats: number | null
  partyElected: number | null
  partySeats: number | null
  flags: string
  total?: boolean
}

export function summaryRow(report: VillageResultReport, facts: VillageFacts): ReportSummaryRow {
  const [party, committee] = [report.bodies.find((b) => b.body === '党组织')!, report.bodies.find((b) => b.body === '村委会')!]
  const main = mainElection(committee.elections)
  const people = (b: typeof party) => (b.elections.length ? new Set(b.elected.map((m) => m.name)).size : null)
  return {
    village: report.villageName,
    registered: main?.registered ?? null,
    voted: main?.returned ?? null,
    proxies: main ? proxyVotes(main, facts) : null,
    mobile: main?.mobileVotes ?? null,
    committeeValid: main ? (main.decision.valid ? '有效' : '无效') : '未录入',
    committeeElected: people(committee),
    committeeSeats: report.committeeSeats,
    partyElected: people(party),
    partySeats: report.partySeats,
    flags: [...party.flags, ...committee.flags].join('；')
  }
}

/** The summary's 合计 line: every count added up over the villages that have it. */
export function summaryTotal(rows: ReportSummaryRow[]): ReportSummaryRow {
  const sum = (k: 'registered' | 'voted' | 'proxies' | 'mobile' | 'committeeElected' | 'committeeSeats' | 'partyElected' | 'partySeats') =>
    rows.some((r) => r[k] !== null) ? rows.reduce((a, r) => a + (r[k] ?? 0), 0) : null
  return {
    village: `合计（${rows.length}个）`,
    registered: sum('registered'),
    voted: sum('voted'),
    proxies: sum('proxies'),
    mobile: sum('mobile'),
    committeeValid: `有效${rows.filter((r) => r.committeeValid === '有效').length}个`,
    committeeElected: sum('committeeElected'),
    committeeSeats: sum('committeeSeats'),
    partyElected: sum('partyElected'),
    partySeats: sum('partySeats'),
    flags: '',
    total: true
  }
}

/** 选举结果汇总表: the township's own table, one line per village and a 合计. */
export function reportSummarySpec(h: TableHeading): TableSpec<ReportSummaryRow> {
  return {
    title: `${titlePrefix(h)}村(社区)“两委”换届选举结果汇总表`,
    sheetName: '选举结果汇总',
    unit: h.unit,
    date: h.date,
    orientation: 'landscape',
    columns: [
      { header: '序号', width: 6, kind: 'number', align: 'center', value: (r, i) => (r.total ? null : i + 1) },
      { header: '村(社区)', width: 12, value: (r) => r.village },
      { header: '登记选民', group: '村(居)委会选举', width: 9, kind: 'number', value: (r) => r.registered },
      { header: '参加投票', group: '村(居)委会选举', width: 9, kind: 'number', value: (r) => r.voted },
      { header: '参选率', group: '村(居)委会选举', width: 8, kind: 'percent', value: (r) => (r.registered && r.voted !== null ? r.voted / r.registered : null) },
      { header: '委托投票', group: '村(居)委会选举', width: 9, kind: 'number', value: (r) => r.proxies },
      { header: '流动票箱', group: '村(居)委会选举', width: 9, kind: 'number', value: (r) => r.mobile },
      { header: '是否有效', group: '村(居)委会选举', width: 9, align: 'center', value: (r) => r.committeeValid },
      { header: '职数', group: '村(居)委会', width: 6, kind: 'number', value: (r) => r.committeeSeats },
      { header: '当选', group: '村(居)委会', width: 6, kind: 'number', value: (r) => r.committeeElected },
      { header: '职数', group: '党组织', width: 6, kind: 'number', value: (r) => r.partySeats },
      { header: '当选', group: '党组织', width: 6, kind: 'number', value: (r) => r.partyElected },
      { header: '需关注', width: 27, value: (r) => r.flags }
    ],
    isTotal: (r) => r.total === true,
    note: '注：当选人数按人计，党组织委员当选书记的计一人；参选率为参加投票人数占登记选民数的比例；各村(社区)选举结果报告单附后。'
  }
}

/** A village's two forms, Party organisation first as the round runs. */
export function villageReportSheets(h: TableHeading, report: VillageResultReport, seats: Seat[], facts: VillageFacts): { spec: TableSpec<unknown>; rows: unknown[] }[] {
  return report.bodies.map((b) => ({
    spec: committeeReportSpec(h, report, b, facts) as TableSpec<unknown>,
    rows: electedLines(b.elected, b.elections, seats.filter((s) => s.body === b.body && s.villageId === report.villageId))
  }))
}
