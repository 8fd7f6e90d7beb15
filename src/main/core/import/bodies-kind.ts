import { bodyMemberInput, type BodyMemberData, type OtherBody } from '../../../shared/bodies'
import { KIND_DEFS, type ImportKind } from '../../../shared/import'
import type { FieldProblem, ImportRegisters, KindAdapter, Planned } from './adapter'
import { personPart, PersonRows, requiredVillage, type PersonPart, type PersonPlan } from './person-rows'

const BODY_OF: Partial<Record<ImportKind, OtherBody>> = { supervisors: '监督委员会', representatives: '村民代表', 'group-leaders': '村民小组长' }
/** A roster of 代表 or 组长 may leave the post out: the body has one. */
const ONLY_POST: Partial<Record<OtherBody, string>> = { 村民代表: '代表', 村民小组长: '组长' }

interface BodyRecord {
  person: PersonPart
  data: BodyMemberData
}

interface BodyPlan extends Planned {
  person: PersonPlan
}

/**
 * Rosters of the other bodies: the people go to the persons register, their seats through the bodies
 * register with the same checks as a form (a 监督委员会 member who is a 两委 member or close kin of one
 * refuses the whole file, naming both).
 */
export function bodiesAdapter(kind: ImportKind, { store, persons: register, bodies }: ImportRegisters): KindAdapter<BodyRecord, BodyPlan> {
  const body = BODY_OF[kind]!
  const persons = new PersonRows(register)
  return {
    def: KIND_DEFS[kind],
    build: (values, ctx) => {
      const person = personPart(values, ctx)
      if (!person.ok) return person
      const village = requiredVillage(person.record)
      if ('problem' in village) return { ok: false, problems: [village.problem] }
      const p = person.record
      const parsed = bodyMemberInput.safeParse({
        villageId: village.id,
        body,
        post: (values.post as string | null) ?? ONLY_POST[body] ?? '',
        name: p.name,
        idNumber: p.idNumber,
        sex: p.sex,
        groupName: (values.groupName as string | null) ?? '',
        electedOn: (values.electedOn as string | null) ?? null,
        note: (values.note as string | null) ?? ''
      })
      if (!parsed.success) {
        const problems: FieldProblem[] = parsed.error.issues.map((i) => ({ field: String(i.path[0] ?? 'name'), message: i.message }))
        return { ok: false, problems }
      }
      return { ok: true, record: { person: p, data: parsed.data } }
    },
    identity: (r) => ({ field: 'idNumber', key: `${r.data.villageId}|${r.person.idNumber}` }),
    register: {
      plan: (records) => {
        const people = persons.plan(
          records.map((r) => r.person),
          false
        )
        return records.map((r, i): BodyPlan => {
          const person = people[i]
          if (person.problem) return { action: 'updated', targetId: null, person, problem: person.problem }
          const seat = person.before
            ? store.one<{ id: number; post: string; groupName: string }>(
                'SELECT id, post, group_name AS groupName FROM body_members WHERE village_id = ? AND body = ? AND person_id = ?',
                r.data.villageId, body, person.before.id
              )
            : undefined
          if (!seat) return { action: 'added', targetId: null, person }
          const same = seat.post === r.data.post && seat.groupName === r.data.groupName && person.action === 'unchanged'
          return { action: same ? 'unchanged' : 'updated', targetId: seat.id, person }
        })
      },
      write: (records, plan) => {
        persons.write(
          records.map((r) => r.person),
          plan.map((p) => p.person)
        )
        // The import's one audit entry covers every row.
        const noEntry = () => {}
        records.forEach((r, i) => {
          if (plan[i].action !== 'unchanged') bodies.addIn(r.data, noEntry)
        })
      }
    }
  }
}
