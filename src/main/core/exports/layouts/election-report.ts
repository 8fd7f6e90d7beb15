import type { VillageResultReport } from '../../../../shared/election'
import type { Column, TableSpec } from '../table-spec'
import { titlePrefix, type TableHeading } from './common'

/** One line of the 选举结果报告单: an election's validity, a candidate's decision, or a committee's outcome. */
export interface ReportLine {
  village: string
  body: string
  election: string
  post: string
  name: string
  sex: string
  votes: number | null
  rank: number | null
  result: string
  reason: string
  /** Election, outcome and attention lines are printed bold. */
  heading: boolean
}

const dotted = (iso: string): string => iso.replaceAll('-', '.')

/**
 * A village's report as lines: per committee (Party organisation first, as the round runs), each
 * election with its ballots and validity, then every candidate with votes, rank, result and why, then
 * who is elected and what the office must still look at.
 */
export function reportLines(report: VillageResultReport): ReportLine[] {
  const lines: ReportLine[] = []
  const line = (l: Partial<ReportLine> & Pick<ReportLine, 'body' | 'result' | 'reason'>): void => {
    lines.push({ village: report.villageName, election: '', post: '', name: '', sex: '', votes: null, rank: null, heading: false, ...l })
  }
  for (const b of report.bodies) {
    if (b.elections.length === 0) {
      line({ body: b.body, result: '未录入', reason: '尚未录入选举结果', heading: true })
      continue
    }
    for (const e of b.elections) {
      const ballots = `发出选票${e.issued}张，收回${e.returned}张，有效票${e.valid}张，无效票${e.invalid}张`
      line({
        body: b.body,
        election: `${e.round} ${dotted(e.heldOn)}`,
        result: e.decision.valid ? '选举有效' : '选举无效',
        reason: [e.decision.validity, ballots, ...e.decision.notes].join('；'),
        heading: true
      })
      for (const r of e.decision.races) {
        for (const c of r.candidates) {
          line({
            body: b.body,
            election: `${e.round} ${dotted(e.heldOn)}`,
            post: `${r.post}（应选${r.seats}名）`,
            name: c.writeIn ? `${c.name}（另选他人）` : c.name,
            sex: c.sex ?? '',
            votes: c.votes,
            rank: c.rank,
            result: c.status,
            reason: c.reason
          })
        }
      }
    }
    const elected = b.elected.map((m) => `${m.name}（${m.post}，${m.round}${m.votes}票）`).join('、')
    line({ body: b.body, election: '当选人员', result: `${b.elected.length}名`, reason: elected || '无', heading: true })
    if (b.flags.length > 0) line({ body: b.body, election: '需关注', result: `${b.flags.length}项`, reason: b.flags.join('；'), heading: true })
  }
  return lines
}

/** 选举结果报告单 of a village; township-wide, every village's report one after another with a 村(社区) column. */
export function electionReportSpec(h: TableHeading & { village: string | null }): TableSpec<ReportLine> {
  const villageColumn: Column<ReportLine>[] = h.village ? [] : [{ header: '村(社区)', width: 11, value: (r) => r.village }]
  return {
    title: h.village ? `${h.village}${h.date.slice(0, 4)}年“两委”换届选举结果报告单` : `${titlePrefix(h)}村(社区)“两委”换届选举结果报告单`,
    sheetName: '选举结果报告单',
    unit: h.unit,
    date: h.date,
    orientation: 'landscape',
    columns: [
      ...villageColumn,
      { header: '组织', width: 7, align: 'center', value: (r) => r.body },
      { header: '选举', width: 13, align: 'center', value: (r) => r.election },
      { header: '职位', width: 12, align: 'center', value: (r) => r.post },
      { header: '姓名', width: 9, align: 'center', value: (r) => r.name },
      { header: '性别', width: 4.5, align: 'center', value: (r) => r.sex },
      { header: '得票', width: 6, kind: 'number', value: (r) => r.votes },
      { header: '名次', width: 5, kind: 'number', value: (r) => r.rank },
      { header: '结果', width: 9, align: 'center', value: (r) => r.result },
      { header: '情况说明', width: 50, value: (r) => r.reason }
    ],
    isTotal: (r) => r.heading,
    note: '注：是否有效、是否当选由本软件按选举办法中的法定比例计算，理由见“情况说明”。\n主持人：　　　　　　监票人：　　　　　　计票人：　　　　　　村(居)民选举委员会（盖章）'
  }
}
