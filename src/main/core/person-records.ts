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
import type Database from 'better-sqlite3'
import { allByKeys } from './batched'
import { nowStamp } from './clock'
import type { PersonService, PersonQuery } from './persons'
import { toCamel } from './row-mapping'
import type { AuditEntry, Store } from './store'

type Audit = (entry: AuditEntry) => void

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
    readonly persons: PersonService
  ) {}

  /** Lists never carry a full ID number. */
  list(q: PersonQuery & { tag?: string | null } = {}): PersonListRow[] {
    let people = this.persons.list({ ...q, limit: q.limit ?? 5000 })
    const tags = this.tagsByPerson()
    if (q.tag) people = people.filter((p) => tags.get(p.id)?.includes(q.tag!))
    const findings = new Map(
      (this.store.db.prepare('SELECT person_id, count(*) AS n FROM negative_findings GROUP BY person_id').all() as { person_id: number; n: number }[]).map(
        (r) => [r.person_id, r.n]
      )
    )
    return people.map((p) => ({ ...p, idNumber: maskIdNumber(p.idNumber), tags: tags.get(p.id) ?? [], findings: findings.get(p.id) ?? 0 }))
  }

  require(personId: number): PersonRecord {
    const person = this.persons.require(personId)
    const db = this.store.db
    const row = db.prepare('SELECT * FROM person_profiles WHERE person_id = ?').get(personId) as Record<string, unknown> | undefined
    const profile: ProfileData = row
      ? profileInput.parse({
          ...toCamel(row),
          fullTimeEducation: JSON.parse(row.full_time_education as string),
          inServiceEducation: JSON.parse(row.in_service_education as string)
        })
      : profileInput.parse({})
    const resume = db.prepare('SELECT start, end, text FROM person_resume WHERE person_id = ? ORDER BY seq').all(personId) as ResumeLine[]
    const family = (db.prepare('SELECT * FROM person_family WHERE person_id = ? ORDER BY seq').all(personId) as Record<string, unknown>[]).map(
      (r) => {
        const c = toCamel(r)
        return { relation: c.relation, name: c.name, birthYearMonth: c.birthYearMonth, politicalStatus: c.politicalStatus, workUnit: c.workUnit } as FamilyMember
      }
    )
    const tags = db.prepare('SELECT tag FROM person_tags WHERE person_id = ? ORDER BY rowid').pluck().all(personId) as string[]
    const hasPhoto = db.prepare('SELECT 1 FROM person_photos WHERE person_id = ?').get(personId) !== undefined
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
      const candidacy = this.store.db.prepare('SELECT 1 FROM candidates WHERE person_id = ?').get(personId)
      if (candidacy) throw failure('in_use', `“${before.person.name}”已被提名为人选，请先撤回提名再删除`)
      for (const t of SIDE_TABLES) this.store.db.prepare(`DELETE FROM ${t} WHERE person_id = ?`).run(personId)
      audit({ action: 'delete', entity: 'person_record', entityId: personId, summary: `删除“${before.person.name}”的干部信息`, before })
      this.persons.remove(personId)
    })
  }

  photo(personId: number): { mime: string; base64: string } | null {
    const row = this.store.db.prepare('SELECT mime, data FROM person_photos WHERE person_id = ?').get(personId) as
      | { mime: string; data: Buffer }
      | undefined
    return row ? { mime: row.mime, base64: row.data.toString('base64') } : null
  }

  setPhoto(personId: number, base64: string): { mime: string; bytes: number } {
    const person = this.persons.require(personId)
    const bytes = Buffer.from(base64, 'base64')
    const type = photoType(bytes)
    if (!type.ok) throw failure('validation', type.reason, { photo: type.reason })
    return this.store.write((audit) => {
      this.store.db
        .prepare(
          `INSERT INTO person_photos (person_id, mime, data, updated_at) VALUES (?, ?, ?, ?)
           ON CONFLICT (person_id) DO UPDATE SET mime = excluded.mime, data = excluded.data, updated_at = excluded.updated_at`
        )
        .run(personId, type.mime, bytes, nowStamp())
      audit({ action: 'update', entity: 'person_photo', entityId: personId, summary: `更新“${person.name}”的照片`, after: { mime: type.mime, bytes: bytes.length } })
      return { mime: type.mime, bytes: bytes.length }
    })
  }

  removePhoto(personId: number): void {
    const person = this.persons.require(personId)
    this.store.write((audit) => {
      const n = this.store.db.prepare('DELETE FROM person_photos WHERE person_id = ?').run(personId).changes
      if (n > 0) audit({ action: 'delete', entity: 'person_photo', entityId: personId, summary: `删除“${person.name}”的照片` })
    })
  }

  allTags(): string[] {
    return this.store.db.prepare('SELECT DISTINCT tag FROM person_tags ORDER BY tag').pluck().all() as string[]
  }

  tagsByPerson(): Map<number, string[]> {
    const map = new Map<number, string[]>()
    for (const r of this.store.db.prepare('SELECT person_id, tag FROM person_tags ORDER BY rowid').all() as { person_id: number; tag: string }[]) {
      map.set(r.person_id, [...(map.get(r.person_id) ?? []), r.tag])
    }
    return map
  }

  private writeDetails(personId: number, data: PersonRecordData, audit: Audit, before: PersonRecord | null): void {
    const db = this.store.db
    const p = data.profile
    db.prepare(
      `INSERT INTO person_profiles (person_id, native_place, birth_place, political_status, party_joined, work_started, health,
         full_time_education, in_service_education, professional_title, specialty, current_position, rewards, appraisals)
       VALUES (@personId, @nativePlace, @birthPlace, @politicalStatus, @partyJoined, @workStarted, @health,
         @fullTimeEducation, @inServiceEducation, @professionalTitle, @specialty, @currentPosition, @rewards, @appraisals)
       ON CONFLICT (person_id) DO UPDATE SET native_place = excluded.native_place, birth_place = excluded.birth_place,
         political_status = excluded.political_status, party_joined = excluded.party_joined, work_started = excluded.work_started,
         health = excluded.health, full_time_education = excluded.full_time_education, in_service_education = excluded.in_service_education,
         professional_title = excluded.professional_title, specialty = excluded.specialty, current_position = excluded.current_position,
         rewards = excluded.rewards, appraisals = excluded.appraisals`
    ).run({
      ...p,
      personId,
      fullTimeEducation: JSON.stringify(p.fullTimeEducation),
      inServiceEducation: JSON.stringify(p.inServiceEducation)
    })
    db.prepare('DELETE FROM person_resume WHERE person_id = ?').run(personId)
    const resume = db.prepare('INSERT INTO person_resume (person_id, seq, start, end, text) VALUES (?, ?, ?, ?, ?)')
    data.resume.forEach((l, i) => resume.run(personId, i + 1, l.start, l.end, l.text))
    db.prepare('DELETE FROM person_family WHERE person_id = ?').run(personId)
    const family = db.prepare(
      'INSERT INTO person_family (person_id, seq, relation, name, birth_year_month, political_status, work_unit) VALUES (?, ?, ?, ?, ?, ?, ?)'
    )
    data.family.forEach((f, i) => family.run(personId, i + 1, f.relation, f.name, f.birthYearMonth, f.politicalStatus, f.workUnit))
    db.prepare('DELETE FROM person_tags WHERE person_id = ?').run(personId)
    const tag = db.prepare('INSERT INTO person_tags (person_id, tag) VALUES (?, ?)')
    for (const t of data.tags) tag.run(personId, t)
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
export function rosterProfiles(db: Database.Database): {
  find(personIds: number[]): Map<number, RosterProfile>
  write(personId: number, p: RosterProfile): void
} {
  const read = db.prepare(
    `SELECT person_id AS personId, political_status AS politicalStatus, party_joined AS partyJoined,
       json_extract(full_time_education, '$.level') AS education
     FROM person_profiles WHERE person_id IN (SELECT value FROM json_each(?))`
  )
  const upsert = db.prepare(
    `INSERT INTO person_profiles (person_id, political_status, party_joined, full_time_education)
     VALUES (@personId, @politicalStatus, COALESCE(@partyJoined, ''), json_object('level', @education, 'degree', '', 'school', ''))
     ON CONFLICT (person_id) DO UPDATE SET political_status = COALESCE(@politicalStatus, political_status),
       party_joined = COALESCE(@partyJoined, party_joined),
       full_time_education = CASE WHEN @education IS NULL THEN full_time_education ELSE json_set(full_time_education, '$.level', @education) END`
  )
  return {
    find: (personIds) => {
      const rows = allByKeys<{ personId: number; politicalStatus: string | null; partyJoined: string; education: string | null }>(read, personIds)
      return new Map(rows.map((r) => [r.personId, { politicalStatus: r.politicalStatus ?? '', partyJoined: r.partyJoined, education: r.education ?? '' }]))
    },
    write: (personId, p) =>
      upsert.run({ personId, politicalStatus: p.politicalStatus ?? null, partyJoined: p.partyJoined ?? null, education: p.education ?? null })
  }
}
