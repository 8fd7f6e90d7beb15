import type { PersonRecord } from '../../shared/cadre'
import { alreadyProposed, candidateQuery, partyPostProblem, type CandidateData, type CandidateQuery, type PostFilter } from '../../shared/candidate'
import { ageOn } from '../../shared/idcard'
import { maskIdNumber } from '../../shared/person'
import { failure } from '../../shared/result'
import { seatsText, type CommitteeSeatPost, type PartySeatPost, type Seats } from '../../shared/seats'
import type { Village } from '../../shared/village'
import {
  computeProgress,
  scoreEvaluation,
  villageRuleChecks,
  type EvaluationScore,
  type FindingRecord,
  type Progress,
  type RuleCheck,
  type StageRecord,
  type VerdictRecord,
  type VettingRules
} from '../../shared/vetting-rules'
import type { Clock } from './clock'
import type { PersonRecordService } from './person-records'
import { idPrefixPattern, likePattern } from './search-key'
import type { SettingsService } from './settings'
import type { Store } from './store'
import { inVillageOrder } from './village-order'
import type { VillageService } from './villages'
import { evaluationsByCandidate, findingsByPerson, stagesByCandidate, verdictsByCandidate, type EvaluationRecord } from './vetting-records'
import { vettingRules } from './vetting-settings'
import { committeeDateSql, partyDateSql } from './election-days'

export interface CandidateRow {
  id: number
  personId: number
  villageId: number
  /** Null on a side the person is not proposed for; both null: 职务待补充 (a 交叉任职 row from before seats were kept). */
  partyPost: PartySeatPost | null
  committeePost: CommitteeSeatPost | null
  incumbent: boolean
  source: string
  pool: string
  proposedOn: string
  note: string
  createdAt: string
  updatedAt: string
}

export interface CandidateView extends CandidateRow {
  villageName: string
  name: string
  sex: '男' | '女' | null
  birthDate: string | null
  /** On the village's election day when set, otherwise today. */
  age: number | null
  /** The day `age` is counted on: the village's election day, else the township's, else today. */
  referenceDate: string
  /** Masked in lists, full on the person's page and in the dossier. */
  idNumber: string
  phone: string
  tags: string[]
  findings: number
  progress: Progress
}

export interface EvaluationView {
  votes: EvaluationRecord
  score: EvaluationScore
}

/** Everything a 人选登记表 needs for one candidate. */
export interface Dossier {
  candidate: CandidateView
  village: Village
  /** The date ages are counted on: the village's election day, else today. */
  referenceDate: string
  record: PersonRecord
  photo: { mime: string; base64: string } | null
  /** 拟任职务 as the form writes it. */
  proposedPost: string
  evaluation: EvaluationView | null
  review: VerdictRecord[]
  /** 资格初审, 考察 (note holds the 考察报告), each 会审 level, 公示, 确定为正式候选人, 选举. */
  stages: StageRecord[]
  findings: FindingRecord[]
}

/** A candidate as stored; SQLite keeps `incumbent` as 0 or 1. */
type StoredCandidate = Omit<CandidateRow, 'incumbent'> & { incumbent: number }

/** A candidate with what is read alongside it: the person and the village's election days. */
interface JoinedCandidate extends StoredCandidate {
  villageName: string
  committeeElectionDate: string | null
  partyElectionDate: string | null
  name: string
  sex: '男' | '女' | null
  birthDate: string | null
  idNumber: string | null
  phone: string
}

const CANDIDATE_COLUMNS = `c.id, c.person_id AS personId, c.village_id AS villageId, c.party_post AS partyPost, c.committee_post AS committeePost,
  c.incumbent, c.source, c.pool, c.proposed_on AS proposedOn, c.note, c.created_at AS createdAt, c.updated_at AS updatedAt`

const SELECT = `SELECT ${CANDIDATE_COLUMNS}, v.name AS villageName, ${committeeDateSql('v')} AS committeeElectionDate,
  ${partyDateSql('v')} AS partyElectionDate, p.name, p.sex, p.birth_date AS birthDate, p.id_number AS idNumber, p.phone
  FROM candidates c JOIN persons p ON p.id = c.person_id JOIN villages v ON v.id = c.village_id`

const MASKED_FINDING = '负面清单情形（详见个人页）'

