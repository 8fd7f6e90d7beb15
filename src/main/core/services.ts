import { AccountService } from './accounts'
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
import { NoticeTemplateService } from './notice-templates'
import { DayPapers } from './exports/day-papers'
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
import { CalendarService } from './official-calendar'
import { CountSheetService } from './count-sheets'
import { RecallService } from './recalls'
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
  calendar: CalendarService
  countSheets: CountSheetService
  recalls: RecallService
  vettingBatch: VettingBatchService
  voters: VoterService
  members: MemberService
  elections: ElectionService
  statistics: StatisticsService
  risks: RiskService
  grades: VillageGradeService
  plans: PlanService
  noticeTemplates: NoticeTemplateService
  dayPapers: DayPapers
  riskBoard: RiskBoardService
  exports: ExportService
  imports: ImportService
  accounts: AccountService
  handover: HandoverService
  /** 回头看: the problems found after the vote, kept as risk items are. */
  lookback: RiskService
  bodies: BodyService
}

/** What an import writes through, over a connection of its own (the one its streamed transaction holds). */
export function importRegisters(store: Store, clock: Clock): ImportRegisters {
  const persons = new PersonService(store, clock)
  const settings = new SettingsService(store, clock)
  const villages = new VillageService(store, clock)
  const candidates = new CandidateService(store, clock, new PersonRecordService(store, clock, persons), villages, settings)
  return {
    store,
    clock,
    villages,
    persons,
    voters: new VoterService(store, clock, settings),
    members: new MemberService(store, clock, persons),
    vetting: new VettingService(store, clock, candidates, persons, settings, new CalendarService(store)),
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
  const calendar = new CalendarService(store)
  const vetting = new VettingService(store, clock, candidates, persons, settings, calendar)
  const vettingBatch = new VettingBatchService(store, clock, vetting)
  const voters = new VoterService(store, clock, settings)
  const members = new MemberService(store, clock, persons)
  const elections = new ElectionService(store, clock, persons, members, settings)
  const countSheets = new CountSheetService(store, clock, elections)
  const risks = new RiskService(store, clock, persons)
  const grades = new VillageGradeService(store, clock, villages)
  const plans = new PlanService(store, clock, settings, villages)
  const riskBoard = new RiskBoardService(store, clock, risks, grades, plans, settings, villages)
  const candidateExports = new CandidateExports(store, candidates)
  const handover = new HandoverService(store, clock, settings)
  const bodies = new BodyService(store, clock, persons)
  const statistics = new StatisticsService(members, bodies)
  const lookback = new RiskService(store, clock, persons, { ledger: '回头看', noun: '回头看问题', kinds: LOOKBACK_KINDS })
  const noticeTemplates = new NoticeTemplateService(store, clock)
  const dayPapers = new DayPapers(store, { villages, voters, elections, members, templates: noticeTemplates })
  const exports = new ExportService(store, clock, jobs, { villages, riskBoard, voters, members, statistics, elections, candidateExports, dayPapers, handover, lookback, bodies })
  const imports = new ImportService({ store, clock, villages, persons, voters, members, vetting, bodies }, jobs, (tx) => importRegisters(tx, clock))
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
    calendar,
    vettingBatch,
    voters,
    members,
    elections,
    countSheets,
    recalls: new RecallService(store, clock),
    statistics,
    risks,
    grades,
    plans,
    noticeTemplates,
    dayPapers,
    riskBoard,
    exports,
    imports,
    accounts: new AccountService(store, clock),
    handover,
    lookback,
    bodies
  }
}
