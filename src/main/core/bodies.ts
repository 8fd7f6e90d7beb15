import {
  BODY_LABELS,
  bodyCounts,
  isCloseRelation,
  SUPERVISORS_MAX,
  type BodyCounts,
  type BodyMemberData,
  type BodyMemberRow,
  type OtherBody
} from '../../shared/bodies'
import { failure } from '../../shared/result'
import type { Clock } from './clock'
import { personFor } from './members'
import type { PersonService } from './persons'
import type { AuditEntry, Store } from './store'

const ROW_SQL = `SELECT b.id, b.village_id AS villageId, g.name AS villageName, b.body, b.post, b.person_id AS personId, p.name,
  p.id_number AS idNumber, p.sex, p.birth_date AS birthDate, b.group_name AS groupName, b.elected_on AS electedOn, b.note
  FROM body_members b JOIN persons p ON p.id = b.person_id JOIN villages g ON g.id = b.village_id`

const ORDER = `ORDER BY g.division_code IS NULL, g.division_code, g.name, b.body, b.post = '主任' DESC, b.group_name, b.id`

/** A 两委 member of the new term the candidate may not sit beside, and why. */
interface Conflict {
  memberName: string
  posts: string
  /** How the two are related, as a person's record writes it; '' when it is the member themself. */
  relation: string
  /** Whose family record names the other: the member's (the candidate is the member's 配偶) or the candidate's. */
  recordedBy: 'member' | 'candidate' | null
}

/** Year and month of a birth date or a 出生年月 (1980.05, 198005, 1980-05-12), for telling namesakes apart. */
const yearMonth = (s: string | null): string => (s ? s.replace(/[.\-/年月]/g, '').slice(0, 6) : '')

/**
 * The other bodies of the round, each a roster of persons: 村(居)务监督委员会 (3–5, a 主任, none of them a
 * 两委 member or a close relative of one), 村民代表 and 村民小组长.
 */
