import type { MemberRow } from '../../shared/election'
import { computeStructure, fiveUpOneDown, type MemberFact, type StructureStats, type TrendItem } from '../../shared/structure-stats'
import type { MemberService } from './members'

/** One line of the 换届结构统计表: a village, or the township (villageId null). */
export interface StructureRow {
  villageId: number | null
  villageName: string
  incoming: StructureStats
  outgoing: StructureStats
  trend: TrendItem[]
}

const toFact = (m: MemberRow): MemberFact => ({
  villageId: m.villageId,
  personId: m.personId,
  name: m.name,
  sex: m.sex,
  birthDate: m.birthDate,
  body: m.body,
  post: m.post,
  politicalStatus: m.politicalStatus,
  education: m.education,
  fulltimeEducation: m.fulltimeEducation,
  referenceDate: m.referenceDate
})

export class StatisticsService {
  constructor(private readonly members: MemberService) {}

  /** Per village with members in either term, then the township total; new term beside the outgoing one. */
  structure(): { villages: StructureRow[]; township: StructureRow } {
    const all = this.members.roster()
    const row = (villageId: number | null, villageName: string, members: MemberRow[]): StructureRow => {
      const incoming = computeStructure(members.filter((m) => m.term === '本届').map(toFact))
      const outgoing = computeStructure(members.filter((m) => m.term === '上届').map(toFact))
      return { villageId, villageName, incoming, outgoing, trend: fiveUpOneDown(incoming, outgoing) }
    }
    const names = new Map<number, string>()
    for (const m of all) names.set(m.villageId, m.villageName)
    const villages = [...names].map(([id, name]) => row(id, name, all.filter((m) => m.villageId === id)))
    return { villages, township: row(null, '全乡镇合计', all) }
  }
}
