import type { MemberRow } from '../../shared/election'
import { computeStructure, fiveUpOneDown, type MemberFact, type StructureStats, type TrendItem } from '../../shared/structure-stats'
import { bodyCounts, type BodyCounts } from '../../shared/bodies'
import type { BodyService } from './bodies'
import type { MemberService } from './members'

/** One line of the 换届结构统计表: a village, or the township (villageId null). */
export interface StructureRow {
  villageId: number | null
  villageName: string
  incoming: StructureStats
  outgoing: StructureStats
  trend: TrendItem[]
  /** The other bodies elected in the round: 监督委员会 members, 村民代表 with the women's share, 小组长. */
  bodies: BodyCounts
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
  constructor(
    private readonly members: MemberService,
    private readonly bodies: BodyService
  ) {}

  /** Per village with members in either term, then the township total; new term beside the outgoing one. */
  structure(): { villages: StructureRow[]; township: StructureRow } {
    const all = this.members.roster()
    const seated = this.bodies.roster()
    const row = (villageId: number | null, villageName: string, members: MemberRow[]): StructureRow => {
      const incoming = computeStructure(members.filter((m) => m.term === '本届').map(toFact))
      const outgoing = computeStructure(members.filter((m) => m.term === '上届').map(toFact))
      const bodies = bodyCounts(seated.filter((b) => villageId === null || b.villageId === villageId))
      return { villageId, villageName, incoming, outgoing, trend: fiveUpOneDown(incoming, outgoing), bodies }
    }
    const names = new Map<number, string>()
    for (const m of all) names.set(m.villageId, m.villageName)
    const villages = [...names].map(([id, name]) => row(id, name, all.filter((m) => m.villageId === id)))
    return { villages, township: row(null, '全乡镇合计', all) }
  }
}
