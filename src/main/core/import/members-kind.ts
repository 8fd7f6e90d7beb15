import type { MemberData, Post, Term } from '../../../shared/election'
import { TERMS } from '../../../shared/election'
import type { Body } from '../../../shared/election-rules'
import { KIND_DEFS } from '../../../shared/import'
import { allByKeys } from '../batched'
import type { FieldProblem, ImportRegisters, KindAdapter, Planned } from './adapter'
import { personPart, PersonRows, requiredVillage, type PersonPart, type PersonPlan } from './person-rows'
import { seatsOfRow } from './seat-columns'

export interface MemberRecord {
  person: PersonPart
  /** One seat, or two when the person sits on both committees (一肩挑, 交叉任职). */
  seats: MemberData[]
}

interface Seat {
  personId: number
  villageId: number
  term: Term
  body: Body
  post: Post
  politicalStatus: string
  education: string
  electedOn: string | null
}

interface MemberPlan extends Planned {
  person: PersonPlan
  /** Per seat of the record: whether the register already holds it as the file says. */
  unchanged: boolean[]
}

const seatKey = (personId: number, d: { villageId: number; term: Term; body: Body }) => `${personId}|${d.villageId}|${d.term}|${d.body}`

/**
 * 两委成员 rosters, outgoing or new term: the people go to the persons register, the seats through the
 * members register (one person holds one seat per committee and term in a village). A row holds one seat
 * (with 所属组织), or both of a person's seats in one post cell or in two post columns; the term comes from
 * a 届别 column or is chosen once for the file.
 */
export function membersAdapter({ store, persons: register, members }: ImportRegisters): KindAdapter<MemberRecord, MemberPlan> {
  const persons = new PersonRows(register)
  const seats = `SELECT person_id AS personId, village_id AS villageId, term, body, post, political_status AS politicalStatus, education,
       elected_on AS electedOn FROM committee_members WHERE person_id IN (SELECT value FROM json_each(?))`

  return {
    def: KIND_DEFS.members,
    build: (values, ctx) => {
      const person = personPart(values, ctx)
      if (!person.ok) return person
      const problems: FieldProblem[] = []
      const village = requiredVillage(person.record)
      if ('problem' in village) problems.push(village.problem)
      const body = values.body as Body | null | undefined
      const seats = seatsOfRow(values, '职务', body === '党组织' ? 'party' : body === '村委会' ? 'committee' : null)
      if ('problem' in seats) problems.push(seats.problem)
      const term = ((values.term as string | null | undefined) ?? ctx.fileValues.term ?? null) as Term | null
      if (!term || !TERMS.includes(term)) problems.push({ field: 'term', message: '请填写届别（本届或上届），或在导入时为整个文件选择届别' })
      const electedOn = (values.electedOn as string | null | undefined) ?? null
      if (electedOn && electedOn.length !== 10) problems.push({ field: 'electedOn', message: '日期应写到日，如2021-03-15' })
      if (problems.length || 'problem' in village || 'problem' in seats || !term) return { ok: false, problems }
      const p = person.record
      const seat = (b: Body, post: Post): MemberData => ({
        villageId: village.id,
        term,
        body: b,
        post,
        idNumber: p.idNumber,
        name: p.name,
        sex: p.sex,
        electedOn,
        politicalStatus: (values.politicalStatus as MemberData['politicalStatus'] | null) ?? '',
        education: (values.education as MemberData['education'] | null) ?? '',
        fulltimeEducation: ''
      })
      const held: MemberData[] = []
      if (seats.seats.partyPost) held.push(seat('党组织', seats.seats.partyPost))
      if (seats.seats.committeePost) held.push(seat('村委会', seats.seats.committeePost))
      return { ok: true, record: { person: p, seats: held } }
    },
    // One row per seat (with 所属组织) or per person (both seats in the row): the person, term and the bodies are the key.
    identity: (r) => ({ field: 'idNumber', key: `${r.person.idNumber}|${r.seats[0].term}|${r.seats.map((d) => d.body).join('+')}` }),
    register: {
      plan: (records) => {
        const people = persons.plan(
          records.map((r) => r.person),
          false
        )
        const ids = people.flatMap((p) => (p.before ? [p.before.id] : []))
        const held = new Map(allByKeys<Seat>(store, seats, ids).map((s) => [seatKey(s.personId, s), s]))
        // Two rows may name the same seat (one row per seat, and another with both): the later is refused.
        const taken = new Set<string>()
        return records.map((r, i): MemberPlan => {
          const person = people[i]
          if (person.problem) return { action: 'updated', targetId: null, person, unchanged: [], problem: person.problem }
          const twice = r.seats.find((d) => taken.has(`${r.person.idNumber}|${d.term}|${d.body}`))
          for (const d of r.seats) taken.add(`${r.person.idNumber}|${d.term}|${d.body}`)
          if (twice) {
            const problem = { field: 'idNumber', message: `此人的${twice.term}${twice.body === '党组织' ? '党组织' : '村(居)委会'}职务在文件中出现了两次` }
            return { action: 'updated', targetId: null, person, unchanged: [], problem }
          }
          const unchanged = r.seats.map((d) => {
            const seat = person.before ? held.get(seatKey(person.before.id, d)) : undefined
            return (
              seat !== undefined &&
              seat.post === d.post &&
              (d.politicalStatus === '' || d.politicalStatus === seat.politicalStatus) &&
              (d.education === '' || d.education === seat.education) &&
              (d.electedOn === null || d.electedOn === seat.electedOn)
            )
          })
          const known = r.seats.some((d) => person.before && held.has(seatKey(person.before.id, d)))
          const action = !known ? 'added' : person.action === 'unchanged' && unchanged.every(Boolean) ? 'unchanged' : 'updated'
          return { action, targetId: null, person, unchanged }
        })
      },
      write: (records, plan) => {
        persons.write(
          records.map((r) => r.person),
          plan.map((p) => p.person)
        )
        // The people are in the register already, so the members register adds none and writes no entry of
        // its own: the import's one audit entry covers every row.
        const noEntry = () => {}
        records.forEach((r, i) => {
          r.seats.forEach((d, k) => {
            if (!plan[i].unchanged[k]) members.upsertIn(d, noEntry)
          })
        })
      }
    }
  }
}
