import { naturalKey } from '../../shared/natural-order'
import type Database from 'better-sqlite3'
import type { Store } from './store'
import { checkIdNumber, type Sex } from '../../shared/idcard'
import { nameMismatch } from '../../shared/person'
import { alreadyThere, failure } from '../../shared/result'
import { categoryLabel, noElectionDay, notAVoter, registeredElsewhere, voterEligibility, type VoterData } from '../../shared/voter'
import type { Clock } from './clock'
import { searchKey } from './search-key'
import { committeeDateSql } from './election-days'

const KEY_CACHE_NAMES = 50_000

interface VillageFacts {
  id: number
  name: string
  electionDate: string | null
  published: boolean
}

/**
 * What a plan made in the same transaction has already looked up for a row: the person with its ID, and where
 * they are registered; and, when the row was checked with this register's rules (a valid ID, of age on the
 * village's election day), what the ID says.
 */
export interface KnownRegistration {
  person: { id: number; name: string } | null
  active: { id: number; villageId: number; villageName: string } | null
  checked?: { sex: Sex; birthDate: string }
}

export interface VoterUpsertResult {
  voterId: number
  personId: number
  created: boolean
}

/**
 * Adds or updates voters with statements prepared once, inside a transaction the caller holds (an
 * import of 100,000 rows is one transaction with one audit entry). Every refusal is an AppFailure
 * with a field and a Chinese reason, thrown before anything of that row is written.
 */
export class VoterWriter {
  private readonly villages = new Map<number, VillageFacts | null>()
  private readonly s: Record<string, Database.Statement>
  private readonly today: string
  /**
   * Whether the file has the group's natural key (migration 012). Only a file held at an older step, as the
   * upgrade tests write one, lacks it; the migration then computes the key of every row written before it.
   */
  private readonly keyed: boolean
  /** Whether voters carry copies of the person's search key and ID number (migration 016), likewise. */
  private readonly copied: boolean
  constructor(
    store: Store,
    /** The writer's day is the clock's when it starts: changes after publication are dated with it, ages counted on it. */
    private readonly clock: Clock
  ) {
    this.today = clock.today()
    this.keyed = store.version >= 12
    this.copied = store.version >= 16
    this.s = {
      village: store.prepare(
        `SELECT id, name, ${committeeDateSql('villages')} AS electionDate,
         EXISTS (SELECT 1 FROM voter_publications WHERE village_id = villages.id) AS published FROM villages WHERE id = ?`
      ),
      person: store.prepare('SELECT id, name FROM persons WHERE id_number = ?'),
      insertPerson: store.prepare(
        `INSERT INTO persons (id_number, name, sex, birth_date, ethnicity, village_id, phone, search_key, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, '', ?, ?, ?)`
      ),
      fillEthnicity: store.prepare(`UPDATE persons SET ethnicity = ? WHERE id = ? AND ethnicity = ''`),
      active: store.prepare(
        `SELECT v.id, v.village_id AS villageId, g.name AS villageName FROM voters v JOIN villages g ON g.id = v.village_id
         WHERE v.person_id = ? AND v.status = '在册'`
      ),
      // Positional: an import runs it 100,000 times, and binding by name costs a lookup per parameter.
      insert: store.prepare(
        `INSERT INTO voters (village_id, person_id, group_name, ${this.keyed ? 'group_key, ' : ''}category, address, approval_date, approval_meeting, deprived,
         note, created_at, updated_at${this.copied ? ', search_key, id_number' : ''})
         SELECT ?, p.id, ?, ${this.keyed ? '?, ' : ''}?, ?, ?, ?, ?, ?, ?, ?${this.copied ? ', p.search_key, p.id_number' : ''} FROM persons p WHERE p.id = ?`
      ),
      update: store.prepare(
        `UPDATE voters SET group_name = @groupName, ${this.keyed ? 'group_key = @groupKey, ' : ''}category = @category, address = @address, approval_date = @approvalDate,
         approval_meeting = @approvalMeeting, deprived = @deprived, note = @note, updated_at = @now WHERE id = @id`
      ),
      change: store.prepare(
        `INSERT INTO voter_changes (village_id, voter_id, kind, detail, changed_on, created_at) VALUES (?, ?, ?, ?, ?, ?)`
      )
    }
  }

