import type { ResumeLine } from '../../../shared/cadre'
import { EDUCATION_LEVELS } from '../../../shared/cadre'
import type { Stage } from '../../../shared/candidate'
import { dossierOf, type DossierData } from '../../../shared/dossier'
import { failure } from '../../../shared/result'
import { seatRank, seatsText } from '../../../shared/seats'
import type { Step } from '../../../shared/vetting-rules'
import type { CandidateService, CandidateView, Dossier } from '../candidates'
import type { Reads, Store } from '../store'
import { inVillageOrder } from '../village-order'
import { verdictsByCandidate } from '../vetting-records'
import type { CandidateRosterRow } from './layouts/candidates'
import type { ReplyRow } from './layouts/reply'
import type { ReviewRow, ReviewVerdict } from './layouts/review'

/** Which candidates a table or a batch of forms holds: a village, a stage of the vetting path, or both. */
export interface CandidateScope {
  villageId: number | null
  stage: Stage | null
}

/** What the form says about who hands it up and who filled it in; the register does not know these. */
/** What the 人选花名册 reads from a candidate's cadre record; the two education columns hold JSON. */
interface RosterProfileRow {
  id: number
  ethnicity: string
  politicalStatus: string | null
  partyJoined: string | null
  currentPosition: string | null
  fullTimeEducation: string | null
  inServiceEducation: string | null
}

export interface FormSigning {
  reportingUnit: string
  filledBy: string
  /** 填表时间: the day the form is printed. */
  filledOn: string
}

const byPinyin = new Intl.Collator('zh-CN')

/**
 * Posts in the order forms are handed up: the one who holds both chairs (一肩挑) first, then the two
 * chairs, their deputies, those sitting on both committees, and the members.
 */

/** The order forms are handed up in within a village: post (一肩挑 and 书记 first), then name in pinyin order. */
export function candidateOrder(a: CandidateView, b: CandidateView): number {
  return (
    seatRank(a) - seatRank(b) ||
    byPinyin.compare(a.name, b.name) ||
    a.id - b.id
  )
}

/** The order forms are handed up in: villages in the register's order, then post and name within each. */
export function inHandUpOrder(store: Reads, list: CandidateView[]): CandidateView[] {
  return inVillageOrder(store, list.sort(candidateOrder), (c) => c.villageId)
}

/** A cadre form's "1998.09" as the ISO year-month the dossier holds. */
const isoYearMonth = (ym: string): string | null => (ym ? ym.replace('.', '-') : null)

/** One 简历 line as forms write it: "1998.09--2002.07  某某大学学生"; an open period leaves the end blank. */
export const resumeText = (l: ResumeLine): string => `${l.start}--${l.end || '       '}  ${l.text}`

const formDate = (iso: string | null): string => (iso ? iso.replaceAll('-', '.') : '')

/** "通过（县委组织部，2026.03.10，文号）": a decided step with who, when and the document reference. */
function stepText(s: Step, heading: string): string {
  const by = [s.decider, formDate(s.date), s.docNo].filter(Boolean).join('，')
  const note = s.note ? `。${s.note}` : ''
  return `${heading}${s.state}${by ? `（${by}）` : ''}${note}`
}

const decided = (s: Step): boolean => s.state !== '当前' && s.state !== '未到' && s.state !== '不适用'

