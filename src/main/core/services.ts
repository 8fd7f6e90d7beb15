import { AuditService } from './audit'
import { BodyService } from './bodies'
import { CandidateService } from './candidates'
import type { Clock } from './clock'
import { ElectionService } from './elections'
import { CandidateExports } from './exports/candidate-exports'
import { ExportService } from './exports/service'
import { HandoverService } from './handover'
import type { ImportRegisters } from './import/adapter'
import { ImportService } from './import/service'
import { JobRunner } from './jobs'
import { MemberService } from './members'
import { PersonRecordService } from './person-records'
import { PersonService } from './persons'
import { PlanService } from './plans'
import { RiskBoardService } from './risk-board'
import { RiskService } from './risks'
import { LOOKBACK_KINDS } from '../../shared/risk-rules'
import { SettingsService } from './settings'
import { StatisticsService } from './statistics'
import type { Store } from './store'
import { VettingService } from './vetting'
import { VettingBatchService } from './vetting-batch'
import { VillageGradeService } from './village-grades'
import { VillageService } from './villages'
import { VoterService } from './voters'

/** Every service of the register, each built once; the API, the CLI and the exports all work through these. */
export interface Services {
  store: Store
  clock: Clock
  jobs: JobRunner
  settings: SettingsService
  audit: AuditService
  villages: VillageService
  persons: PersonService
  personRecords: PersonRecordService
  candidates: CandidateService
  vetting: VettingService
  vettingBatch: VettingBatchService
  voters: VoterService
  members: MemberService
  elections: ElectionService
  statistics: StatisticsService
  risks: RiskService
  grades: VillageGradeService
  plans: PlanService
  riskBoard: RiskBoardService
  exports: ExportService
  imports: ImportService
  handover: HandoverService
  /** 回头看: the problems found after the vote, kept as risk items are. */
  lookback: RiskService
  bodies: BodyService
}

/** What an import writes through, over a connection of its own (the one its streamed transaction holds). */
export function importRegisters(store: Store, clock: Clock): ImportRegisters {
  const persons = new PersonService(store, clock)
  return {
    store,
    clock,
    villages: new VillageService(store, clock),
    persons,
    voters: new VoterService(store, clock, new SettingsService(store, clock)),
    members: new MemberService(store, clock, persons),
    bodies: new BodyService(store, clock, persons)
  }
}

/** The composition root: the one place a service is constructed, over one store, one clock and one job runner. */
export function buildServices(store: Store, clock: Clock = store.clock, jobs: JobRunner = new JobRunner()): Services {
  const settings = new SettingsService(store, clock)
  const villages = new VillageService(store, clock)
  const persons = new PersonService(store, clock)
  const personRecords = new PersonRecordService(store, clock, persons)
  const candidates = new CandidateService(store, clock, personRecords, villages, settings)
  const vetting = new VettingService(store, clock, candidates, persons, settings)
  const vettingBatch = new VettingBatchService(store, clock, vetting)
  const voters = new VoterService(store, clock, settings)
  const members = new MemberService(store, clock, persons)
  const elections = new ElectionService(store, clock, persons, members, settings)
  const risks = new RiskService(store, clock, persons)
  const grades = new VillageGradeService(store, clock, villages)
  const plans = new PlanService(store, clock, settings, villages)
  const riskBoard = new RiskBoardService(store, clock, risks, grades, plans, settings, villages)
  const candidateExports = new CandidateExports(store, candidates)
  const handover = new HandoverService(store, clock, settings)
  const bodies = new BodyService(store, clock, persons)
  const statistics = new StatisticsService(members, bodies)
  const lookback = new RiskService(store, clock, persons, { ledger: '回头看', noun: '回头看问题', kinds: LOOKBACK_KINDS })
  const exports = new ExportService(store, clock, jobs, { villages, riskBoard, voters, members, statistics, elections, candidateExports, handover, lookback, bodies })
  const imports = new ImportService({ store, clock, villages, persons, voters, members, bodies }, jobs, (tx) => importRegisters(tx, clock))
  return {
    store,
    clock,
    jobs,
    settings,
    audit: new AuditService(store),
    villages,
    persons,
    personRecords,
    candidates,
    vetting,
    vettingBatch,
    voters,
    members,
    elections,
    statistics,
    risks,
    grades,
    plans,
    riskBoard,
    exports,
    imports,
    handover,
    lookback,
    bodies
  }
}