export class BodyService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly persons: PersonService
  ) {}

  roster(q: { body?: OtherBody | null; villageId?: number | null } = {}): BodyMemberRow[] {
    return this.store.all<BodyMemberRow>(
      `${ROW_SQL} WHERE (@body IS NULL OR b.body = @body) AND (@villageId IS NULL OR b.village_id = @villageId) ${ORDER}`,
      { body: q.body ?? null, villageId: q.villageId ?? null }
    )
  }

  require(id: number): BodyMemberRow {
    const row = this.store.one<BodyMemberRow>(`${ROW_SQL} WHERE b.id = ?`, id)
    if (!row) throw failure('not_found', '该成员记录不存在，可能已被删除')
    return row
  }

  /** Counts per village (every village, none left out) for the statistics. */
  counts(): Map<number, BodyCounts> {
    const rows = this.roster()
    const ids = this.store.all<{ id: number }>('SELECT id FROM villages')
    return new Map(ids.map(({ id }) => [id, bodyCounts(rows.filter((r) => r.villageId === id))]))
  }

  create(data: BodyMemberData): BodyMemberRow {
    return this.store.write((audit) => {
      const id = this.addIn(data, audit)
      const after = this.require(id)
      audit({ action: 'create', entity: 'body_member', entityId: id, summary: `登记${after.villageName}${BODY_LABELS[data.body]}${data.post}“${after.name}”`, after })
      return after
    })
  }

  remove(id: number): void {
    this.store.write((audit) => {
      const before = this.require(id)
      this.store.run('DELETE FROM body_members WHERE id = ?', id)
      audit({ action: 'delete', entity: 'body_member', entityId: id, summary: `删除${before.villageName}${BODY_LABELS[before.body]}“${before.name}”`, before })
    })
  }

  /** For importers: joins the caller's transaction; the same checks as a form's entry. Returns the row's id. */
  addIn(data: BodyMemberData, audit: (e: AuditEntry) => void): number {
    const village = this.store.value<string>('SELECT name FROM villages WHERE id = ?', data.villageId)
    if (!village) throw failure('validation', '所选村社不存在', { villageId: '村社不存在' })
    const personId = personFor(this.persons, data, audit)
    const existing = this.store.value<number>('SELECT id FROM body_members WHERE village_id = ? AND body = ? AND person_id = ?', data.villageId, data.body, personId)
    if (data.body === '监督委员会') this.checkSupervisor(data, personId, existing ?? null)
    if (data.body === '村民小组长') {
      const other = this.store.value<string>(
        `SELECT p.name FROM body_members b JOIN persons p ON p.id = b.person_id
         WHERE b.village_id = ? AND b.body = '村民小组长' AND b.group_name = ? AND b.person_id <> ?`,
        data.villageId, data.groupName, personId
      )
      if (other) throw failure('conflict', `${village}${data.groupName}已有组长“${other}”`, { groupName: `已有组长${other}` })
    }
    const now = this.clock.now()
    if (existing !== undefined) {
      this.store.run(
        'UPDATE body_members SET post = ?, group_name = ?, elected_on = COALESCE(?, elected_on), note = ?, updated_at = ? WHERE id = ?',
        data.post, data.groupName, data.electedOn, data.note, now, existing
      )
      return existing
    }
    const info = this.store.run(
      `INSERT INTO body_members (village_id, body, person_id, post, group_name, elected_on, note, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      data.villageId, data.body, personId, data.post, data.groupName, data.electedOn, data.note, now, now
    )
    return Number(info.lastInsertRowid)
  }

  /** No more than five, one 主任, and nobody of the new 两委 or close kin to one of them (named, both). */
  private checkSupervisor(data: BodyMemberData, personId: number, existing: number | null): void {
    const seated = this.store.all<{ id: number; post: string; name: string }>(
      `SELECT b.id, b.post, p.name FROM body_members b JOIN persons p ON p.id = b.person_id WHERE b.village_id = ? AND b.body = '监督委员会'`,
      data.villageId
    )
    const others = seated.filter((s) => s.id !== existing)
    if (others.length >= SUPERVISORS_MAX) throw failure('validation', `村务监督委员会已有${SUPERVISORS_MAX}名成员，不能再增加`)
    const director = others.find((s) => s.post === '主任')
    if (data.post === '主任' && director) throw failure('conflict', `村务监督委员会已有主任“${director.name}”`, { post: `已有主任${director.name}` })
    const c = this.conflictOf(data.villageId, personId)
    if (!c) return
    const who = `本届两委成员${c.memberName}（${c.posts}）`
    const why =
      c.recordedBy === null ? `是${who}` : c.recordedBy === 'member' ? `是${who}的${c.relation}` : `${who}是其${c.relation}`
    throw failure('conflict', `${data.name}不能担任村务监督委员会成员：${why}`, { name: why })
  }

  private conflictOf(villageId: number, personId: number): Conflict | null {
    const members = this.store.all<{ personId: number; name: string; birthDate: string | null; posts: string }>(
      `SELECT m.person_id AS personId, p.name, p.birth_date AS birthDate,
         group_concat(CASE m.body WHEN '党组织' THEN '党组织' ELSE '村(居)委会' END || m.post, '、') AS posts
       FROM committee_members m JOIN persons p ON p.id = m.person_id
       WHERE m.village_id = ? AND m.term = '本届' GROUP BY m.person_id ORDER BY min(m.id)`,
      villageId
    )
    const self = members.find((m) => m.personId === personId)
    if (self) return { memberName: self.name, posts: self.posts, relation: '', recordedBy: null }
    const candidate = this.store.one<{ name: string; birthDate: string | null }>('SELECT name, birth_date AS birthDate FROM persons WHERE id = ?', personId)!
    const family = (id: number) =>
      this.store.all<{ relation: string; name: string; birthYearMonth: string }>(
        'SELECT relation, name, birth_year_month AS birthYearMonth FROM person_family WHERE person_id = ? ORDER BY seq',
        id
      )
    // A family record names a person by name (and 出生年月 where written): a namesake born in another month is someone else.
    const names = (f: { name: string; birthYearMonth: string }, p: { name: string; birthDate: string | null }) =>
      f.name === p.name && (!f.birthYearMonth || !p.birthDate || yearMonth(f.birthYearMonth) === yearMonth(p.birthDate))
    const own = family(personId)
    for (const m of members) {
      const theirs = family(m.personId).find((f) => isCloseRelation(f.relation) && names(f, candidate))
      if (theirs) return { memberName: m.name, posts: m.posts, relation: theirs.relation, recordedBy: 'member' }
      const mine = own.find((f) => isCloseRelation(f.relation) && names(f, m))
      if (mine) return { memberName: m.name, posts: m.posts, relation: mine.relation, recordedBy: 'candidate' }
    }
    return null
  }
}
