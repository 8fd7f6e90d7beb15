import { failure } from '../../shared/result'
import type { Village, VillageData, VillageQuery } from '../../shared/village'
import { villageQuery } from '../../shared/village'
import type { Clock } from './clock'
import { describeReferences, referencesTo } from './references'
import { likePattern, searchKey } from './search-key'
import type { Store } from './store'
import { registerOrder } from './village-order'

const COLUMNS = `id, name, kind, township, division_code AS divisionCode, households, population,
  party_members AS partyMembers, party_seats AS partySeats, committee_seats AS committeeSeats, grade, leader,
  resident_cadre AS residentCadre, first_secretary AS firstSecretary, party_election_date AS partyElectionDate,
  committee_election_date AS committeeElectionDate, note, created_at AS createdAt, updated_at AS updatedAt`

const WRITE_COLUMNS = [
  'name', 'kind', 'township', 'division_code', 'households', 'population', 'party_members', 'party_seats',
  'committee_seats', 'grade', 'leader', 'resident_cadre', 'first_secretary', 'party_election_date',
  'committee_election_date', 'note', 'search_key'
] as const

function params(v: VillageData): Record<(typeof WRITE_COLUMNS)[number], unknown> {
  return {
    name: v.name,
    kind: v.kind,
    township: v.township,
    division_code: v.divisionCode,
    households: v.households,
    population: v.population,
    party_members: v.partyMembers,
    party_seats: v.partySeats,
    committee_seats: v.committeeSeats,
    grade: v.grade,
    leader: v.leader,
    resident_cadre: v.residentCadre,
    first_secretary: v.firstSecretary,
    party_election_date: v.partyElectionDate,
    committee_election_date: v.committeeElectionDate,
    note: v.note,
    search_key: searchKey(v.name)
  }
}

export class VillageService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock
  ) {}

  list(query: VillageQuery = {}): Village[] {
    const q = villageQuery.parse(query)
    const where: string[] = []
    const args: unknown[] = []
    if (q.search) {
      where.push(`search_key LIKE ? ESCAPE '\\'`)
      args.push(likePattern(q.search))
    }
    if (q.grade) {
      where.push('grade = ?')
      args.push(q.grade)
    }
    if (q.kind) {
      where.push('kind = ?')
      args.push(q.kind)
    }
    const sql = `SELECT ${COLUMNS} FROM villages ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`
    return this.store.all<Village>(sql, ...args).sort(registerOrder)
  }

  get(id: number): Village | undefined {
    return this.store.one<Village>(`SELECT ${COLUMNS} FROM villages WHERE id = ?`, id)
  }

  require(id: number): Village {
    const v = this.get(id)
    if (!v) throw failure('not_found', '该村社不存在，可能已被删除，请刷新列表')
    return v
  }

  findByName(name: string, township?: string): Village | undefined {
    const id = this.store.value<number>(
      'SELECT id FROM villages WHERE name = ? AND (? IS NULL OR township = ?) ORDER BY id LIMIT 1',
      name.trim(),
      township ?? null,
      township ?? null
    )
    return id === undefined ? undefined : this.get(id)
  }

  create(data: VillageData): Village {
    return this.store.write((audit) => {
      this.assertUnique(data, null)
      const created = this.require(this.insertRow(data))
      audit({ action: 'create', entity: 'village', entityId: created.id, summary: `新增村社“${created.name}”`, after: created })
      return created
    })
  }

  update(id: number, data: VillageData): Village {
    return this.store.write((audit) => {
      const before = this.require(id)
      this.assertUnique(data, id)
      this.updateRow(id, data)
      const after = this.require(id)
      audit({ action: 'update', entity: 'village', entityId: id, summary: `修改村社“${after.name}”`, before, after })
      return after
    })
  }

  remove(id: number): { id: number; name: string } {
    return this.store.write((audit) => {
      const before = this.require(id)
      const refs = referencesTo(this.store, 'villages', id)
      if (refs.length > 0) {
        throw failure('in_use', `“${before.name}”仍有${describeReferences(refs)}记录引用，不能删除。请先处理这些记录。`)
      }
      this.store.run('DELETE FROM villages WHERE id = ?', id)
      audit({ action: 'delete', entity: 'village', entityId: id, summary: `删除村社“${before.name}”`, before })
      return { id, name: before.name }
    })
  }

  /** The row writes alone, for callers inside their own transaction that record their own audit entry. */
  insertRow(data: VillageData): number {
    const now = this.clock.now()
    const cols = [...WRITE_COLUMNS, 'created_at', 'updated_at']
    const info = this.store.run(`INSERT INTO villages (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`, {
      ...params(data),
      created_at: now,
      updated_at: now
    })
    return Number(info.lastInsertRowid)
  }

  updateRow(id: number, data: VillageData): void {
    this.store.run(`UPDATE villages SET ${WRITE_COLUMNS.map((c) => `${c} = @${c}`).join(', ')}, updated_at = @updated_at WHERE id = @id`, {
      ...params(data),
      updated_at: this.clock.now(),
      id
    })
  }

  private assertUnique(data: VillageData, selfId: number | null): void {
    const sameName = this.store.value<number>('SELECT id FROM villages WHERE name = ? AND township = ? AND id IS NOT ?', data.name, data.township, selfId)
    if (sameName !== undefined) throw failure('conflict', `已有名为“${data.name}”的村社`, { name: '名称重复' })
    if (data.divisionCode) {
      const sameCode = this.store.value<string>('SELECT name FROM villages WHERE division_code = ? AND id IS NOT ?', data.divisionCode, selfId)
      if (sameCode !== undefined) {
        throw failure('conflict', `行政区划代码 ${data.divisionCode} 已被“${sameCode}”使用`, { divisionCode: '代码重复' })
      }
    }
  }
}
