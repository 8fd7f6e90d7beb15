import {
  photoType,
  profileInput,
  type FamilyMember,
  type PersonRecord,
  type PersonRecordData,
  type ProfileData,
  type ResumeLine
} from '../../shared/cadre'
import { maskIdNumber, type Person } from '../../shared/person'
import { failure } from '../../shared/result'
import { allByKeys } from './batched'
import type { Clock } from './clock'
import { normalizePhoto } from './photos'
import type { PersonService, PersonQuery } from './persons'
import type { AuditEntry, Store } from './store'

type Audit = (entry: AuditEntry) => void

/** The cadre record's fields by their names in the form; the two education columns hold JSON. */
const PROFILE_SQL = `SELECT native_place AS nativePlace, birth_place AS birthPlace, political_status AS politicalStatus,
  party_joined AS partyJoined, work_started AS workStarted, health, full_time_education AS fullTimeEducation,
  in_service_education AS inServiceEducation, professional_title AS professionalTitle, specialty,
  current_position AS currentPosition, proposed_position AS proposedPosition, dismissed_position AS dismissedPosition,
  appointment_reason AS appointmentReason, rewards, appraisals
  FROM person_profiles WHERE person_id = ?`

const SIDE_TABLES = ['person_profiles', 'person_resume', 'person_family', 'person_tags', 'person_photos'] as const

export interface PersonListRow extends Person {
  tags: string[]
  /** Number of 负面清单 findings; their content stays on the person's page. */
  findings: number
}

/**
 * The full cadre record around a person: details, 简历, 家庭成员, tags and photo. The person core stays in
 * PersonService; this joins its transactions so a form lands whole or not at all.
 */
