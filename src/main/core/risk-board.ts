import type { z } from 'zod'
import type { Assessment, EmergencyPlan, GradeChange, WorkRecord, assessmentInput, emergencyPlanInput, workRecordInput } from '../../shared/risk'
import { isOverdue, isUnattended, openTrend } from '../../shared/risk-rules'
import type { VillageGrade } from '../../shared/village'
import { riskTypesSetting, talkIntervalSetting } from '../../shared/settings'
import type { Clock } from './clock'
import type { PlanService } from './plans'
import type { RiskItemRow, RiskService } from './risks'
import type { SettingsService } from './settings'
import type { Store } from './store'
import type { VillageGradeService } from './village-grades'
import { VillageRecordTable } from './village-records'
import type { VillageService } from './villages'

export interface WorkTotals {
  /** 走访户数: households reached by visits. */
  households: number
  /** 谈话人次: people in recorded talks plus talks with key persons. */
  talks: number
  visitRecords: number
  keyPersonTalks: number
}

export interface VillageBoardRow {
  villageId: number
  name: string
  grade: VillageGrade
  leader: string
  residentCadre: string
  open: number
  overdue: number
  unattended: number
  planLate: number
  planBreaches: number
}

/** One row of the 风险台账 as offices print it. */
export interface RiskLedgerRow {
  村社: string
  分级: VillageGrade
  风险类型: string
  风险描述: string
  来源: string
  重点人员: string
  一村一策措施: string
  责任领导: string
  责任干部: string
  发现日期: string
  化解时限: string
  状态: string
  是否逾期: string
  销号日期: string
  化解依据: string
  销号人: string
}

/** One row of the 重难点村清单. */
export interface FocusVillageRow {
  村社: string
  定级理由: string
  定级时间: string
  包村领导: string
  驻村干部: string
  风险类型: string
  未化解事项: number
  逾期事项: number
  重点人员: number
  超期未谈话人员: number
  走访户数: number
  谈话人次: number
  村委会选举日期: string
}

/**
 * The township's view of the risk files (挂图作战) and a village's whole file, put together from the
 * risk items, the grade history, the per-village records and the plan.
 */
