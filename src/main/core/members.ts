import type { MemberData, MemberRow, Term } from '../../shared/election'
import type { Body } from '../../shared/election-rules'
import { ageOn } from '../../shared/idcard'
import { nameMismatch } from '../../shared/person'
import { failure } from '../../shared/result'
import type { Clock } from './clock'
import type { PersonService } from './persons'
import type { AuditEntry, Store } from './store'
import { inVillageOrder } from './village-order'
import { committeeDateSql, partyDateSql } from './election-days'

type Audit = (entry: AuditEntry) => void

const ROW_SQL = `SELECT m.id, m.village_id AS villageId, g.name AS villageName, m.person_id AS personId, p.name, p.id_number AS idNumber,
  p.sex, p.birth_date AS birthDate, p.ethnicity, p.phone, m.term, m.body, m.post, m.political_status AS politicalStatus, m.education,
  m.fulltime_education AS fulltimeEducation, m.elected_on AS electedOn, m.election_id AS electionId,
  COALESCE(m.elected_on, CASE WHEN m.term = '本届' THEN
    CASE m.body WHEN '党组织' THEN COALESCE(${partyDateSql('g')}, ${committeeDateSql('g')})
    ELSE COALESCE(${committeeDateSql('g')}, ${partyDateSql('g')}) END END) AS referenceDate
  FROM committee_members m JOIN persons p ON p.id = m.person_id JOIN villages g ON g.id = m.village_id`

/** Within a village; the villages themselves come in the register's order (inVillageOrder). */
const ORDER = `ORDER BY m.body DESC,
  CASE m.post WHEN '书记' THEN 1 WHEN '主任' THEN 1 WHEN '副书记' THEN 2 WHEN '副主任' THEN 2 ELSE 3 END, m.id`

function withAge(c: Omit<MemberRow, 'age'>): MemberRow {
  return { ...c, age: c.birthDate && c.referenceDate ? ageOn(c.birthDate, c.referenceDate) : null }
}

/**
 * The members of the two committees, outgoing (上届) and new (本届). New members come from the
 * election results or from an imported roster; outgoing ones are entered or imported.
 */
