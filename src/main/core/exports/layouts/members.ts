import { ageOn } from '../../../../shared/idcard'
import type { TableSpec } from '../table-spec'
import { indexColumn, titlePrefix, type TableHeading } from './common'

export interface MemberRow {
  village: string
  name: string
  sex: string
  ethnicity: string
  birthDate: string | null
  education: string
  politicalStatus: string
  partyPost: string
  committeePost: string
  oneShoulder: boolean
  crossServing: boolean
  phone: string
}

const yes = (b: boolean): string => (b ? '是' : '')

export function membersSpec(h: TableHeading & { referenceDate: string }): TableSpec<MemberRow> {
  return {
    title: `${titlePrefix(h)}村(社区)“两委”成员名册`,
    sheetName: '两委成员名册',
    unit: h.unit,
    date: h.date,
    orientation: 'landscape',
    columns: [
      indexColumn(),
      { header: '所在村', width: 12, value: (r) => r.village },
      { header: '姓名', width: 9, align: 'center', value: (r) => r.name },
      { header: '性别', width: 5, align: 'center', value: (r) => r.sex },
      { header: '民族', width: 6, align: 'center', value: (r) => r.ethnicity },
      { header: '出生年月', width: 9, kind: 'yearMonth', align: 'center', value: (r) => r.birthDate },
      { header: '年龄', width: 5, kind: 'number', value: (r) => (r.birthDate ? ageOn(r.birthDate, h.referenceDate) : null) },
      { header: '学历', width: 8, align: 'center', value: (r) => r.education },
      { header: '政治面貌', width: 10, align: 'center', value: (r) => r.politicalStatus },
      { header: '党组织', group: '职务', width: 12, align: 'center', value: (r) => r.partyPost },
      { header: '村(居)委会', group: '职务', width: 12, align: 'center', value: (r) => r.committeePost },
      { header: '一肩挑', width: 7, align: 'center', value: (r) => yes(r.oneShoulder) },
      { header: '交叉任职', width: 8, align: 'center', value: (r) => yes(r.crossServing) },
      { header: '联系电话', width: 13, align: 'center', value: (r) => r.phone }
    ]
  }
}
