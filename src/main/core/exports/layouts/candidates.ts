import { ageOn } from '../../../../shared/idcard'
import type { TableSpec } from '../table-spec'
import { indexColumn, titlePrefix, type TableHeading } from './common'

export interface CandidateRosterRow {
  name: string
  sex: string
  ethnicity: string
  birthDate: string | null
  /** Counted by the register on the village's own election day; without it, on the heading's reference date. */
  age?: number | null
  education: string
  politicalStatus: string
  partyJoinDate: string | null
  currentPost: string
  proposedPost: string
  village: string
  note: string
}

/** 人选花名册, per village or township-wide; 年龄 is counted on `referenceDate` (the election day). */
export function candidatesSpec(h: TableHeading & { referenceDate: string }): TableSpec<CandidateRosterRow> {
  return {
    title: `${titlePrefix(h)}村(社区)“两委”换届候选人初步人选花名册`,
    sheetName: '人选花名册',
    unit: h.unit,
    date: h.date,
    orientation: 'landscape',
    columns: [
      indexColumn(),
      { header: '姓名', width: 10, align: 'center', value: (r) => r.name },
      { header: '性别', width: 6, align: 'center', value: (r) => r.sex },
      { header: '民族', width: 7, align: 'center', value: (r) => r.ethnicity },
      { header: '出生年月', width: 10, kind: 'yearMonth', align: 'center', value: (r) => r.birthDate },
      { header: '年龄', width: 6, kind: 'number', value: (r) => (r.age !== undefined ? r.age : r.birthDate ? ageOn(r.birthDate, h.referenceDate) : null) },
      { header: '学历', width: 9, align: 'center', value: (r) => r.education },
      { header: '政治面貌', width: 11, align: 'center', value: (r) => r.politicalStatus },
      { header: '入党时间', width: 10, kind: 'yearMonth', align: 'center', value: (r) => r.partyJoinDate },
      { header: '现任职务', width: 18, value: (r) => r.currentPost },
      { header: '拟任职务', width: 18, value: (r) => r.proposedPost },
      { header: '所在村', width: 12, value: (r) => r.village },
      { header: '备注', width: 14, value: (r) => r.note }
    ]
  }
}