/** A 考察报告 can run to pages; the form carries its opening and points to the report. */
const INSPECTION_CHARS = 240
const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max)}…（详见考察报告）` : text)

/**
 * The one mapping from the register's 人选 record to the printed 人选登记表. What the register does not
 * know is left blank for handwriting, as the office would; a step not yet decided prints nothing.
 */
export function dossierFromCandidate(d: Dossier, signing: FormSigning): DossierData {
  const { person, profile } = d.record
  const steps = d.candidate.progress.steps
  const step = (stage: Stage) => steps.filter((s) => s.stage === stage && decided(s))
  const review = [...step('资格初审').map((s) => stepText(s, '乡镇初审：')), ...step('县级联审').map((s) => stepText(s, '县级联审：'))]
  if (d.candidate.progress.stopped?.stage === '负面清单') review.push(d.candidate.progress.stopped.reason)
  const education = (e: typeof profile.fullTimeEducation) => ({ level: e.level ?? '', degree: e.degree, school: e.school })
  return dossierOf({
    name: person.name,
    sex: person.sex ?? '',
    birthDate: person.birthDate,
    ethnicity: person.ethnicity,
    nativePlace: profile.nativePlace,
    birthPlace: profile.birthPlace,
    partyJoinDate: isoYearMonth(profile.partyJoined),
    workStartDate: isoYearMonth(profile.workStarted),
    health: profile.health,
    professionalTitle: profile.professionalTitle,
    specialty: profile.specialty,
    fullTime: education(profile.fullTimeEducation),
    partTime: education(profile.inServiceEducation),
    currentPost: profile.currentPosition,
    proposedPost: d.proposedPost,
    dismissedPost: profile.dismissedPosition,
    appointmentReason: profile.appointmentReason,
    resume: d.record.resume.map(resumeText),
    rewards: profile.rewards,
    appraisal: profile.appraisals,
    family: d.record.family.map((f) => ({
      relation: f.relation,
      name: f.name,
      birthDate: isoYearMonth(f.birthYearMonth),
      politicalStatus: f.politicalStatus,
      workplace: f.workUnit
    })),
    reviewResult: review.join('\n'),
    inspectionResult: step('考察')
      .map((s) => clip(stepText(s, ''), INSPECTION_CHARS))
      .join('\n'),
    jointReviewResult: step('会审')
      .map((s) => stepText(s, `${s.level}：`))
      .join('\n'),
    reportingUnit: d.village.township || signing.reportingUnit,
    filledBy: signing.filledBy,
    referenceDate: d.referenceDate,
    filledOn: signing.filledOn,
    village: d.village.name,
    photo: d.photo ? `data:${d.photo.mime};base64,${d.photo.base64}` : null
  })
}

/** The higher of the full-time and in-service 学历, as rosters list one. */
function highestEducation(levels: (string | null)[]): string {
  const rank = (l: string | null) => (l ? EDUCATION_LEVELS.indexOf(l as (typeof EDUCATION_LEVELS)[number]) : -1)
  return levels.reduce<string | null>((best, l) => (rank(l) > rank(best) ? l : best), null) ?? ''
}

/** The 学历 a list shows of a cadre record's two education columns (JSON): the higher level. */
export function educationOf(fullTime: string | null | undefined, inService: string | null | undefined): string {
  const level = (json: string | null | undefined) => (json ? ((JSON.parse(json) as { level: string | null }).level ?? null) : null)
  return highestEducation([level(fullTime), level(inService)])
}

/** The candidate register as the three candidate tables see it. */
export class CandidateExports {
  constructor(
    private readonly store: Store,
    readonly candidates: CandidateService
  ) {}

  /** The candidates of a scope in hand-up order; none is a failure the clerk can act on. */
  list(scope: CandidateScope, what: string): CandidateView[] {
    const list = inHandUpOrder(this.store, this.candidates.list({ villageId: scope.villageId, stage: scope.stage }))
    if (list.length === 0) {
      const where = scope.villageId === null ? '' : `“${this.candidates.villages.require(scope.villageId).name}”`
      throw failure('empty', `${where}${scope.stage ? `处于“${scope.stage}”环节的` : ''}还没有人选，没有可生成的${what}`)
    }
    return list
  }

  /** One candidate's form, or a scope's forms in order; each form is read when it is printed. */
  dossier(candidateId: number, signing: FormSigning): DossierData {
    return dossierFromCandidate(this.candidates.dossierData(candidateId), signing)
  }

  rosterRows(scope: CandidateScope): CandidateRosterRow[] {
    const list = this.list(scope, '人选花名册')
    const profiles = new Map(
      this.store
        .all<RosterProfileRow>(
          `SELECT p.id, p.ethnicity, f.political_status AS politicalStatus, f.party_joined AS partyJoined, f.current_position AS currentPosition,
             f.full_time_education AS fullTimeEducation, f.in_service_education AS inServiceEducation
           FROM persons p LEFT JOIN person_profiles f ON f.person_id = p.id WHERE p.id IN (SELECT person_id FROM candidates)`
        )
        .map((r) => [r.id, r])
    )
    return list.map((c) => {
      const p = profiles.get(c.personId)
      return {
        name: c.name,
        sex: c.sex ?? '',
        ethnicity: p?.ethnicity ?? '',
        birthDate: c.birthDate,
        age: c.age,
        education: educationOf(p?.fullTimeEducation, p?.inServiceEducation),
        politicalStatus: p?.politicalStatus ?? '',
        partyJoinDate: isoYearMonth(p?.partyJoined ?? ''),
        currentPost: p?.currentPosition ?? '',
        proposedPost: seatsText(c),
        village: c.villageName,
        note: [c.incumbent ? '现任' : '', c.pool === '初步人选' ? '' : c.pool, c.progress.status === '进行中' ? '' : c.progress.status, c.note]
          .filter(Boolean)
          .join('；')
      }
    })
  }

  /** 联审回执 rows: every candidate sent to the department, in hand-up order, and the latest day one was sent. */
  replyRows(department: string): { sentOn: string | null; rows: ReplyRow[] } {
    const verdicts = verdictsByCandidate(this.store)
    const sentTo = (c: CandidateView) => (verdicts.get(c.id) ?? []).find((v) => v.department === department)
    const list = inHandUpOrder(this.store, this.candidates.list({}).filter((c) => sentTo(c)))
    if (list.length === 0) throw failure('empty', `还没有人选送“${department}”联审，没有可生成的联审回执`)
    // The list masks ID numbers; the department looks each person up by the whole number.
    const idNumbers = new Map(
      this.store.all<{ id: number; idNumber: string | null }>('SELECT c.id, p.id_number AS idNumber FROM candidates c JOIN persons p ON p.id = c.person_id').map((r) => [r.id, r.idNumber])
    )
    const rows = list.map((c): ReplyRow => {
      const v = sentTo(c)!
      return {
        village: c.villageName,
        name: c.name,
        sex: c.sex ?? '',
        birthDate: c.birthDate,
        idNumber: idNumbers.get(c.id) ?? '',
        proposedPost: seatsText(c),
        verdict: v.verdict === '不通过' ? '不通过' : '通过',
        reason: v.reason
      }
    })
    return { sentOn: list.map((c) => sentTo(c)!.sentOn).sort().at(-1) ?? null, rows }
  }

  /** 资格联审表 rows and the departments of the setting, in its order. */
  reviewRows(scope: CandidateScope): { departments: string[]; rows: ReviewRow[] } {
    const list = this.list(scope, '资格联审表')
    const departments = this.candidates.rules().departments
    const verdicts = verdictsByCandidate(this.store)
    const rows = list.map((c) => {
      const answers: Record<string, ReviewVerdict> = {}
      for (const v of verdicts.get(c.id) ?? []) {
        if (v.verdict !== '待反馈') answers[v.department] = { verdict: v.verdict, reason: v.reason }
      }
      const step = c.progress.steps.find((s) => s.stage === '县级联审')
      const sent = (verdicts.get(c.id) ?? []).length > 0
      return {
        village: c.villageName,
        name: c.name,
        sex: c.sex ?? '',
        birthDate: c.birthDate,
        idNumber: c.idNumber,
        proposedPost: seatsText(c),
        submitted: sent,
        verdicts: answers,
        overall: step?.state === '通过' || step?.state === '不通过' ? step.state : sent ? '待反馈' : '未报审'
      }
    })
    return { departments, rows }
  }
}