export class RiskBoardService {
  readonly emergencyPlans: VillageRecordTable<z.output<typeof emergencyPlanInput>, EmergencyPlan>
  readonly workRecords: VillageRecordTable<z.output<typeof workRecordInput>, WorkRecord>
  readonly assessments: VillageRecordTable<z.output<typeof assessmentInput>, Assessment>

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    readonly risks: RiskService,
    readonly grades: VillageGradeService,
    readonly plans: PlanService,
    private readonly settings: SettingsService,
    private readonly villages: VillageService
  ) {
    this.emergencyPlans = new VillageRecordTable(store, clock, {
      table: 'emergency_plans',
      entity: 'emergency_plan',
      label: '应急预案',
      columns: ['villageId', 'scenario', 'response', 'personInCharge', 'contact'],
      orderBy: 'id',
      describe: (d) => d.scenario.slice(0, 30)
    })
    this.workRecords = new VillageRecordTable(store, clock, {
      table: 'village_work_records',
      entity: 'work_record',
      label: '走访谈话记录',
      columns: ['villageId', 'kind', 'doneOn', 'doneBy', 'withWhom', 'households', 'people', 'notes'],
      orderBy: 'done_on DESC, id DESC',
      describe: (d) => `${d.doneOn} ${d.kind}（${d.doneBy}）`
    })
    this.assessments = new VillageRecordTable(store, clock, {
      table: 'election_assessments',
      entity: 'election_assessment',
      label: '选情评估',
      columns: ['villageId', 'assessedOn', 'candidate', 'post', 'partySupport', 'publicSupport', 'assessedBy', 'note'],
      orderBy: 'assessed_on DESC, id DESC',
      describe: (d) => `${d.assessedOn} ${d.candidate}`
    })
  }

  riskSettings(): { riskTypes: string[]; talkIntervalDays: number } {
    return { riskTypes: this.settings.get(riskTypesSetting), talkIntervalDays: this.settings.get(talkIntervalSetting) }
  }

  saveRiskSettings(input: { riskTypes: string[]; talkIntervalDays: number }): { riskTypes: string[]; talkIntervalDays: number } {
    // One transaction, so both settings land or neither.
    return this.store.write(() => ({
      riskTypes: this.settings.set(riskTypesSetting, input.riskTypes),
      talkIntervalDays: this.settings.set(talkIntervalSetting, input.talkIntervalDays)
    }))
  }

  workTotals(villageId: number | null): WorkTotals {
    const w = this.store.one<{ households: number; people: number; records: number }>(
      `SELECT coalesce(sum(CASE WHEN kind = '走访' THEN households END), 0) AS households,
              coalesce(sum(CASE WHEN kind = '谈话' THEN people END), 0) AS people,
              count(*) AS records
       FROM village_work_records WHERE (@v IS NULL OR village_id = @v)`,
      { v: villageId }
    )!
    const t = this.store.value<number>(
      `SELECT count(*) FROM key_person_talks t JOIN risk_items ri ON ri.id = t.risk_item_id WHERE ri.ledger = '风险' AND (@v IS NULL OR ri.village_id = @v)`,
      { v: villageId }
    )!
    return { households: w.households, talks: w.people + t, visitRecords: w.records, keyPersonTalks: t }
  }

  /** Everything of one village's risk file. */
  villageFile(villageId: number) {
    const today = this.clock.today()
    const village = this.villages.require(villageId)
    const interval = this.settings.get(talkIntervalSetting)
    return {
      village,
      gradeHistory: this.grades.history(villageId) as GradeChange[],
      items: this.risks.list({ villageId }),
      unattended: this.risks.openKeyPersons().filter((k) => k.villageId === villageId && isUnattended(k.lastTalkOn, today, interval)),
      emergencyPlans: this.emergencyPlans.list(villageId),
      workRecords: this.workRecords.list(villageId),
      workTotals: this.workTotals(villageId),
      assessments: this.assessments.list(villageId),
      talkIntervalDays: interval
    }
  }

  /** 挂图作战: every village by grade with what is open, late or unattended, and the trend of open items. */
  township() {
    const today = this.clock.today()
    const interval = this.settings.get(talkIntervalSetting)
    const items = this.risks.list({})
    const open = items.filter((i) => i.status !== '已化解')
    const unattended = this.risks.openKeyPersons().filter((k) => isUnattended(k.lastTalkOn, today, interval))
    const timeline = this.plans.timeline()
    const planOf = new Map(timeline.rows.map((r) => [r.village.id, r]))
    const villages: VillageBoardRow[] = this.villages.list().map((v) => ({
      villageId: v.id,
      name: v.name,
      grade: v.grade,
      leader: v.leader,
      residentCadre: v.residentCadre,
      open: open.filter((i) => i.villageId === v.id).length,
      overdue: open.filter((i) => i.villageId === v.id && i.overdue).length,
      unattended: unattended.filter((k) => k.villageId === v.id).length,
      planLate: planOf.get(v.id)?.lateCount ?? 0,
      planBreaches: planOf.get(v.id)?.breachCount ?? 0
    }))
    return {
      today,
      talkIntervalDays: interval,
      villages,
      totals: {
        villages: villages.length,
        focusVillages: villages.filter((v) => v.grade === '重难点村').length,
        open: open.length,
        overdue: open.filter((i) => i.overdue).length,
        closed: items.length - open.length,
        unattended: unattended.length
      },
      overdueItems: open.filter((i) => i.overdue),
      unattended,
      trend: openTrend(this.risks.statusEvents(), today),
      work: this.workTotals(null)
    }
  }

  /** 风险台账 (or the 回头看台账 of the other ledger): all items of one village or all, open first, for the Excel/PDF export. */
  ledgerRows(villageId: number | null = null, ledger: RiskService = this.risks): RiskLedgerRow[] {
    const today = this.clock.today()
    const grades = new Map(this.villages.list().map((v) => [v.id, v.grade]))
    return ledger.list({ villageId }).map((i: RiskItemRow) => ({
      村社: i.villageName,
      分级: grades.get(i.villageId)!,
      风险类型: i.type,
      风险描述: i.description,
      来源: i.source,
      重点人员: i.keyPersonNames,
      一村一策措施: i.measures,
      责任领导: i.responsibleLeader,
      责任干部: i.responsibleCadre,
      发现日期: i.foundOn,
      化解时限: i.deadline ?? '',
      状态: i.status,
      是否逾期: isOverdue(i, today) ? '逾期' : '',
      销号日期: i.closedOn ?? '',
      化解依据: i.closedEvidence,
      销号人: i.closedBy
    }))
  }

  /** 重难点村清单: the villages graded 重难点村 with the latest reason and what is open there. */
  focusVillageRows(villageId: number | null = null): FocusVillageRow[] {
    const board = this.township()
    const focus = this.villages.list({ grade: '重难点村' }).filter((v) => villageId === null || v.id === villageId)
    return focus.map((v) => {
      const last = this.grades.history(v.id)[0]
      const row = board.villages.find((b) => b.villageId === v.id)!
      const open = this.risks.list({ villageId: v.id }).filter((i) => i.status !== '已化解')
      const keyPersons = new Set(board.unattended.filter((k) => k.villageId === v.id).map((k) => k.personId))
      const allKey = this.store.value<number>(
        `SELECT count(DISTINCT k.person_id) FROM risk_key_persons k JOIN risk_items ri ON ri.id = k.risk_item_id
         WHERE ri.village_id = ? AND ri.status <> '已化解' AND ri.ledger = '风险'`,
        v.id
      )!
      const work = this.workTotals(v.id)
      return {
        村社: v.name,
        定级理由: last?.reason ?? '',
        定级时间: last?.setAt.slice(0, 10) ?? '',
        包村领导: v.leader,
        驻村干部: v.residentCadre,
        风险类型: [...new Set(open.map((i) => i.type))].join('、'),
        未化解事项: row.open,
        逾期事项: row.overdue,
        重点人员: allKey,
        超期未谈话人员: keyPersons.size,
        走访户数: work.households,
        谈话人次: work.talks,
        村委会选举日期: v.committeeElectionDate ?? ''
      }
    })
  }
}
