import { chineseDate } from '../../../../shared/dossier'
import type { Column, FormField, TableSpec } from '../table-spec'
import { roundYear, type TableHeading } from './common'
import { raceBodyName, seatsText, writeInLines, type DayVillage, type Race } from './races'

/** A line of the count sheet: a candidate, or a blank line for a write-in (另选人). */
export interface TallyLine {
  kind: '候选人' | '另选人'
  name: string
}

const blank = () => ''

/**
 * One race's count sheet (计票单, read out as the 唱票单): a row per candidate in ballot order and blank 另选人
 * rows, boxes to tally in (正 characters) and the total; a 等额 Party vote counts 赞成, 不赞成 and 弃权. Above it
 * the ballots 发出/收回/有效/无效; below it the signatures of the 总监票人, 总计票人, 监票人 and 计票人, and the date.
 */
export function tallySheetSpec(h: TableHeading, v: DayVillage, r: Race): { spec: TableSpec<TallyLine>; rows: TallyLine[] } {
  const party = r.body === '党组织'
  const date = party ? v.partyDate : v.committeeDate
  const fields: FormField[] = [
    { label: party ? '应到会有选举权党员' : '登记选民', value: party ? v.partyMembers : v.voters, unit: '人' },
    { label: party ? '实到会党员' : '参加投票选民', value: null, unit: '人' },
    { label: '发出选票', value: null, unit: '张' },
    { label: '收回选票', value: null, unit: '张' },
    { label: '有效票', value: null, unit: '张' },
    { label: '无效票', value: null, unit: '张' }
  ]
  const counts: Column<TallyLine>[] = r.approval
    ? [
        { header: '赞成（划“正”字）', width: 18, value: blank },
        { header: '不赞成', width: 12, value: blank },
        { header: '弃权', width: 10, value: blank },
        { header: '赞成票数', width: 8, align: 'center', value: blank }
      ]
    : [
        { header: '唱票记录（划“正”字）', width: 40, value: blank },
        { header: '得票数', width: 8, align: 'center', value: blank }
      ]
  const rows: TallyLine[] = [
    ...r.candidates.map((c) => ({ kind: '候选人' as const, name: c.name })),
    ...Array.from({ length: writeInLines(r) }, () => ({ kind: '另选人' as const, name: '' }))
  ]
  return {
    spec: {
      title: `${v.name}${roundYear(h)}年${raceBodyName(v, r.body)}${r.post}选举计票单`,
      sheetName: `${r.post}计票单`,
      unit: h.unit,
      date: h.date,
      orientation: 'portrait',
      headLine: { left: `应选${r.post}${seatsText(r.seats)}名${r.approval ? '（等额选举）' : ''}`, right: `选举日：${date ? chineseDate(date) : '　　年　　月　　日'}` },
      fields,
      rowHeight: 26,
      columns: [
        { header: '类别', width: 8, align: 'center', value: (l) => l.kind },
        { header: '姓名', width: 12, align: 'center', value: (l) => l.name },
        ...counts
      ],
      note: '注：候选人按选票顺序（姓氏笔画）排列；另选人写其姓名。收回选票多于发出选票的，选举无效。',
      closing: [
        { text: '总监票人：＿＿＿＿＿＿　　总计票人：＿＿＿＿＿＿' },
        { text: '监票人：＿＿＿＿＿＿　＿＿＿＿＿＿　　计票人：＿＿＿＿＿＿　＿＿＿＿＿＿　　唱票人：＿＿＿＿＿＿' },
        { text: '　　　　年　　月　　日', align: 'right' }
      ]
    },
    rows
  }
}
