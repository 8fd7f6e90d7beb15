import { VOTER_CATEGORIES, type VoterRow } from '../../../../shared/voter'
import { chineseDate } from '../../../../shared/dossier'
import type { Column, TableSpec } from '../table-spec'
import { indexColumn, roundYear, titlePrefix, type TableHeading } from './common'

/** What the posted list shows of a voter, as VoterService.iterate yields it. */
export type VoterListRow = Pick<VoterRow, 'villageName' | 'groupName' | 'name' | 'sex' | 'birthDate' | 'ageOnElectionDay' | 'category' | 'note'>

/** What a village's posted list says about itself; the township's compiled list has none of it. */
export interface VoterListNotice {
  village: string
  kind: '村' | '社区'
  electionDate: string | null
  publishedOn: string | null
}

/** 村民选举委员会 or 居民选举委员会: who posts a village's list. */
export const electionCommittee = (kind: '村' | '社区'): string => (kind === '社区' ? '居民选举委员会' : '村民选举委员会')

const dateOrBlank = (iso: string | null): string => (iso ? chineseDate(iso) : '　　年　　月　　日')

/**
 * 选民名单 as posted 20 days before the vote (选民名单公告), issued by the village's 选举委员会 under
 * its seal, with the election day, the day of posting and the count. It goes on a public notice
 * board, so it shows what lets a villager check an entry — 姓名, 性别, 出生年月 and 年龄 on the
 * election day, 村民小组, 登记类别 — and not the 公民身份号码, which the register keeps and the notice
 * does not publish. Township-wide (one village's list after another) it is the township's compilation
 * and carries a 村(社区) column.
 */
export function votersSpec(h: TableHeading & { notice: VoterListNotice | null; objectionDays: number; total: number }): TableSpec<VoterListRow> {
  const n = h.notice
  const villageColumn: Column<VoterListRow>[] = n ? [] : [{ header: '村(社区)', width: 12, value: (r) => r.villageName }]
  const committee = n ? electionCommittee(n.kind) : '村(居)民选举委员会'
  const body = n ? (n.kind === '社区' ? '居民委员会' : '村民委员会') : '村(居)民委员会'
  // A community's posted list speaks of its residents' groups and of 本社区, as the notice above it does.
  const community = n?.kind === '社区'
  const categoryText = (c: VoterListRow['category']) => (community ? VOTER_CATEGORIES[c].short.replaceAll('本村', '本社区') : VOTER_CATEGORIES[c].short)
  return {
    title: n ? `${n.village}${roundYear(h)}年${body}选举选民名单` : `${titlePrefix(h)}${body}选举选民名单`,
    sheetName: '选民名单',
    unit: h.unit,
    date: h.date,
    orientation: 'portrait',
    ...(n ? { headLine: { left: `选举日：${dateOrBlank(n.electionDate)}`, right: `公布日期：${dateOrBlank(n.publishedOn)}` } } : {}),
    columns: [
      indexColumn(),
      ...villageColumn,
      { header: community ? '居民小组' : '村民小组', width: 10, align: 'center', value: (r) => r.groupName },
      { header: '姓名', width: 10, align: 'center', value: (r) => r.name },
      { header: '性别', width: 5, align: 'center', value: (r) => r.sex },
      { header: '出生年月', width: 9, kind: 'yearMonth', align: 'center', value: (r) => r.birthDate },
      { header: '年龄', width: 5, kind: 'number', value: (r) => r.ageOnElectionDay },
      { header: '登记类别', width: 20, align: 'center', value: (r) => categoryText(r.category) },
      { header: '备注', width: 12, value: (r) => r.note }
    ],
    note: `共计 ${h.total} 人。\n注：年龄按选举日计算。对名单有不同意见的，可自名单公布之日起${h.objectionDays}日内向${committee}提出申诉。`,
    ...(n ? { closing: [{ text: `${n.village}${committee}（盖章）`, align: 'right' as const }, { text: dateOrBlank(n.publishedOn), align: 'right' as const }] } : {})
  }
}
