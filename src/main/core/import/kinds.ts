import { KIND_DEFS, type ImportKind } from '../../../shared/import'
import type { PersonData } from '../../../shared/person'
import { villageInput, type VillageData } from '../../../shared/village'
import { PersonService } from '../persons'
import { searchKey } from '../search-key'
import type { Store } from '../store'
import { VillageService } from '../villages'
import type { FieldProblem, KindAdapter, Planned, Values } from './adapter'
import { personPart, type PersonPart } from './person-rows'

/** The adapters of a store. Voters, candidates and members are read and checked; their registers come later. */
export function adapterFor(kind: ImportKind, store: Store): KindAdapter {
  switch (kind) {
    case 'villages':
      return villagesAdapter(store) as KindAdapter
    case 'persons':
      return personsAdapter(store) as KindAdapter
    case 'voters':
    case 'candidates':
    case 'members':
      return personBasedAdapter(kind)
  }
}

/** Why a kind cannot be committed yet, or null when it can. */
export function unavailableReason(kind: ImportKind): string | null {
  if (kind === 'villages' || kind === 'persons') return null
  return `${KIND_DEFS[kind].label}登记簿尚未开放，暂不能导入${KIND_DEFS[kind].label}。可以先检查文件，或用“人员”类型导入其中的人员。`
}

const byId = (r: PersonPart) => ({ field: 'idNumber', key: r.idNumber })

function personBasedAdapter(kind: 'voters' | 'candidates' | 'members'): KindAdapter {
  return {
    def: KIND_DEFS[kind],
    build: (values, ctx) => {
      const person = personPart(values, ctx)
      if (!person.ok) return person
      return { ok: true, record: { ...person.record, ...values } }
    },
    // A voter is registered once; a candidate or member once per post and body.
    identity: (r) => {
      const rec = r as PersonPart & Values
      return kind === 'voters' ? byId(rec) : { field: 'idNumber', key: `${rec.idNumber}|${rec.post ?? ''}|${rec.body ?? ''}|${rec.term ?? ''}` }
    },
    register: null
  }
}

export function personsAdapter(store: Store): KindAdapter<PersonPart> {
  const persons = new PersonService(store)
  const keys = new Map<string, string>()
  // Names repeat across a township; the pinyin key is the costly part of writing a person.
  const keyOf = (name: string) => {
    let k = keys.get(name)
    if (k === undefined) keys.set(name, (k = searchKey(name)))
    return k
  }
  const merged = (r: PersonPart, before: PersonData | undefined): PersonData => ({
    idNumber: r.idNumber,
    name: r.name,
    sex: r.sex,
    birthDate: r.birthDate,
    ethnicity: r.ethnicity ?? before?.ethnicity ?? '',
    villageId: r.villageId !== undefined ? r.villageId : (before?.villageId ?? null),
    phone: r.phone ?? before?.phone ?? ''
  })
  return {
    def: KIND_DEFS.persons,
    build: personPart,
    identity: byId,
    register: {
      plan: (records) => {
        const existing = persons.findManyByIdNumber(records.map((r) => r.idNumber))
        return records.map((r): Planned => {
          const before = existing.get(r.idNumber)
          if (!before) return { action: 'added', targetId: null }
          return { action: samePerson(merged(r, before), before) ? 'unchanged' : 'updated', targetId: before.id }
        })
      },
      write: (records, plan) => {
        records.forEach((r, i) => {
          const p = plan[i]
          if (p.action === 'added') persons.insertRow(merged(r, undefined), keyOf(r.name))
          else if (p.action === 'updated') persons.updateRow(p.targetId!, merged(r, persons.get(p.targetId!)), keyOf(r.name))
        })
      }
    }
  }
}

function samePerson(a: PersonData, b: PersonData): boolean {
  return (Object.keys(a) as (keyof PersonData)[]).every((k) => a[k] === b[k])
}

interface VillageRow {
  data: VillageData
  /** Fields the row gives a value for; the others (no column, or an empty cell) keep the register's values. */
  present: (keyof VillageData)[]
}

export function villagesAdapter(store: Store): KindAdapter<VillageRow> {
  const villages = new VillageService(store)
  let township: string | undefined
  // New villages without a township column join the township the register already has.
  const defaultTownship = () =>
    (township ??= (store.db.prepare(`SELECT township FROM villages WHERE township <> '' GROUP BY township ORDER BY count(*) DESC LIMIT 1`).pluck().get() as
      | string
      | undefined) ?? '')
  const find = (r: VillageRow) =>
    r.present.includes('township') ? villages.findByName(r.data.name, r.data.township) : villages.findByName(r.data.name)
  const merged = (r: VillageRow, before: VillageData): VillageData => {
    const out: Record<string, unknown> = { ...before }
    for (const k of r.present) out[k] = r.data[k]
    return out as VillageData
  }
  return {
    def: KIND_DEFS.villages,
    build: (values) => {
      const problems: FieldProblem[] = []
      for (const k of ['partyElectionDate', 'committeeElectionDate']) {
        const v = values[k]
        if (typeof v === 'string' && v.length === 7) problems.push({ field: k, message: '日期应写到日，如2026-11-26' })
      }
      if (problems.length) return { ok: false, problems }
      const name = String(values.name)
      const given = withoutNulls(values)
      const input = { kind: name.endsWith('社区') ? '社区' : '村', township: defaultTownship(), ...given }
      const parsed = villageInput.safeParse(input)
      if (!parsed.success) {
        for (const issue of parsed.error.issues) problems.push({ field: String(issue.path[0] ?? 'name'), message: issue.message })
        return { ok: false, problems }
      }
      return { ok: true, record: { data: parsed.data, present: Object.keys(given) as (keyof VillageData)[] } }
    },
    identity: (r) => ({ field: 'name', key: `${r.present.includes('township') ? r.data.township : ''}|${r.data.name}` }),
    register: {
      plan: (records) =>
        records.map((r): Planned => {
          const before = find(r)
          const code = r.present.includes('divisionCode') ? r.data.divisionCode : null
          const holder = code
            ? (store.db.prepare('SELECT id, name FROM villages WHERE division_code = ?').get(code) as { id: number; name: string } | undefined)
            : undefined
          const problem =
            holder && holder.id !== before?.id ? { field: 'divisionCode', message: `行政区划代码 ${code} 已被“${holder.name}”使用` } : undefined
          if (!before) return { action: 'added', targetId: null, problem }
          const after = merged(r, before)
          const same = r.present.every((k) => after[k] === before[k])
          return { action: same ? 'unchanged' : 'updated', targetId: before.id, problem }
        }),
      write: (records, plan) => {
        records.forEach((r, i) => {
          const p = plan[i]
          if (p.action === 'added') villages.insertRow(r.data)
          else if (p.action === 'updated') villages.updateRow(p.targetId!, merged(r, villages.require(p.targetId!)))
        })
      }
    }
  }
}

/** Empty cells leave a field to the schema's default instead of failing a "must be text" check. */
function withoutNulls(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null))
}
