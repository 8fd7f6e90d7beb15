import { chineseDate } from '../../../../shared/dossier'
import type { Column, TableSpec } from '../table-spec'
import { electionCommittee } from './voters'
import { raceBodyName, seatsText, writeInLines, type DayVillage, type Race } from './races'
import { roundYear, type TableHeading } from './common'

/** A line of a ballot: a candidate's name beside a blank 另选人 line. */
export interface BallotLine {
  name: string
}

const MARK = 6

/** Who issues a village's ballots and stamps them. */
const issuer = (v: DayVillage, r: Race): string => (r.body === '党组织' ? `${v.name}党组织` : `${v.name}${electionCommittee(v.kind)}`)

function instructions(v: DayVillage, r: Race): string {
  const n = seatsText(r.seats)
  const mark = r.approval
    ? '2．对候选人赞成的，在其姓名后“赞成”栏内划“○”；不赞成的，在“不赞成”栏内划“○”；弃权的，在“弃权”栏内划“○”。不赞成候选人而另选他人的，在“另选人姓名”栏内写上另选人的姓名，并在其后划“○”。'
    : '2．同意候选人的，在其姓名后的空格内划“○”；不同意的，划“×”。如另选他人，在“另选人姓名”栏内写上另选人的姓名，并在其后的空格内划“○”。'
  return [
    '划票说明：',
    `1．本选票应选${r.post}${n}名。所选人数等于或少于应选名额的为有效票，多于应选名额的为无效票。`,
    mark,
    '3．符号要划准确，字迹模糊、无法辨认的，该栏作废。写票须在秘密写票处进行。',
    `4．本选票须加盖${issuer(v, r)}印章，未加盖印章的选票无效。`
  ].join('\n')
}

/**
 * One race's ballot (选票): the candidates in 姓氏笔画 order, beside each a blank line for another person
 * (另选人); the number to elect, the 划票说明 and the box the seal goes in. The 流动票箱 variant says so on its
 * head, as the mobile box's ballots are counted apart.
 */
export function ballotSpec(h: TableHeading, v: DayVillage, r: Race, mobile: boolean): { spec: TableSpec<BallotLine>; rows: BallotLine[] } {
  const lines = Math.max(r.candidates.length, writeInLines(r))
  const rows = Array.from({ length: lines }, (_, i) => ({ name: r.candidates[i]?.name ?? '' }))
  const blank = () => ''
  const marks: Column<BallotLine>[] = r.approval
    ? [
        { header: '赞成', width: MARK, align: 'center', value: blank },
        { header: '不赞成', width: MARK, align: 'center', value: blank },
        { header: '弃权', width: MARK, align: 'center', value: blank }
      ]
    : [{ header: '划票', width: MARK, align: 'center', value: blank }]
  const date = r.body === '党组织' ? v.partyDate : v.committeeDate
  return {
    spec: {
      title: `${v.name}${roundYear(h)}年${raceBodyName(v, r.body)}${r.post}选举选票${mobile ? '（流动票箱）' : ''}`,
      sheetName: `${r.post}选票`,
      unit: h.unit,
      date: h.date,
      orientation: 'portrait',
      headLine: { left: `应选${r.post}${seatsText(r.seats)}名${r.approval ? '（等额选举）' : ''}`, right: `${mobile ? '流动票箱专用　' : ''}${date ? `选举日：${chineseDate(date)}` : ''}` },
      sealBox: `${issuer(v, r)}\n（盖章）`,
      rowHeight: 30,
      columns: [
        { header: '候选人姓名（按姓氏笔画为序）', width: 22, align: 'center', value: (l) => l.name },
        ...marks,
        { header: '另选人姓名', width: 18, align: 'center', value: blank },
        { header: '划票', width: MARK, align: 'center', value: blank }
      ],
      note: instructions(v, r)
    },
    rows
  }
}

/** A line of the print sheet: how many of one race's ballots to print, and where they go. */
export interface PrintLine {
  race: string
  seats: string
  voters: number | null
}

/**
 * 选票印制数: one ballot per voter (a Party race, per member entitled to vote) for each race, with the
 * stations' shares left to fill in: the register does not keep the polling stations.
 */
export function printCountSpec(h: TableHeading, v: DayVillage): { spec: TableSpec<PrintLine>; rows: PrintLine[] } {
  const blank = () => ''
  return {
    spec: {
      title: `${v.name}${roundYear(h)}年选票印制数`,
      sheetName: '选票印制数',
      unit: h.unit,
      date: h.date,
      orientation: 'portrait',
      columns: [
        { header: '选票', width: 22, value: (l) => l.race },
        { header: '应选', width: 6, align: 'center', value: (l) => l.seats },
        { header: '应印制（张）', width: 10, kind: 'number', value: (l) => l.voters },
        { header: '中心会场', group: '其中分发（张）', width: 9, value: blank },
        { header: '投票站', group: '其中分发（张）', width: 9, value: blank },
        { header: '流动票箱', group: '其中分发（张）', width: 9, value: blank },
        { header: '备用', group: '其中分发（张）', width: 7, value: blank }
      ],
      note: '注：应印制数为列入选民名单的选民数（党组织选举为有选举权的党员数），每人每种选票一张；各投票站、流动票箱的分发数和备用数由选举委员会按投票站登记的选民填写，备用票须登记并封存。',
      closing: [{ text: '印制监督人：＿＿＿＿＿＿　　清点人：＿＿＿＿＿＿　　　　　年　　月　　日', align: 'right' }]
    },
    rows: v.races.map((r) => ({
      race: `${raceBodyName(v, r.body)}${r.post}选票`,
      seats: `${seatsText(r.seats)}名`,
      voters: r.body === '党组织' ? v.partyMembers : v.voters
    }))
  }
}