export class PersonRecordService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    readonly persons: PersonService
  ) {}

  /** Lists never carry a full ID number. */
  list(q: PersonQuery & { tag?: string | null } = {}): PersonListRow[] {
    let people = this.persons.list({ ...q, limit: q.limit ?? 5000 })
    const tags = this.tagsByPerson()
    if (q.tag) people = people.filter((p) => tags.get(p.id)?.includes(q.tag!))
    const findings = new Map(
      this.store
        .all<{ personId: number; n: number }>('SELECT person_id AS personId, count(*) AS n FROM negative_findings GROUP BY person_id')
        .map((r) => [r.personId, r.n])
    )
    return people.map((p) => ({ ...p, idNumber: maskIdNumber(p.idNumber), tags: tags.get(p.id) ?? [], findings: findings.get(p.id) ?? 0 }))
  }

  require(personId: number): PersonRecord {
    const person = this.persons.require(personId)
    const store = this.store
    const row = store.one<Omit<ProfileData, 'fullTimeEducation' | 'inServiceEducation'> & { fullTimeEducation: string; inServiceEducation: string }>(
      PROFILE_SQL,
      personId
    )
    const profile: ProfileData = row
      ? profileInput.parse({ ...row, fullTimeEducation: JSON.parse(row.fullTimeEducation), inServiceEducation: JSON.parse(row.inServiceEducation) })
      : profileInput.parse({})
    const resume = store.all<ResumeLine>('SELECT start, end, text FROM person_resume WHERE person_id = ? ORDER BY seq', personId)
    const family = store.all<FamilyMember>(
      `SELECT relation, name, birth_year_month AS birthYearMonth, political_status AS politicalStatus, work_unit AS workUnit
       FROM person_family WHERE person_id = ? ORDER BY seq`,
      personId
    )
    const tags = store.all<{ tag: string }>('SELECT tag FROM person_tags WHERE person_id = ? ORDER BY rowid', personId).map((r) => r.tag)
    const hasPhoto = store.value('SELECT 1 FROM person_photos WHERE person_id = ?', personId) !== undefined
    return { person, profile, resume, family, tags, hasPhoto }
  }

  create(data: PersonRecordData): PersonRecord {
    return this.store.write((audit) => {
      const person = this.persons.createIn(data.person, audit)
      this.writeDetails(person.id, data, audit, null)
      return this.require(person.id)
    })
  }

  update(personId: number, data: PersonRecordData): PersonRecord {
    return this.store.write((audit) => {
      const before = this.require(personId)
      this.persons.updateIn(personId, data.person, audit)
      this.writeDetails(personId, data, audit, before)
      return this.require(personId)
    })
  }

  remove(personId: number): void {
    this.store.write((audit) => {
      const before = this.require(personId)
      const candidacy = this.store.value('SELECT 1 FROM candidates WHERE person_id = ?', personId)
      if (candidacy !== undefined) throw failure('in_use', `“${before.person.name}”已被提名为人选，请先撤回提名再删除`)
      for (const t of SIDE_TABLES) this.store.run(`DELETE FROM ${t} WHERE person_id = ?`, personId)
      audit({ action: 'delete', entity: 'person_record', entityId: personId, summary: `删除“${before.person.name}”的干部信息`, before })
      this.persons.remove(personId)
    })
  }

  photo(personId: number): { mime: string; base64: string } | null {
    const row = this.store.one<{ mime: string; data: Buffer }>('SELECT mime, data FROM person_photos WHERE person_id = ?', personId)
    return row ? { mime: row.mime, base64: row.data.toString('base64') } : null
  }

  /** A photo picked in the window or read from a file: normalised (see normalizePhoto), then stored. */
  async setPhoto(personId: number, base64: string): Promise<{ mime: string; bytes: number }> {
    this.persons.require(personId)
    return this.storePhoto(personId, await normalizePhoto(Buffer.from(base64, 'base64')))
  }

  /** Stores a photo already in the form's shape; every form (PDF, Word, lrmx) reads this one copy. */
  storePhoto(personId: number, bytes: Buffer): { mime: string; bytes: number } {
    const person = this.persons.require(personId)
    const type = photoType(bytes)
    if (!type.ok) throw failure('validation', type.reason, { photo: type.reason })
    return this.store.write((audit) => {
      this.store.run(
        `INSERT INTO person_photos (person_id, mime, data, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (person_id) DO UPDATE SET mime = excluded.mime, data = excluded.data, updated_at = excluded.updated_at`,
        personId,
        type.mime,
        bytes,
        this.clock.now()
      )
      audit({ action: 'update', entity: 'person_photo', entityId: personId, summary: `更新“${person.name}”的照片`, after: { mime: type.mime, bytes: bytes.length } })
      return { mime: type.mime, bytes: bytes.length }
    })
  }

  removePhoto(personId: number): void {
    const person = this.persons.require(personId)
    this.store.write((audit) => {
      const n = this.store.run('DELETE FROM person_photos WHERE person_id = ?', personId).changes
      if (n > 0) audit({ action: 'delete', entity: 'person_photo', entityId: personId, summary: `删除“${person.name}”的照片` })
    })
  }

  allTags(): string[] {
    return this.store.all<{ tag: string }>('SELECT DISTINCT tag FROM person_tags ORDER BY tag').map((r) => r.tag)
  }

  tagsByPerson(): Map<number, string[]> {
    const map = new Map<number, string[]>()
    for (const r of this.store.all<{ personId: number; tag: string }>('SELECT person_id AS personId, tag FROM person_tags ORDER BY rowid')) {
      map.set(r.personId, [...(map.get(r.personId) ?? []), r.tag])
    }
    return map
  }

  private writeDetails(personId: number, data: PersonRecordData, audit: Audit, before: PersonRecord | null): void {
    const store = this.store
    const p = data.profile
    store.run(
      `INSERT INTO person_profiles (person_id, native_place, birth_place, political_status, party_joined, work_started, health,
         full_time_education, in_service_education, professional_title, specialty, current_position, proposed_position, dismissed_position,
         appointment_reason, rewards, appraisals)
       VALUES (@personId, @nativePlace, @birthPlace, @politicalStatus, @partyJoined, @workStarted, @health,
         @fullTimeEducation, @inServiceEducation, @professionalTitle, @specialty, @currentPosition, @proposedPosition, @dismissedPosition,
         @appointmentReason, @rewards, @appraisals)
       ON CONFLICT (person_id) DO UPDATE SET native_place = excluded.native_place, birth_place = excluded.birth_place,
         political_status = excluded.political_status, party_joined = excluded.party_joined, work_started = excluded.work_started,
         health = excluded.health, full_time_education = excluded.full_time_education, in_service_education = excluded.in_service_education,
         professional_title = excluded.professional_title, specialty = excluded.specialty, current_position = excluded.current_position,
         proposed_position = excluded.proposed_position, dismissed_position = excluded.dismissed_position,
         appointment_reason = excluded.appointment_reason, rewards = excluded.rewards, appraisals = excluded.appraisals`,
      { ...p, personId, fullTimeEducation: JSON.stringify(p.fullTimeEducation), inServiceEducation: JSON.stringify(p.inServiceEducation) }
    )
    store.run('DELETE FROM person_resume WHERE person_id = ?', personId)
    const resume = 'INSERT INTO person_resume (person_id, seq, start, end, text) VALUES (?, ?, ?, ?, ?)'
    data.resume.forEach((l, i) => store.run(resume, personId, i + 1, l.start, l.end, l.text))
    store.run('DELETE FROM person_family WHERE person_id = ?', personId)
    const family = 'INSERT INTO person_family (person_id, seq, relation, name, birth_year_month, political_status, work_unit) VALUES (?, ?, ?, ?, ?, ?, ?)'
    data.family.forEach((f, i) => store.run(family, personId, i + 1, f.relation, f.name, f.birthYearMonth, f.politicalStatus, f.workUnit))
    store.run('DELETE FROM person_tags WHERE person_id = ?', personId)
    for (const t of data.tags) store.run('INSERT INTO person_tags (person_id, tag) VALUES (?, ?)', personId, t)
    const after = { profile: p, resume: data.resume, family: data.family, tags: data.tags }
    audit({
      action: before ? 'update' : 'create',
      entity: 'person_record',
      entityId: personId,
      summary: `${before ? '修改' : '登记'}“${data.person.name}”的干部信息`,
      before: before ? { profile: before.profile, resume: before.resume, family: before.family, tags: before.tags } : undefined,
      after
    })
  }
}