export class CandidateService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    readonly records: PersonRecordService,
    readonly villages: VillageService,
    readonly settings: SettingsService
  ) {}

  rules(): VettingRules {
    return vettingRules(this.settings)
  }

  /** Township-wide or one village, filtered; ID numbers and findings masked. */
  list(query: CandidateQuery = {}): CandidateView[] {
    const q = candidateQuery.parse(query)
    const where: string[] = []
    const args: unknown[] = []
    if (q.villageId) {
      where.push('c.village_id = ?')
      args.push(q.villageId)
    }
    if (q.post) where.push(POST_FILTER_SQL[q.post])
    if (q.search) {
      where.push(`(p.search_key LIKE ? ESCAPE '\\' OR p.id_number LIKE ? ESCAPE '\\')`)
      args.push(likePattern(q.search), idPrefixPattern(q.search))
    }
    const rows = inVillageOrder(
      this.store,
      this.store.all<JoinedCandidate>(`${SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY ${SEAT_ORDER_SQL}, p.name`, ...args),
      (c) => c.villageId
    )
    let views = this.views(rows, true)
    if (q.tag) views = views.filter((c) => c.tags.includes(q.tag!))
    if (q.status) views = views.filter((c) => c.progress.status === q.status)
    if (q.stage) views = views.filter((c) => c.progress.current === q.stage || c.progress.stopped?.stage === q.stage)
    return views
  }

  require(id: number): CandidateView {
    const row = this.store.one<JoinedCandidate>(`${SELECT} WHERE c.id = ?`, id)
    if (!row) throw failure('not_found', '该人选不存在，可能已被撤回')
    return this.views([row], false)[0]
  }

  ofPerson(personId: number): CandidateView | null {
    const row = this.store.one<JoinedCandidate>(`${SELECT} WHERE c.person_id = ?`, personId)
    return row ? this.views([row], false)[0] : null
  }

  propose(data: CandidateData): CandidateView {
    notFuture(data.proposedOn, 'proposedOn', this.clock.today())
    return this.store.write((audit) => {
      const person = this.records.persons.require(data.personId)
      const village = this.villages.require(data.villageId)
      this.assertOneCandidacy(data.personId, null)
      this.assertPostAllowed(data)
      const now = this.clock.now()
      const info = this.store.run(
        `INSERT INTO candidates (person_id, village_id, party_post, committee_post, incumbent, source, pool, proposed_on, note, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        data.personId, data.villageId, data.partyPost, data.committeePost, data.incumbent ? 1 : 0, data.source, data.pool, data.proposedOn, data.note, now, now
      )
      const created = this.row(Number(info.lastInsertRowid))
      audit({
        action: 'create',
        entity: 'candidate',
        entityId: created.id,
        summary: `提名“${person.name}”为${village.name}${seatsText(data, false)}人选`,
        after: created
      })
      return this.require(created.id)
    })
  }

  update(id: number, data: CandidateData): CandidateView {
    notFuture(data.proposedOn, 'proposedOn', this.clock.today())
    return this.store.write((audit) => {
      const before = this.row(id)
      if (before.personId !== data.personId) throw failure('validation', '不能更换人选对应的人员，请撤回后重新提名', { personId: '不能更换' })
      const village = this.villages.require(data.villageId)
      this.assertPostAllowed(data)
      if (before.villageId !== data.villageId && this.hasVettingRecords(id)) {
        throw failure('validation', '该人选已有审查记录，不能改到其他村；如需改提名请先撤回', { villageId: '已有审查记录' })
      }
      if (before.incumbent && !data.incumbent && evaluationsByCandidate(this.store, id).size > 0) {
        throw failure('validation', '该人选已有民主测评记录，不能改为新提名', { incumbent: '已有民主测评记录' })
      }
      this.store.run(
        `UPDATE candidates SET village_id = ?, party_post = ?, committee_post = ?, incumbent = ?, source = ?, pool = ?, proposed_on = ?, note = ?,
         updated_at = ? WHERE id = ?`,
        data.villageId, data.partyPost, data.committeePost, data.incumbent ? 1 : 0, data.source, data.pool, data.proposedOn, data.note, this.clock.now(), id
      )
      const after = this.row(id)
      const name = this.records.persons.require(before.personId).name
      audit({ action: 'update', entity: 'candidate', entityId: id, summary: `修改${village.name}人选“${name}”`, before, after })
      return this.require(id)
    })
  }

  /** Withdraws a proposal. Refused once vetting has begun, so no decision disappears from the record. */
  withdraw(id: number): void {
    this.store.write((audit) => {
      const before = this.require(id)
      if (this.hasVettingRecords(id)) {
        throw failure('in_use', `“${before.name}”已有审查记录（测评、联审或环节结论），不能撤回；可在相应环节记录“不通过”`)
      }
      this.store.run('DELETE FROM candidates WHERE id = ?', id)
      audit({ action: 'delete', entity: 'candidate', entityId: id, summary: `撤回${before.villageName}人选“${before.name}”`, before })
    })
  }

  /** The rule checks of one village's candidate page. */
  villageChecks(villageId: number): RuleCheck[] {
    const village = this.villages.require(villageId)
    const all = this.views(this.store.all<JoinedCandidate>(SELECT), true)
    return villageRuleChecks(
      village,
      all.map((c) => ({ personId: c.personId, villageId: c.villageId, partyPost: c.partyPost, committeePost: c.committeePost, sex: c.sex, status: c.progress.status })),
      this.rules()
    )
  }

  /** Township view of the village rules: how many villages meet each, and the 一肩挑 share against its target. */
  townshipChecks(): { villages: number; failing: Record<RuleCheck['key'], string[]>; oneShoulderShare: number; oneShoulderTarget: number } {
    const villages = this.villages.list()
    const all = this.views(this.store.all<JoinedCandidate>(SELECT), true)
    const rules = this.rules()
    const input = all.map((c) => ({ personId: c.personId, villageId: c.villageId, partyPost: c.partyPost, committeePost: c.committeePost, sex: c.sex, status: c.progress.status }))
    const failing: Record<RuleCheck['key'], string[]> = { partyMargin: [], committeeMargin: [], women: [], oneShoulder: [], oneVillage: [] }
    let withOneShoulder = 0
    for (const v of villages) {
      for (const c of villageRuleChecks(v, input, rules)) {
        if (c.ok === false) failing[c.key].push(v.name)
        if (c.key === 'oneShoulder' && c.ok === true) withOneShoulder += 1
      }
    }
    return {
      villages: villages.length,
      failing,
      oneShoulderShare: villages.length ? (withOneShoulder / villages.length) * 100 : 0,
      oneShoulderTarget: rules.oneShoulderTarget
    }
  }

  dossierData(candidateId: number): Dossier {
    const candidate = this.require(candidateId)
    const village = this.villages.require(candidate.villageId)
    const evaluation = evaluationsByCandidate(this.store, candidateId).get(candidateId)
    const rules = this.rules()
    return {
      candidate,
      village,
      referenceDate: candidate.referenceDate,
      record: this.records.require(candidate.personId),
      photo: this.records.photo(candidate.personId),
      proposedPost: proposedPost(village.name, candidate),
      evaluation: evaluation ? { votes: evaluation, score: scoreEvaluation(evaluation, rules) } : null,
      review: verdictsByCandidate(this.store, candidateId).get(candidateId) ?? [],
      stages: stagesByCandidate(this.store, candidateId).get(candidateId) ?? [],
      findings: findingsByPerson(this.store, candidate.personId).get(candidate.personId) ?? []
    }
  }

  row(id: number): CandidateRow {
    const c = this.store.one<StoredCandidate>(`SELECT ${CANDIDATE_COLUMNS} FROM candidates c WHERE c.id = ?`, id)
    if (!c) throw failure('not_found', '该人选不存在，可能已被撤回')
    return { ...c, incumbent: Boolean(c.incumbent) }
  }

  private views(rows: JoinedCandidate[], masked: boolean): CandidateView[] {
    const one = rows.length === 1 ? rows[0].id : undefined
    const onePerson = rows.length === 1 ? rows[0].personId : undefined
    const stages = stagesByCandidate(this.store, one)
    const verdicts = verdictsByCandidate(this.store, one)
    const findings = findingsByPerson(this.store, onePerson)
    const evaluations = evaluationsByCandidate(this.store, one)
    const tags = this.records.tagsByPerson(onePerson)
    const rules = this.rules()
    const today = this.clock.today()
    return rows.map(({ committeeElectionDate, partyElectionDate, ...c }) => {
      const personFindings = findings.get(c.personId) ?? []
      const progress = computeProgress({
        incumbent: Boolean(c.incumbent),
        proposedOn: c.proposedOn,
        evaluation: evaluations.get(c.id) ?? null,
        verdicts: verdicts.get(c.id) ?? [],
        stages: stages.get(c.id) ?? [],
        findings: personFindings,
        rules
      })
      const onDate = referenceDate(committeeElectionDate, partyElectionDate, today)
      return {
        ...c,
        incumbent: Boolean(c.incumbent),
        age: c.birthDate ? ageOn(c.birthDate, onDate) : null,
        referenceDate: onDate,
        idNumber: masked ? maskIdNumber(c.idNumber) : (c.idNumber ?? ''),
        tags: tags.get(c.personId) ?? [],
        findings: personFindings.length,
        progress: masked ? maskProgress(progress) : progress
      }
    })
  }

  private assertOneCandidacy(personId: number, selfId: number | null): void {
    const other = this.store.one<{ village: string } & Seats>(
      `SELECT v.name AS village, c.party_post AS partyPost, c.committee_post AS committeePost FROM candidates c
       JOIN villages v ON v.id = c.village_id WHERE c.person_id = ? AND c.id IS NOT ?`,
      personId,
      selfId
    )
    if (other) {
      throw failure(
        'conflict',
        alreadyProposed(other.village, other),
        { personId: `已是${other.village}人选` }
      )
    }
  }

  private assertPostAllowed(data: CandidateData): void {
    const status = this.store.value<string | null>('SELECT political_status FROM person_profiles WHERE person_id = ?', data.personId)
    const problem = partyPostProblem(data, status)
    if (problem) throw failure('validation', problem, { partyPost: '须为中共党员' })
  }

  private hasVettingRecords(id: number): boolean {
    return ['candidate_stages', 'review_verdicts', 'evaluations'].some((t) => this.store.value(`SELECT 1 FROM ${t} WHERE candidate_id = ?`, id) !== undefined)
  }
}

/** 拟任职务 as the 人选登记表 writes it: "东岭村党组织书记、村(居)委会主任（一肩挑）". */
export const proposedPost = (villageName: string, seats: Seats): string => `${villageName}${seatsText(seats)}`

/** The pool's post filter as a condition on the candidate's two seats. */
const POST_FILTER_SQL: Record<PostFilter, string> = {
  党组织书记: "c.party_post = '书记'",
  党组织副书记: "c.party_post = '副书记'",
  党组织委员: "c.party_post = '委员'",
  村委会主任: "c.committee_post = '主任'",
  村委会副主任: "c.committee_post = '副主任'",
  村委会委员: "c.committee_post = '委员'",
  一肩挑: "c.party_post = '书记' AND c.committee_post = '主任'",
  交叉任职: "c.party_post IS NOT NULL AND c.committee_post IS NOT NULL AND NOT (c.party_post = '书记' AND c.committee_post = '主任')",
  职务待补充: 'c.party_post IS NULL AND c.committee_post IS NULL'
}

/** 书记 and 主任 first, then the deputies, then members; seats still to fill in last. */
export const SEAT_ORDER_SQL = `min(CASE c.party_post WHEN '书记' THEN 0 WHEN '副书记' THEN 1 WHEN '委员' THEN 2 ELSE 3 END,
  CASE c.committee_post WHEN '主任' THEN 0 WHEN '副主任' THEN 1 WHEN '委员' THEN 2 ELSE 3 END), c.party_post IS NULL`

export function referenceDate(committeeElection: string | null, partyElection: string | null, today: string): string {
  return committeeElection ?? partyElection ?? today
}

function maskProgress(p: Progress): Progress {
  return {
    ...p,
    stopped: p.stopped?.stage === '负面清单' ? { stage: '负面清单', reason: MASKED_FINDING } : p.stopped,
    pendingDecision: p.pendingDecision ? MASKED_FINDING : null
  }
}

/** A decision is recorded after it is taken; a date after today is a typing slip. */
export function notFuture(date: string, field: string, today: string): void {
  if (date > today) throw failure('validation', `日期 ${date} 晚于今天（${today}），请核对`, { [field]: '晚于今天' })
}
