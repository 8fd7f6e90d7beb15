import type { MemberRow as Seat, Term } from '../../../../shared/election'
import { ageOn } from '../../../../shared/idcard'
import type { TableSpec } from '../table-spec'
import { indexColumn, titlePrefix, type TableHeading } from './common'

/** One person of a village's two committees: a person on both holds two seats but is one line. */
export interface MemberRow {
  village: string
  name: string
  sex: string
  ethnicity: string
  birthDate: string | null
  /** On the election day; null when the day is not known. */
  age: number | null
  education: string
  politicalStatus: string
  partyPost: string
  committeePost: string
  oneShoulder: boolean
  crossServing: boolean
  phone: string
}

/** The roster's seats (in roster order) as one line per person and village. */
export function memberLines(seats: Seat[]): MemberRow[] {
  const lines = new Map<string, MemberRow>()
  for (const s of seats) {
    const key = `${s.villageId}:${s.personId}`
    const line = lines.get(key) ?? {
      village: s.villageName,
      name: s.name,
      sex: s.sex ?? '',
      ethnicity: s.ethnicity,
      birthDate: s.birthDate,
      age: s.age,
      education: s.education,
      politicalStatus: s.politicalStatus,
      partyPost: '',
      committeePost: '',
      oneShoulder: false,
      crossServing: false,
      phone: s.phone
    }
    if (s.body === '党组织') line.partyPost = s.post
    else line.committeePost = s.post
    line.age ??= s.age
    line.education ||= s.education
    line.politicalStatus ||= s.politicalStatus
    line.oneShoulder = line.partyPost === '书记' && line.committeePost === '主任'
    line.crossServing = !line.oneShoulder && line.partyPost !== '' && line.committeePost !== ''
    lines.set(key, line)
  }
  return [...lines.values()]
}

const yes = (b: boolean): string => (b ? '是' : '')

/** 两委成员名册 of the new term (本届) or the outgoing one (上届). */
export function membersSpec(h: TableHeading & { term: Term }): TableSpec<MemberRow> {
  return {
    title: h.term === '本届' ? `${titlePrefix(h)}村(社区)“两委”成员名册` : `${h.unit}村(社区)上届“两委”成员名册`,
    sheetName: h.term === '本届' ? '两委成员名册' : '上届两委成员名册',
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
      { header: '年龄', width: 5, kind: 'number', value: (r) => r.age ?? (r.birthDate ? ageOn(r.birthDate, h.date) : null) },
      { header: '学历', width: 8, align: 'center', value: (r) => r.education },
      { header: '政治面貌', width: 10, align: 'center', value: (r) => r.politicalStatus },
      { header: '党组织', group: '职务', width: 12, align: 'center', value: (r) => r.partyPost },
      { header: '村(居)委会', group: '职务', width: 12, align: 'center', value: (r) => r.committeePost },
      { header: '一肩挑', width: 7, align: 'center', value: (r) => yes(r.oneShoulder) },
      { header: '交叉任职', width: 8, align: 'center', value: (r) => yes(r.crossServing) },
      { header: '联系电话', width: 13, align: 'center', value: (r) => r.phone }
    ],
    note: '注：年龄按选举日计算，未录入选举日的按制表日期计算。'
  }
}