/** The profile fields a candidate roster carries (政治面貌, 入党时间, 全日制学历); undefined means "not given". */
export interface RosterProfile {
  politicalStatus?: string
  partyJoined?: string
  education?: string
}

/**
 * Reads and writes those few fields for many people at once (an import), leaving the rest of each
 * cadre record as it is.
 */
export function rosterProfiles(store: Store): {
  find(personIds: number[]): Map<number, RosterProfile>
  write(personId: number, p: RosterProfile): void
} {
  const read = `SELECT person_id AS personId, political_status AS politicalStatus, party_joined AS partyJoined,
       json_extract(full_time_education, '$.level') AS education
     FROM person_profiles WHERE person_id IN (SELECT value FROM json_each(?))`
  const upsert = `INSERT INTO person_profiles (person_id, political_status, party_joined, full_time_education)
     VALUES (@personId, @politicalStatus, COALESCE(@partyJoined, ''), json_object('level', @education, 'degree', '', 'school', ''))
     ON CONFLICT (person_id) DO UPDATE SET political_status = COALESCE(@politicalStatus, political_status),
       party_joined = COALESCE(@partyJoined, party_joined),
       full_time_education = CASE WHEN @education IS NULL THEN full_time_education ELSE json_set(full_time_education, '$.level', @education) END`
  return {
    find: (personIds) => {
      const rows = allByKeys<{ personId: number; politicalStatus: string | null; partyJoined: string; education: string | null }>(store, read, personIds)
      return new Map(rows.map((r) => [r.personId, { politicalStatus: r.politicalStatus ?? '', partyJoined: r.partyJoined, education: r.education ?? '' }]))
    },
    write: (personId, p) =>
      store.run(upsert, { personId, politicalStatus: p.politicalStatus ?? null, partyJoined: p.partyJoined ?? null, education: p.education ?? null })
  }
}
