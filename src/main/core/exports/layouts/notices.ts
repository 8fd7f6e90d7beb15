import { chineseDate } from '../../../../shared/dossier'
import type { NoticeKind } from '../../../../shared/notices'
import type { Proxy, VoterChange } from '../../../../shared/voter'
import type { Column, TableSpec } from '../table-spec'
import { indexColumn } from './common'
import type { ElectedLine } from './election-report'
import type { RaceCandidate } from './races'
import { electionCommittee } from './voters'

/** A notice's filled wording and who posts it, when. */
export interface NoticeFrame {
  kind: NoticeKind
  title: string
  lead: string
  village: string
  villageKind: '村' | '社区'
  unit: string
  date: string
  /** The day printed under the seal; null leaves it to write by hand. */
  issuedOn: string | null
  /** Lines under the table (共计 N 人). */
  note?: string
  headLine?: { left: string; right: string }
}

const blankDate = '　　　　年　　月　　日'

/** The frame every notice shares: its title, text, and the seal and date of the village's 选举委员会 (not the township). */
function frame<R>(f: NoticeFrame, columns: Column<R>[]): TableSpec<R> {
  return {
    title: f.title,
    sheetName: f.kind,
    unit: f.unit,
    date: f.date,
    orientation: 'portrait',
    headLine: f.headLine ?? { left: '', right: '' },
    lead: f.lead,
    columns,
    ...(f.note ? { note: f.note } : {}),
    closing: [
      { text: `${f.village}${electionCommittee(f.villageKind)}（盖章）`, align: 'right' },
      { text: f.issuedOn ? chineseDate(f.issuedOn) : blankDate, align: 'right' }
    ]
  }
}

export type NoticeTable = { spec: TableSpec<unknown>; rows: unknown[] }
const table = <R>(spec: TableSpec<R>, rows: R[]): NoticeTable => ({ spec: spec as TableSpec<unknown>, rows })

/** A notice of text alone (选举日及选举方式). */
export const textNotice = (f: NoticeFrame): NoticeTable => table(frame(f, []), [])

/** A line to fill in by hand: the register keeps no record of it (选举委员会成员, 投票站, 唱票计票监票人员). */
export interface HandLine {
  role: string
}

const blank = () => ''

/** Rows whose first column names the role and whose other columns are left blank for the village to fill in. */
export function handNotice(f: NoticeFrame, first: string, roles: string[], others: { header: string; width: number }[]): NoticeTable {
  const columns: Column<HandLine>[] = [
    { header: first, width: 14, align: 'center', value: (l) => l.role },
    ...others.map((o) => ({ header: o.header, width: o.width, value: blank }))
  ]
  return table(frame({ ...f, note: f.note ?? '注：本表各栏由选举委员会填写。' }, columns), roles.map((role) => ({ role })))
}

export const committeeMembersNotice = (f: NoticeFrame): NoticeTable =>
  handNotice(f, '职务', ['主任', '副主任', '委员', '委员', '委员', '委员', '委员'], [
    { header: '姓名', width: 14 },
    { header: '性别', width: 6 },
    { header: '所在村民小组', width: 14 },
    { header: '备注', width: 14 }
  ])

export const stationsNotice = (f: NoticeFrame): NoticeTable =>
  handNotice(f, '类别', ['中心会场', '投票站', '投票站', '投票站', '流动票箱', '流动票箱'], [
    { header: '名称', width: 12 },
    { header: '地点（流动票箱路线）', width: 26 },
    { header: '投票时间', width: 14 },
    { header: '负责人', width: 10 }
  ])

export const countersNotice = (f: NoticeFrame): NoticeTable =>
  handNotice(f, '职责', ['总监票人', '监票人', '监票人', '总计票人', '计票人', '计票人', '唱票人', '唱票人'], [
    { header: '姓名', width: 14 },
    { header: '所在会场（投票站）', width: 20 },
    { header: '备注', width: 14 }
  ])

export const changesNotice = (f: NoticeFrame, changes: VoterChange[]): NoticeTable =>
  table(
    frame(f, [
      indexColumn<VoterChange>(),
      { header: '姓名', width: 10, align: 'center', value: (c) => c.name },
      { header: '补正类别', width: 10, align: 'center', value: (c) => c.kind },
      { header: '补正原因', width: 30, value: (c) => c.detail },
      { header: '日期', width: 12, kind: 'date', align: 'center', value: (c) => c.changedOn }
    ]),
    changes
  )

/** A candidate line of the notice: the post stood for, then the person. */
export type CandidateLine = RaceCandidate & { post: string }

export const candidatesNotice = (f: NoticeFrame, lines: CandidateLine[]): NoticeTable =>
  table(
    frame<CandidateLine>(f, [
      { header: '职位', width: 10, align: 'center', value: (c) => c.post },
      { header: '姓名', width: 10, align: 'center', value: (c) => c.name },
      { header: '性别', width: 6, align: 'center', value: (c) => c.sex },
      { header: '年龄', width: 6, kind: 'number', value: (c) => c.age },
      { header: '学历', width: 10, align: 'center', value: (c) => c.education },
      { header: '政治面貌', width: 12, align: 'center', value: (c) => c.politicalStatus }
    ]),
    lines
  )

export const proxiesNotice = (f: NoticeFrame, proxies: Proxy[]): NoticeTable =>
  table(
    frame(f, [
      indexColumn<Proxy>(),
      { header: '委托人', width: 12, align: 'center', value: (p) => p.principalName },
      { header: '受委托人', width: 12, align: 'center', value: (p) => p.holderName },
      { header: '与委托人关系', width: 12, align: 'center', value: (p) => p.relation },
      { header: '委托日期', width: 12, kind: 'date', align: 'center', value: (p) => p.signedOn }
    ]),
    proxies
  )

export const resultNotice = (f: NoticeFrame, elected: ElectedLine[]): NoticeTable =>
  table(
    frame<ElectedLine>(f, [
      { header: '职务', width: 10, align: 'center', value: (e) => e.post },
      { header: '姓名', width: 10, align: 'center', value: (e) => e.name },
      { header: '性别', width: 6, align: 'center', value: (e) => e.sex },
      { header: '年龄', width: 6, kind: 'number', value: (e) => e.age },
      { header: '得票数', width: 8, kind: 'number', value: (e) => e.votes },
      { header: '产生方式', width: 10, align: 'center', value: (e) => e.round }
    ]),
    elected
  )