  /** A new registration of an ID already on this village's list is refused, never taken as an edit. */
  refuseRegistered(d: VoterData): void {
    const given = checkIdNumber(d.idNumber)
    const person = given.ok ? (this.s.person.get(given.idNumber) as { id: number; name: string } | undefined) : undefined
    const active = person ? (this.s.active.get(person.id) as { id: number; villageId: number } | undefined) : undefined
    if (person && active?.villageId === d.villageId) {
      throw alreadyThere(`身份证号 ${d.idNumber} 已登记为本村选民“${person.name}”，不能重复登记；如需修改请打开该选民`, { kind: 'voter', id: active.id }, {
        idNumber: '已登记'
      })
    }
  }

  upsert(d: VoterData, known?: KnownRegistration): VoterUpsertResult {
    const village = this.village(d.villageId)
    if (!village.electionDate) {
      throw failure('validation', noElectionDay(village.name), {
        villageId: '该村尚未确定选举日'
      })
    }
    const id = known?.checked ? { idNumber: d.idNumber, ...known.checked } : this.checked(d, village.electionDate)

    const person = known ? (known.person ?? undefined) : (this.s.person.get(id.idNumber) as { id: number; name: string } | undefined)
    if (person && person.name !== d.name) {
      const reason = nameMismatch(id.idNumber, person.name, d.name)
      throw failure('conflict', reason, { name: reason })
    }
    const active = known
      ? (known.active ?? undefined)
      : person
        ? (this.s.active.get(person.id) as { id: number; villageId: number; villageName: string } | undefined)
        : undefined
    if (active && active.villageId !== d.villageId) {
      const reason = registeredElsewhere(d.name, id.idNumber, active.villageName, village.name)
      throw failure('conflict', reason, { idNumber: reason })
    }

    const now = this.clock.now()
    let personId = person?.id
    if (personId === undefined) {
      const info = this.s.insertPerson.run(id.idNumber, d.name, id.sex, id.birthDate, d.ethnicity, d.villageId, this.keyOf(d.name), now, now)
      personId = Number(info.lastInsertRowid)
    } else if (d.ethnicity) {
      this.s.fillEthnicity.run(d.ethnicity, personId)
    }
    const approvalDate = d.category === 3 ? d.approvalDate : null
    const approvalMeeting = d.category === 3 ? d.approvalMeeting : null
    const deprived = d.deprived ? 1 : 0
    if (active) {
      this.s.update.run({ id: active.id, groupName: d.groupName, groupKey: naturalKey(d.groupName), category: d.category, address: d.address, approvalDate, approvalMeeting, deprived, note: d.note, now })
      if (village.published) this.s.change.run(d.villageId, active.id, '更正', `更正登记信息：${categoryLabel(d.category)}${d.deprived ? '，被剥夺政治权利' : ''}`, this.today, now)
      return { voterId: active.id, personId, created: false }
    }
    const info = this.s.insert.run(d.villageId, ...(this.keyed ? [d.groupName, naturalKey(d.groupName)] : [d.groupName]), d.category, d.address, approvalDate, approvalMeeting, deprived, d.note, now, now, personId)
    const voterId = Number(info.lastInsertRowid)
    if (village.published) this.s.change.run(d.villageId, voterId, '补登', `名单公布后补登（${categoryLabel(d.category)}）`, this.today, now)
    return { voterId, personId, created: true }
  }

  private checked(d: VoterData, electionDate: string): { idNumber: string; sex: Sex; birthDate: string } {
    const id = checkIdNumber(d.idNumber, this.today)
    if (!id.ok) throw failure('validation', id.reason, { idNumber: id.reason })
    const age = voterEligibility({ birthDate: id.birthDate, deprived: false }, electionDate)
    if (!age.eligible) throw failure('validation', notAVoter(d.name, age.reason), { idNumber: age.reason })
    return id
  }

  // Names repeat across a township (one in five in a large roster); the pinyin key is the costly part of adding
  // a person. Bounded, so that a roster of any length keeps the memory of a village's.
  private readonly keys = new Map<string, string>()
  private keyOf(name: string): string {
    let k = this.keys.get(name)
    if (k === undefined) {
      if (this.keys.size >= KEY_CACHE_NAMES) this.keys.clear()
      this.keys.set(name, (k = searchKey(name)))
    }
    return k
  }

  private village(id: number): VillageFacts {
    if (!this.villages.has(id)) {
      const v = this.s.village.get(id) as (Omit<VillageFacts, 'published'> & { published: number }) | undefined
      this.villages.set(id, v ? { ...v, published: v.published === 1 } : null)
    }
    const v = this.villages.get(id)
    if (!v) throw failure('validation', '所选村社不存在', { villageId: '村社不存在' })
    return v
  }
}
