import { KIND_DEFS, type ImportKind } from '../../../shared/import'
import { villageInput, type VillageData } from '../../../shared/village'
import type { FieldProblem, ImportRegisters, KindAdapter, Planned } from './adapter'
import { bodiesAdapter } from './bodies-kind'
import { candidatesAdapter } from './candidates-kind'
import { membersAdapter } from './members-kind'
import { repliesAdapter } from './replies-kind'
import { personPart, PersonRows, type PersonPart, type PersonPlan } from './person-rows'
import { votersAdapter } from './voters-kind'

/** The adapter of each kind over a store: one mechanism, every register. */
export function adapterFor(kind: ImportKind, registers: ImportRegisters): KindAdapter {
  switch (kind) {
    case 'villages':
      return villagesAdapter(registers) as KindAdapter
    case 'persons':
      return personsAdapter(registers) as KindAdapter
    case 'voters':
      return votersAdapter(registers) as KindAdapter
    case 'candidates':
      return candidatesAdapter(registers) as KindAdapter
    case 'members':
      return membersAdapter(registers) as KindAdapter
    case 'replies':
      return repliesAdapter(registers) as KindAdapter
    case 'supervisors':
    case 'representatives':
    case 'group-leaders':
      return bodiesAdapter(kind, registers) as KindAdapter
  }
}

export function personsAdapter(registers: ImportRegisters): KindAdapter<PersonPart, PersonPlan> {
  const persons = new PersonRows(registers.persons)
  return {
    def: KIND_DEFS.persons,
    build: personPart,
    identity: (r) => ({ field: 'idNumber', key: r.idNumber }),
    register: {
      chunked: true,
      plan: (records) => persons.plan(records, true),
      write: (records, plan) => {
        persons.write(records, plan)
      }
    }
  }
}

interface VillageRow {
  data: VillageData
  /** Fields the row gives a value for; the others (no column, or an empty cell) keep the register's values. */
  present: (keyof VillageData)[]
}

export function villagesAdapter({ store, villages }: ImportRegisters): KindAdapter<VillageRow> {
  let township: string | undefined
  // New villages without a township column join the township the register already has.
  const defaultTownship = () =>
    (township ??= store.value<string>(`SELECT township FROM villages WHERE township <> '' GROUP BY township ORDER BY count(*) DESC LIMIT 1`) ?? '')
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
          const holder = code ? store.one<{ id: number; name: string }>('SELECT id, name FROM villages WHERE division_code = ?', code) : undefined
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
