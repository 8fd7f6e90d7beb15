import { KIND_DEFS } from '../../../shared/import'
import { nameMismatch } from '../../../shared/person'
import {
  categoryOfShort,
  noElectionDay,
  notAVoter,
  registeredElsewhere,
  voterEligibility,
  type VoterCategory,
  type VoterData
} from '../../../shared/voter'
import { allByKeys } from '../batched'
import type { KnownRegistration, VoterWriter } from '../voter-writer'
import type { BuildContext, FieldProblem, ImportRegisters, KindAdapter, Planned } from './adapter'
import { personPart, type PersonPart } from './person-rows'
import { committeeDateSql } from '../election-days'

export interface VoterRecord {
  person: PersonPart
  villageId: number
  category: VoterCategory
  /** Undefined when the file gives no value: an update keeps what the register has. */
  group?: string
  address?: string
  approvalDate?: string
  approvalMeeting?: '村民会议' | '村民代表会议'
}

interface Registered {
  id: number
  personId: number
  villageId: number
  villageName: string
  groupName: string
  category: VoterCategory
  address: string
  approvalDate: string | null
  approvalMeeting: VoterData['approvalMeeting']
  deprived: number
  note: string
  ethnicity: string
}

interface VoterPlan extends Planned {
  data: VoterData
  known: KnownRegistration
}

/**
 * 选民名册 of one village. The plan looks every row's person and their registration up in batches; the write
 * goes through the voter register's own writer (prepared statements, its own checks) for rows that change.
 */
export function votersAdapter({ store, voters, persons }: ImportRegisters): KindAdapter<VoterRecord, VoterPlan> {
  let writer: VoterWriter | undefined
  const villageFacts = `SELECT name, ${committeeDateSql('villages')} AS electionDate FROM villages WHERE id = ?`
  const facts = new Map<number, { name: string; electionDate: string | null }>()
  const village = (id: number) => {
    if (!facts.has(id)) facts.set(id, store.one<{ name: string; electionDate: string | null }>(villageFacts, id)!)
    return facts.get(id)!
  }
  // The ids lead (CROSS JOIN), through the one-place index: otherwise SQLite scans every registered voter per batch.
  const registered = `SELECT v.id, v.person_id AS personId, v.village_id AS villageId, g.name AS villageName, v.group_name AS groupName, v.category,
       v.address, v.approval_date AS approvalDate, v.approval_meeting AS approvalMeeting, v.deprived, v.note, p.ethnicity
     FROM json_each(?) j CROSS JOIN voters v ON v.person_id = j.value AND v.status = '在册'
     JOIN villages g ON g.id = v.village_id JOIN persons p ON p.id = v.person_id`

  return {
    def: KIND_DEFS.voters,
    refuse: (villageId) => {
      if (villageId === null) return null
      const v = village(villageId)
      return v && !v.electionDate ? noElectionDay(v.name) : null
    },
    build: (values, ctx: BuildContext) => {
      const person = personPart(values, ctx)
      if (!person.ok) return person
      const p = person.record
      const villageId = ctx.villageId!
      const problems: FieldProblem[] = []
      const age = voterEligibility({ birthDate: p.birthDate, deprived: false }, village(villageId).electionDate)
      if (!age.eligible) problems.push({ field: 'idNumber', message: notAVoter(p.name, age.reason) })
      const approvalDate = values.approvalDate as string | null
      if (approvalDate && approvalDate.length !== 10) problems.push({ field: 'approvalDate', message: '日期应写到日，如2026-02-20' })
      if (problems.length) return { ok: false, problems }
      const r: VoterRecord = { person: p, villageId, category: categoryOfShort(values.category as string) }
      if (values.group !== null && values.group !== undefined) r.group = values.group as string
      if (values.address !== null && values.address !== undefined) r.address = values.address as string
      if (approvalDate) r.approvalDate = approvalDate
      if (values.approvalMeeting) r.approvalMeeting = values.approvalMeeting as VoterRecord['approvalMeeting']
      return { ok: true, record: r }
    },
    identity: (r) => ({ field: 'idNumber', key: r.person.idNumber }),
    register: {
      chunked: true,
      plan: (records) => {
        const people = persons.findManyByIdNumber(records.map((r) => r.person.idNumber))
        const ids = [...people.values()].map((p) => p.id)
        const byPerson = new Map(allByKeys<Registered>(store, registered, ids).map((v) => [v.personId, v]))
        return records.map((r): VoterPlan => {
          const person = people.get(r.person.idNumber)
          const before = person ? byPerson.get(person.id) : undefined
          const data = voterData(r, before)
          // build() checked the ID and the age with the register's own rules.
          const known: KnownRegistration = { person: person ?? null, active: before ?? null, checked: { sex: r.person.sex, birthDate: r.person.birthDate } }
          const plan = (action: Planned['action'], problem?: FieldProblem): VoterPlan => ({ action, targetId: before?.id ?? null, data, known, problem })
          if (person && person.name !== r.person.name) return plan('updated', { field: 'name', message: nameMismatch(r.person.idNumber, person.name, r.person.name) })
          if (before && before.villageId !== r.villageId) {
            return plan('updated', { field: 'idNumber', message: registeredElsewhere(r.person.name, r.person.idNumber, before.villageName, village(r.villageId).name) })
          }
          if (data.category === 3 && (!data.approvalDate || !data.approvalMeeting)) {
            return plan(before ? 'updated' : 'added', { field: data.approvalDate ? 'approvalMeeting' : 'approvalDate', message: '三类选民须填写村民会议或村民代表会议同意的日期和会议' })
          }
          if (!before) return plan('added')
          const same =
            data.groupName === before.groupName &&
            data.category === before.category &&
            data.address === before.address &&
            data.approvalDate === before.approvalDate &&
            data.approvalMeeting === before.approvalMeeting &&
            !(data.ethnicity && !before.ethnicity)
          return plan(same ? 'unchanged' : 'updated')
        })
      },
      write: (_records, plan) => {
        // One writer for every chunk: it keeps the search keys of the names it has met.
        writer ??= voters.writer()
        for (const p of plan) if (p.action !== 'unchanged') writer.upsert(p.data, p.known)
      }
    }
  }
}

/** The row as the register will hold it: the file's values where it gives them, the registration's elsewhere. */
function voterData(r: VoterRecord, before: Registered | undefined): VoterData {
  const third = r.category === 3
  return {
    villageId: r.villageId,
    idNumber: r.person.idNumber,
    name: r.person.name,
    ethnicity: r.person.ethnicity ?? '',
    groupName: r.group ?? before?.groupName ?? '',
    category: r.category,
    address: r.address ?? before?.address ?? '',
    approvalDate: third ? (r.approvalDate ?? before?.approvalDate ?? null) : null,
    approvalMeeting: third ? (r.approvalMeeting ?? before?.approvalMeeting ?? null) : null,
    deprived: before ? before.deprived === 1 : false,
    note: before?.note ?? ''
  }
}
