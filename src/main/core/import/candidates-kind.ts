import { alreadyProposed, partyPostProblem, SOURCE_UNKNOWN } from '../../../shared/candidate'
import { KIND_DEFS } from '../../../shared/import'
import type { Seats } from '../../../shared/seats'
import { allByKeys } from '../batched'
import { rosterProfiles, type RosterProfile } from '../person-records'
import type { FieldProblem, ImportRegisters, KindAdapter, Planned } from './adapter'
import { personPart, PersonRows, requiredVillage, yearMonthOf, type PersonPart, type PersonPlan } from './person-rows'
import { seatsOfRow } from './seat-columns'

export interface CandidateRecord {
  person: PersonPart
  villageId: number
  seats: Seats
  /** The column the Party seat was read from. */
  partyField: string
  profile: RosterProfile
  /** Undefined when the file gives no value: an update keeps what the register has. */
  source?: string
  pool?: string
  proposedOn?: string
  note?: string
}

interface Proposed {
  id: number
  personId: number
  villageId: number
  villageName: string
  partyPost: Seats['partyPost']
  committeePost: Seats['committeePost']
  source: string
  pool: string
  proposedOn: string
  note: string
}

interface CandidatePlan extends Planned {
  person: PersonPlan
  candidate: Proposed | undefined
  /** The profile fields that differ from the register, or null. */
  profile: RosterProfile | null
}

/**
 * 人选 rosters: each row is a person (with the profile fields the roster carries) proposed in one village for a
 * seat on either committee or both. One person is one village's candidate; a row proposing them elsewhere is
 * refused. A roster without 人选来源 records 未填写, which the pool shows as 待补充.
 */
export function candidatesAdapter({ store, clock, persons: register }: ImportRegisters): KindAdapter<CandidateRecord, CandidatePlan> {
  const persons = new PersonRows(register)
  const profiles = rosterProfiles(store)
  const proposed = `SELECT c.id, c.person_id AS personId, c.village_id AS villageId, v.name AS villageName, c.party_post AS partyPost,
       c.committee_post AS committeePost, c.source, c.pool,
       c.proposed_on AS proposedOn, c.note
     FROM candidates c JOIN villages v ON v.id = c.village_id WHERE c.person_id IN (SELECT value FROM json_each(?))`
  const insert = `INSERT INTO candidates (person_id, village_id, party_post, committee_post, incumbent, source, pool, proposed_on, note, created_at, updated_at)
     VALUES (?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?)`
  const update = 'UPDATE candidates SET party_post = ?, committee_post = ?, source = ?, pool = ?, proposed_on = ?, note = ?, updated_at = ? WHERE id = ?'

  return {
    def: KIND_DEFS.candidates,
    build: (values, ctx) => {
      const person = personPart(values, ctx)
      if (!person.ok) return person
      const village = requiredVillage(person.record)
      const problems: FieldProblem[] = []
      if ('problem' in village) problems.push(village.problem)
      const proposedOn = values.proposedOn as string | null
      if (proposedOn && proposedOn.length !== 10) problems.push({ field: 'proposedOn', message: '日期应写到日，如2026-03-01' })
      else if (proposedOn && proposedOn > ctx.today) problems.push({ field: 'proposedOn', message: `日期 ${proposedOn} 晚于今天（${ctx.today}），请核对` })
      const seats = seatsOfRow(values, '拟任职务')
      if ('problem' in seats) problems.push(seats.problem)
      const profile: RosterProfile = {}
      if (values.politicalStatus) profile.politicalStatus = values.politicalStatus as string
      if (values.partyJoined) profile.partyJoined = yearMonthOf(values.partyJoined as string)
      if (values.education) profile.education = values.education as string
      if (problems.length || 'problem' in village || 'problem' in seats) return { ok: false, problems }
      const r: CandidateRecord = { person: person.record, villageId: village.id, seats: seats.seats, partyField: seats.fieldOf.party ?? 'post', profile }
      for (const k of ['source', 'pool', 'proposedOn', 'note'] as const) {
        if (values[k] !== null && values[k] !== undefined) r[k] = values[k] as string
      }
      return { ok: true, record: r }
    },
    identity: (r) => ({ field: 'idNumber', key: r.person.idNumber }),
    register: {
      plan: (records) => {
        const people = persons.plan(
          records.map((r) => r.person),
          false
        )
        const ids = people.flatMap((p) => (p.before ? [p.before.id] : []))
        const candidacies = new Map(allByKeys<Proposed>(store, proposed, ids).map((c) => [c.personId, c]))
        const known = profiles.find(ids)
        return records.map((r, i): CandidatePlan => {
          const person = people[i]
          const personId = person.before?.id
          const candidate = personId === undefined ? undefined : candidacies.get(personId)
          const had = personId === undefined ? undefined : known.get(personId)
          const profile = changedProfile(r.profile, had)
          const plan = (action: Planned['action'], problem?: FieldProblem): CandidatePlan => ({
            action,
            targetId: candidate?.id ?? null,
            person,
            candidate,
            profile,
            problem
          })
          if (person.problem) return plan('updated', person.problem)
          if (candidate && candidate.villageId !== r.villageId) {
            return plan('updated', { field: 'idNumber', message: alreadyProposed(candidate.villageName, candidate) })
          }
          const party = partyPostProblem(r.seats, r.profile.politicalStatus ?? had?.politicalStatus)
          if (party) return plan('updated', { field: r.partyField, message: party })
          if (!candidate) return plan('added')
          const same =
            person.action === 'unchanged' &&
            profile === null &&
            candidate.partyPost === r.seats.partyPost &&
            candidate.committeePost === r.seats.committeePost &&
            (['source', 'pool', 'proposedOn', 'note'] as const).every((k) => r[k] === undefined || r[k] === candidate[k])
          return plan(same ? 'unchanged' : 'updated')
        })
      },
      write: (records, plan) => {
        const personIds = persons.write(
          records.map((r) => r.person),
          plan.map((p) => p.person)
        )
        const now = clock.now()
        records.forEach((r, i) => {
          const p = plan[i]
          if (p.action === 'unchanged') return
          if (p.profile) profiles.write(personIds[i], p.profile)
          const c = p.candidate
          const { partyPost, committeePost } = r.seats
          if (!c) {
            store.run(insert, personIds[i], r.villageId, partyPost, committeePost, r.source ?? SOURCE_UNKNOWN, r.pool ?? '初步人选', r.proposedOn ?? clock.today(), r.note ?? '', now, now)
          } else store.run(update, partyPost, committeePost, r.source ?? c.source, r.pool ?? c.pool, r.proposedOn ?? c.proposedOn, r.note ?? c.note, now, c.id)
        })
      }
    }
  }
}

/** The given fields that differ from what the register has, or null when none do. */
function changedProfile(given: RosterProfile, had: RosterProfile | undefined): RosterProfile | null {
  const out: RosterProfile = {}
  let any = false
  for (const k of ['politicalStatus', 'partyJoined', 'education'] as const) {
    if (given[k] !== undefined && given[k] !== (had?.[k] ?? '')) {
      out[k] = given[k]
      any = true
    }
  }
  return any ? out : null
}
