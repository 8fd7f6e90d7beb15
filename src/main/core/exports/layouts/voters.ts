import type { TableSpec } from '../table-spec'
import { indexColumn, type TableHeading } from './common'

export interface VoterRow {
  village: string
  group: string
  name: string
  sex: string
  idNumber: string
  birthDate: string | null
  category: string
  note: string
}

/** 选民名单 as posted 20 days before the vote; 身份证号 stays text so no digit is lost. */
export function votersSpec(h: TableHeading & { village: string; electionName: string }): TableSpec<VoterRow> {
  return {
    title: `${h.village}${h.electionName}选民名单`,
    sheetName: '选民名单',
    unit: h.unit,
    date: h.date,
    orientation: 'portrait',
    columns: [
      indexColumn(),
      { header: '村民小组', width: 10, align: 'center', value: (r) => r.group },
      { header: '姓名', width: 10, align: 'center', value: (r) => r.name },
      { header: '性别', width: 5, align: 'center', value: (r) => r.sex },
      { header: '出生年月', width: 9, kind: 'yearMonth', align: 'center', value: (r) => r.birthDate },
      { header: '公民身份号码', width: 21, align: 'center', value: (r) => r.idNumber },
      { header: '登记类别', width: 18, align: 'center', value: (r) => r.category },
      { header: '备注', width: 10, value: (r) => r.note }
    ]
  }
}
