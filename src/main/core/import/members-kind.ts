import type { MemberData, Post, Term } from '../../../shared/election'
import { BODY_NAMES, POSTS, type Body } from '../../../shared/election-rules'
import { KIND_DEFS } from '../../../shared/import'
import { allByKeys } from '../batched'
import type { FieldProblem, ImportRegisters, KindAdapter, Planned } from './adapter'
import { personPart, PersonRows, requiredVillage, type PersonPart, type PersonPlan } from './person-rows'

export interface MemberRecord {
  person: PersonPart
  data: MemberData
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
}

/** Which committee a seat belongs to when the roster names only the post (书记 is a Party seat, 主任 a committee one). */
const BODY_OF_POST: Partial<Record<Post, Body>> = { 书记: '党组织', 副书记: '党组织', 主任: '村委会', 副主任: '村委会' }

const seatKey = (personId: number, d: { villageId: number; term: Term; body: Body }) => `${personId}|${d.villageId}|${d.term}|${d.body}`

/**
 * 两委成员 rosters, outgoing or new term: the people go to the persons register, the seats through the
 * members register (one person holds one seat per committee and term in a village).
 */
export function membersAdapter({ store, persons: register, members }: ImportRegisters): KindAdapter<MemberRecord, MemberPlan> {
  const persons = new PersonRows(register)
  const seats = store.db.prepare(
    `SELECT person_id AS personId, village_id AS villageId, term, body, post, political_status AS politicalStatus, education,
       elected_on AS electedOn FROM committee_members WHERE person_id IN (SELECT value FROM json_each(?))`
  )

  return {
    def: KIND_DEFS.members,
    build: (values, ctx) => {
      const person = personPart(values, ctx)
      if (!person.ok) return person
      const problems: FieldProblem[] = []
      const village = requiredVillage(person.record)
      if ('problem' in village) problems.push(village.problem)
      const post = values.post as Post
      const body = (values.body as Body | null) ?? BODY_OF_POST[post]
      if (!body) problems.push({ field: 'body', message: '请填写所属组织（党组织或村委会）：委员在两个班子里都有' })
      else if (!POSTS[body].includes(post)) problems.push({ field: 'post', message: `${BODY_NAMES[body]}没有“${post}”职务，应为${POSTS[body].join('、')}之一` })
      const electedOn = (values.electedOn as string | null | undefined) ?? null
      if (electedOn && electedOn.length !== 10) problems.push({ field: 'electedOn', message: '日期应写到日，如2021-03-15' })
      if (problems.length || 'problem' in village || !body) return { ok: false, problems }
      const p = person.record
      return {
        ok: true,
        record: {
          person: p,
          data: {
            villageId: village.id,
            term: values.term as Term,
            body,
            post,
            idNumber: p.idNumber,
            name: p.name,
            sex: p.sex,
            electedOn,
            politicalStatus: (values.politicalStatus as MemberData['politicalStatus'] | null) ?? '',
            education: (values.education as MemberData['education'] | null) ?? '',
            fulltimeEducation: ''
          }
        }
      }
    },
    identity: (r) => ({ field: 'idNumber', key: `${r.person.idNumber}|${r.data.body}|${r.data.term}` }),
    register: {
      plan: (records) => {
        const people = persons.plan(
          records.map((r) => r.person),
          false
        )
        const ids = people.flatMap((p) => (p.before ? [p.before.id] : []))
        const held = new Map(allByKeys<Seat>(seats, ids).map((s) => [seatKey(s.personId, s), s]))
        return records.map((r, i): MemberPlan => {
          const person = people[i]
          const d = r.data
          if (person.problem) return { action: 'updated', targetId: null, person, problem: person.problem }
          const seat = person.before ? held.get(seatKey(person.before.id, d)) : undefined
          if (!seat) return { action: 'added', targetId: null, person }
          const same =
            person.action === 'unchanged' &&
            seat.post === d.post &&
            (d.politicalStatus === '' || d.politicalStatus === seat.politicalStatus) &&
            (d.education === '' || d.education === seat.education) &&
            (d.electedOn === null || d.electedOn === seat.electedOn)
          return { action: same ? 'unchanged' : 'updated', targetId: null, person }
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
          if (plan[i].action !== 'unchanged') members.upsertIn(r.data, noEntry)
        })
      }
    }
  }
}