export class MemberService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly persons: PersonService
  ) {}

  roster(q: { term?: Term | null; villageId?: number | null } = {}): MemberRow[] {
    const rows = this.store.all<Omit<MemberRow, 'age'>>(
      `${ROW_SQL} WHERE (@term IS NULL OR m.term = @term) AND (@villageId IS NULL OR m.village_id = @villageId) ${ORDER}`,
      { term: q.term ?? null, villageId: q.villageId ?? null }
    )
    return inVillageOrder(this.store, rows, (m) => m.villageId).map(withAge)
  }

  require(id: number): MemberRow {
    const r = this.store.one<Omit<MemberRow, 'age'>>(`${ROW_SQL} WHERE m.id = ?`, id)
    if (!r) throw failure('not_found', '该成员记录不存在，可能已被删除')
    return withAge(r)
  }

  create(data: MemberData): MemberRow {
    return this.store.write((audit) => {
      const { id } = this.upsertIn(data, audit)
      const after = this.require(id)
      audit({ action: 'create', entity: 'committee_member', entityId: id, summary: `登记${data.term}${data.body}${data.post}“${after.name}”`, after })
      return after
    })
  }

  /**
   * For importers and for election results: joins the caller's transaction. The ID number finds the
   * person (created when new); one person holds one seat per committee and term.
   */
  upsertIn(
    data: MemberData,
    audit: Audit,
    fromElection: { electionId: number; personId: number } | null = null
  ): { id: number; created: boolean } {
    const store = this.store
    const personId = fromElection?.personId ?? personFor(this.persons, data, audit)
    const electionId = fromElection?.electionId ?? null
    const existing = store.value<number>(
      'SELECT id FROM committee_members WHERE village_id = ? AND term = ? AND body = ? AND person_id = ?',
      data.villageId,
      data.term,
      data.body,
      personId
    )
    const now = this.clock.now()
    if (existing !== undefined) {
      store.run(
        `UPDATE committee_members SET post = @post, elected_on = COALESCE(@electedOn, elected_on), election_id = COALESCE(@electionId, election_id),
         political_status = COALESCE(NULLIF(@politicalStatus, ''), political_status), education = COALESCE(NULLIF(@education, ''), education),
         fulltime_education = COALESCE(NULLIF(@fulltimeEducation, ''), fulltime_education), updated_at = @now WHERE id = @id`,
        { ...data, electionId, now, id: existing }
      )
      return { id: existing, created: false }
    }
    const known = store.one<Pick<MemberData, 'politicalStatus' | 'education' | 'fulltimeEducation'>>(
      `SELECT political_status AS politicalStatus, education, fulltime_education AS fulltimeEducation FROM committee_members
       WHERE person_id = ? ORDER BY (political_status <> '') + (education <> '') DESC, id DESC LIMIT 1`,
      personId
    )
    const info = store.run(
      `INSERT INTO committee_members (village_id, person_id, term, body, post, political_status, education, fulltime_education,
       elected_on, election_id, created_at, updated_at) VALUES (@villageId, @personId, @term, @body, @post, @politicalStatus,
       @education, @fulltimeEducation, @electedOn, @electionId, @now, @now)`,
      {
        ...data,
        politicalStatus: data.politicalStatus || known?.politicalStatus || profileStatus(store, personId),
        education: data.education || known?.education || '',
        fulltimeEducation: data.fulltimeEducation || known?.fulltimeEducation || '',
        personId,
        electionId,
        now
      }
    )
    return { id: Number(info.lastInsertRowid), created: true }
  }

  updateAttributes(id: number, a: Pick<MemberData, 'politicalStatus' | 'education' | 'fulltimeEducation'>): MemberRow {
    return this.store.write((audit) => {
      const before = this.require(id)
      this.store.run(
        'UPDATE committee_members SET political_status = ?, education = ?, fulltime_education = ?, updated_at = ? WHERE id = ?',
        a.politicalStatus,
        a.education,
        a.fulltimeEducation,
        this.clock.now(),
        id
      )
      const after = this.require(id)
      audit({ action: 'update', entity: 'committee_member', entityId: id, summary: `修改成员“${after.name}”的政治面貌与学历`, before, after })
      return after
    })
  }

  remove(id: number): void {
    this.store.write((audit) => {
      const before = this.require(id)
      if (before.electionId !== null) {
        throw failure('in_use', `${before.name}是由选举结果产生的成员，请修改该村的选举结果，而不是直接删除`)
      }
      this.store.run('DELETE FROM committee_members WHERE id = ?', id)
      audit({ action: 'delete', entity: 'committee_member', entityId: id, summary: `删除${before.term}成员“${before.name}”`, before })
    })
  }

  /** Makes the seats of one election match who it elected; attributes already entered stay. */
  syncElectedIn(
    election: { id: number; villageId: number; body: Body; heldOn: string },
    elected: { personId: number; post: MemberData['post'] }[],
    audit: Audit
  ): void {
    const keep = new Set<number>()
    for (const e of elected) {
      const { id } = this.upsertIn(
        {
          villageId: election.villageId,
          term: '本届',
          body: election.body,
          post: e.post,
          idNumber: null,
          name: '',
          sex: null,
          electedOn: election.heldOn,
          politicalStatus: '',
          education: '',
          fulltimeEducation: ''
        },
        audit,
        { electionId: election.id, personId: e.personId }
      )
      keep.add(id)
    }
    const held = this.store.all<{ id: number }>('SELECT id FROM committee_members WHERE election_id = ?', election.id)
    for (const { id } of held) if (!keep.has(id)) this.store.run('DELETE FROM committee_members WHERE id = ?', id)
  }
}

/** The 政治面貌 of the person's cadre record, so a member elected from the 人选库 counts as what they are. */
const profileStatus = (store: Store, personId: number): string =>
  store.value<string | null>('SELECT political_status FROM person_profiles WHERE person_id = ?', personId) ?? ''

/** The ID number finds the person; a new one is created, a known one must carry the same name. */
export function personFor(
  persons: PersonService,
  d: { idNumber: string | null; name: string; sex: '男' | '女' | null; villageId: number },
  audit: Audit
): number {
  if (d.idNumber) {
    const found = persons.findByIdNumber(d.idNumber)
    if (found) {
      if (found.name !== d.name) {
        const reason = nameMismatch(d.idNumber, found.name, d.name)
        throw failure('conflict', reason, { name: reason })
      }
      return found.id
    }
  }
  if (!d.idNumber) persons.refuseUnidentifiedNamesake(d.name, d.villageId)
  return persons.createIn({ idNumber: d.idNumber, name: d.name, sex: d.sex, birthDate: null, ethnicity: '', villageId: d.villageId, phone: '' }, audit).id
}
