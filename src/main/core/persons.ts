import { reconcileWithId, type Person, type PersonData } from '../../shared/person'
import { alreadyThere, failure } from '../../shared/result'
import { allByKeys } from './batched'
import type { Clock } from './clock'
import { describeReferences, referencesTo } from './references'
import { estimatedMatches, matchingPersons, walkIsCheaper } from './person-search'
import { idPrefixPattern, likePattern, searchKey } from './search-key'
import type { AuditEntry, Store } from './store'

const COLUMNS = `id, id_number AS idNumber, name, sex, birth_date AS birthDate, ethnicity, village_id AS villageId, phone,
  created_at AS createdAt, updated_at AS updatedAt`

export interface PersonQuery {
  search?: string
  villageId?: number | null
  limit?: number
  offset?: number
}

type Audit = (entry: AuditEntry) => void

/**
 * The register of people. Writes come in two forms: the public ones open their own transaction,
 * the `…In` ones join the caller's (an import, a candidate proposal) so everything lands or nothing.
 */
export class PersonService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock
  ) {}

  get(id: number): Person | undefined {
    return this.store.one<Person>(`SELECT ${COLUMNS} FROM persons WHERE id = ?`, id)
  }

  require(id: number): Person {
    const p = this.get(id)
    if (!p) throw failure('not_found', '该人员不存在，可能已被删除')
    return p
  }

  findByIdNumber(idNumber: string): Person | undefined {
    return this.store.one<Person>(`SELECT ${COLUMNS} FROM persons WHERE id_number = ?`, idNumber)
  }

  /** Many lookups at once (an import's plan): one query per thousand numbers. */
  findManyByIdNumber(idNumbers: string[]): Map<string, Person> {
    const found = new Map<string, Person>()
    for (const p of allByKeys<Person>(this.store, `SELECT ${COLUMNS} FROM persons WHERE id_number IN (SELECT value FROM json_each(?))`, idNumbers)) {
      found.set(p.idNumber as string, p)
    }
    return found
  }

  list(q: PersonQuery = {}): Person[] {
    const limit = q.limit ?? 200
    const offset = q.offset ?? 0
    if (!Number.isInteger(limit) || limit < 1 || !Number.isInteger(offset) || offset < 0) {
      throw failure('validation', '分页参数有误：每页条数应为正整数，起始位置应为不小于0的整数')
    }
    const where: string[] = []
    const args: unknown[] = []
    const everyone = q.search?.trim() ? (this.store.value<number>('SELECT max(id) FROM persons') ?? 0) : 0
    if (q.search?.trim() && walkIsCheaper(estimatedMatches(this.store, q.search), offset + limit, everyone, everyone)) {
      // Many match (two letters): the register in id order, each key tested, stops at the page's end.
      where.push(`(search_key LIKE ? ESCAPE '\\' OR id_number LIKE ? ESCAPE '\\')`)
      args.push(likePattern(q.search), idPrefixPattern(q.search))
    } else if (q.search?.trim()) {
      // Through the search index: a key read with LIKE for every person took a second at a million.
      where.push(`id IN (SELECT value FROM json_each(?))`)
      args.push(JSON.stringify(matchingPersons(this.store, q.search)))
    }
    if (q.villageId) {
      where.push('village_id = ?')
      args.push(q.villageId)
    }
    const sql = `SELECT ${COLUMNS} FROM persons ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY id LIMIT ? OFFSET ?`
    return this.store.all<Person>(sql, ...args, limit, offset)
  }

  create(data: PersonData): Person {
    return this.store.write((audit) => this.createIn(data, audit))
  }

  update(id: number, data: PersonData): Person {
    return this.store.write((audit) => this.updateIn(id, data, audit))
  }

  remove(id: number): void {
    this.store.write((audit) => {
      const before = this.require(id)
      const refs = referencesTo(this.store, 'persons', id)
      if (refs.length > 0) throw failure('in_use', `“${before.name}”仍有${describeReferences(refs)}记录引用，不能删除`)
      this.store.run('DELETE FROM persons WHERE id = ?', id)
      audit({ action: 'delete', entity: 'person', entityId: id, summary: `删除人员“${before.name}”`, before })
    })
  }

  /** A person without an ID whose name is already in the village is never created twice without a word. */
  refuseUnidentifiedNamesake(name: string, villageId: number | null): void {
    if (villageId === null) return
    const same = this.store.one<{ id: number; idNumber: string | null }>(
      'SELECT id, id_number AS idNumber FROM persons WHERE name = ? AND village_id = ? LIMIT 1',
      name,
      villageId
    )
    if (same) {
      throw alreadyThere(
        `本村已有“${name}”${same.idNumber ? `（身份证号 ${same.idNumber}）` : ''}：未填身份证号无法确认是否同一人，请填写身份证号`,
        { kind: 'person', id: same.id },
        { idNumber: '请填写身份证号' }
      )
    }
  }

  createIn(data: PersonData, audit: Audit): Person {
    const created = this.require(this.insertRow(this.checked(data, null)))
    audit({ action: 'create', entity: 'person', entityId: created.id, summary: `新增人员“${created.name}”`, after: created })
    return created
  }

  updateIn(id: number, data: PersonData, audit: Audit): Person {
    const before = this.require(id)
    this.updateRow(id, this.checked(data, id))
    const after = this.require(id)
    audit({ action: 'update', entity: 'person', entityId: id, summary: `修改人员“${after.name}”`, before, after })
    return after
  }

  /** The ID decides: a person with this ID number is updated, otherwise created. */
  upsertIn(data: PersonData, audit: Audit): { person: Person; created: boolean } {
    const existing = data.idNumber ? this.findByIdNumber(data.idNumber.toUpperCase()) : undefined
    if (existing) return { person: this.updateIn(existing.id, data, audit), created: false }
    return { person: this.createIn(data, audit), created: true }
  }

  /**
   * The row writes alone, for callers that have already checked the data and record their own audit entry
   * (an import writes thousands of rows under one entry).
   */
  insertRow(clean: PersonData, key: string = searchKey(clean.name)): number {
    const now = this.clock.now()
    const info = this.store.run(
      `INSERT INTO persons (id_number, name, sex, birth_date, ethnicity, village_id, phone, search_key, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      clean.idNumber, clean.name, clean.sex, clean.birthDate, clean.ethnicity, clean.villageId, clean.phone, key, now, now
    )
    return Number(info.lastInsertRowid)
  }

  updateRow(id: number, clean: PersonData, key: string = searchKey(clean.name)): void {
    this.store.run(
      `UPDATE persons SET id_number = ?, name = ?, sex = ?, birth_date = ?, ethnicity = ?, village_id = ?, phone = ?,
       search_key = ?, updated_at = ? WHERE id = ?`,
      clean.idNumber, clean.name, clean.sex, clean.birthDate, clean.ethnicity, clean.villageId, clean.phone, key, this.clock.now(), id
    )
  }

  private checked(data: PersonData, selfId: number | null): PersonData {
    const r = reconcileWithId(data, this.clock.today())
    if (!r.ok) throw failure('validation', Object.values(r.fields).join('；'), r.fields)
    const clean = r.value
    if (clean.idNumber) {
      const other = this.findByIdNumber(clean.idNumber)
      if (other && other.id !== selfId) {
        throw failure('conflict', `身份证号 ${clean.idNumber} 已登记为“${other.name}”`, { idNumber: '身份证号重复' })
      }
    }
    if (clean.villageId !== null && this.store.value('SELECT 1 FROM villages WHERE id = ?', clean.villageId) === undefined) {
      throw failure('validation', '所选村社不存在', { villageId: '村社不存在' })
    }
    return clean
  }
}
