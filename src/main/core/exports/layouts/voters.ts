import { VOTER_CATEGORIES, type VoterRow } from '../../../../shared/voter'
import type { Column, TableSpec } from '../table-spec'
import { indexColumn, titlePrefix, type TableHeading } from './common'

/** What the posted list shows of a voter, as VoterService.iterate yields it. */
export type VoterListRow = Pick<VoterRow, 'villageName' | 'groupName' | 'name' | 'sex' | 'birthDate' | 'ageOnElectionDay' | 'category' | 'note'>

/**
 * 选民名单 as posted 20 days before the vote (选民名单公告). It goes on a public notice board, so it
 * shows what lets a villager check an entry — 姓名, 性别, 出生年月 and 年龄 on the election day,
 * 村民小组, 登记类别 — and not the 公民身份号码, which the register keeps and the notice does not
 * publish. Township-wide (one village's list after another) it carries a 村(社区) column.
 */
export function votersSpec(h: TableHeading & { village: string | null; objectionDays: number }): TableSpec<VoterListRow> {
  const villageColumn: Column<VoterListRow>[] = h.village ? [] : [{ header: '村(社区)', width: 12, value: (r) => r.villageName }]
  return {
    title: h.village ? `${h.village}${h.date.slice(0, 4)}年村(居)民委员会选举选民名单` : `${titlePrefix(h)}村(居)民委员会选举选民名单`,
    sheetName: '选民名单',
    unit: h.unit,
    date: h.date,
    orientation: 'portrait',
    columns: [
      indexColumn(),
      ...villageColumn,
      { header: '村民小组', width: 10, align: 'center', value: (r) => r.groupName },
      { header: '姓名', width: 10, align: 'center', value: (r) => r.name },
      { header: '性别', width: 5, align: 'center', value: (r) => r.sex },
      { header: '出生年月', width: 9, kind: 'yearMonth', align: 'center', value: (r) => r.birthDate },
      { header: '年龄', width: 5, kind: 'number', value: (r) => r.ageOnElectionDay },
      { header: '登记类别', width: 20, align: 'center', value: (r) => VOTER_CATEGORIES[r.category].short },
      { header: '备注', width: 12, value: (r) => r.note }
    ],
    note: `注：年龄按选举日计算。对名单有不同意见的，可自名单公布之日起${h.objectionDays}日内向村(居)民选举委员会提出申诉。`
  }
}
