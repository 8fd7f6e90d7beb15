import { AuditService } from './audit'
import { systemClock, type Clock } from './clock'
import { ElectionService } from './elections'
import { ExportService } from './exports/service'
import { ImportService } from './import/service'
import { JobRunner } from './jobs'
import { MemberService } from './members'
import { PersonService } from './persons'
import { RiskBoardService } from './risk-board'
import { SettingsService } from './settings'
import { StatisticsService } from './statistics'
import type { Store } from './store'
import { VettingService } from './vetting'
import { VillageService } from './villages'
import { VoterService } from './voters'

/** The composition root: every service of the register, built once over one store and one clock. */
export function buildServices(store: Store, clock: Clock = systemClock, jobs: JobRunner = new JobRunner()) {
  const vetting = new VettingService(store)
  const riskBoard = new RiskBoardService(store)
  return {
    store,
    clock,
    jobs,
    settings: new SettingsService(store),
    audit: new AuditService(store),
    villages: new VillageService(store),
    persons: new PersonService(store),
    personRecords: vetting.candidates.records,
    candidates: vetting.candidates,
    vetting,
    voters: new VoterService(store),
    elections: new ElectionService(store),
    members: new MemberService(store),
    statistics: new StatisticsService(store),
    riskBoard,
    risks: riskBoard.risks,
    grades: riskBoard.grades,
    plans: riskBoard.plans,
    exports: new ExportService(store, jobs),
    imports: new ImportService(store, jobs)
  }
}

export type Services = ReturnType<typeof buildServices>
