import { checkIdNumber, type Sex } from '../../shared/idcard'
import { naturalCompare, naturalKey } from '../../shared/natural-order'
import { failure } from '../../shared/result'
import {
  objectionTiming,
  proxyProblem,
  publicationCheck,
  voterEligibility,
  voterQuery,
  type Objection,
  type Proxy,
  type Publication,
  type VoterChange,
  type VoterCounts,
  type VoterData,
  type VoterQuery,
  type VoterCategory,
  type VoterRow
} from '../../shared/voter'
import type { VotingRules } from '../../shared/voting-rules'
import type { Clock } from './clock'
import { matchingPersons } from './person-search'
import type { SettingsService } from './settings'
import { listedTotal, tallyCounts } from './voter-tallies'
import { addCounts, emptyCounts, inListOrder, LIST_PAGE, ROW_SQL, toVoterRow, type PageAt, type VoterListEntry, type VoterRecord } from './voter-rows'
import type { Store } from './store'
import { VoterWriter } from './voter-writer'
import { votingRulesSetting } from '../../shared/settings'
import { committeeDateSql } from './election-days'

/** 村民小组 in natural order through the stored key (migration 012), which the list's index walks. */
const LIST_ORDER = 'ORDER BY v.village_id, v.group_key, v.id'
/** Below this many matches a search's page is read by sorting them, whatever else. */
const WALK_AT_LEAST = 2000

export class VoterService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly settings: SettingsService
  ) {}

  rules(): VotingRules {
    return this.settings.get(votingRulesSetting)
  }

  /** For importers: call `upsert` per row inside `store.write`, then record one audit entry. */
  writer(): VoterWriter {
    return new VoterWriter(this.store, this.clock)
  }

  list(query: VoterQuery = {}): { rows: VoterRow[]; total: number } {
    const q = voterQuery.parse(query)
    const filters: string[] = []
    const args: Record<string, unknown> = { status: q.status }
    if (q.villageId) {
      filters.push('v.village_id = @villageId')
      args.villageId = q.villageId
    }
    if (q.groupName !== null) {
      filters.push('v.group_key = @groupKey')
      args.groupKey = naturalKey(q.groupName)
    }
    if (q.category) {
      filters.push('v.category = @category')
      args.category = q.category
    }
    const w = `WHERE ${['v.status = @status', ...filters].join(' AND ')}`
    const offset = (q.page - 1) * q.pageSize
    let total: number
    let ids: number[]
    if (q.search) {
      ;({ total, ids } = this.searched(matchingPersons(this.store, q.search), q, filters, args, offset))
    } else {
      total = q.status !== '在册' ? (this.store.value<number>(`SELECT count(*) FROM voters v ${w}`, args) ?? 0) : listedTotal(this.store, q)
      // The page's ids from the voters' own list index first: joined at once, SQLite sorted the whole village.
      ids = this.store.values<number>(`SELECT v.id FROM voters v ${w} ${LIST_ORDER} LIMIT @limit OFFSET @offset`, { ...args, limit: q.pageSize, offset })
    }
    const records = ids.length ? this.store.all<VoterRecord>(`${ROW_SQL} WHERE v.id IN (SELECT value FROM json_each(?)) ${LIST_ORDER}`, JSON.stringify(ids)) : []
    return { rows: records.map((r) => toVoterRow(r)), total }
  }

  /**
   * The voters of the people a search found, with the list's filters: how many, and one page's ids in list order.
   * On the list they are reached through the one-place index, which holds only those (so the status is written
   * out, and a count needs no voter row); a removed voter is looked for among the few removed. A page is read
   * the cheaper way: the matches sorted, or, when they are a good part of the list, the list walked in its own
   * order until the page is full (a surname matches thousands).
   */
  private searched(persons: number[], q: ReturnType<typeof voterQuery.parse>, filters: string[], args: Record<string, unknown>, offset: number): { total: number; ids: number[] } {
    const listed = q.status === '在册'
    const from = listed
      ? `json_each(@persons) j CROSS JOIN voters v ON v.person_id = j.value AND v.status = '在册'`
      : `voters v JOIN json_each(@persons) j ON j.value = v.person_id`
    const where = listed ? filters : ['v.status = @status', ...filters]
    const w = where.length ? `WHERE ${where.join(' AND ')}` : ''
    const params = { ...args, persons: JSON.stringify(persons) }
    const total = this.store.value<number>(`SELECT count(*) FROM ${from} ${w}`, params) ?? 0
    const end = offset + q.pageSize
    const onList = listed ? listedTotal(this.store, q) : 0
    if (total === 0 || offset >= total) return { total, ids: [] }
    if (!listed || total <= WALK_AT_LEAST || (end * onList) / total > total) {
      return { total, ids: this.store.values<number>(`SELECT v.id FROM ${from} ${w} ${LIST_ORDER} LIMIT @limit OFFSET @offset`, { ...params, limit: q.pageSize, offset }) }
    }
    const wanted = new Set(persons)
    const ids: number[] = []
    let skip = offset
    const walk = this.store.prepare(`SELECT v.id, v.person_id FROM voters v WHERE ${['v.status = @status', ...filters].join(' AND ')} ${LIST_ORDER}`).raw()
    for (const [id, person] of walk.iterate(args) as IterableIterator<[number, number]>) {
      if (!wanted.has(person)) continue
      if (skip > 0) skip--
      else if (ids.push(id) === q.pageSize) break
    }
    return { total, ids }
  }

  require(id: number): VoterRow {
    const r = this.store.one<VoterRecord>(`${ROW_SQL} WHERE v.id = ?`, id)
    if (!r) throw failure('not_found', '该选民不存在，可能已被删除，请刷新列表')
    return toVoterRow(r)
  }

  /**
   * The 选民名单 of one village in list order, one row at a time (exports stream it). Only people on
   * the list; `eligibleOnly` leaves out those who may not vote, as the published list does.
   * Read a page at a time: an open SQLite cursor would make every write fail ("connection is busy")
   * for as long as a 100,000-row export takes.
   */
  *iterate(villageId: number, eligibleOnly = true): IterableIterator<VoterRow> {
    const page = (at: PageAt) =>
      this.store.all<VoterRecord>(
        `${ROW_SQL} WHERE v.village_id = @villageId AND v.status = '在册' AND v.group_key = @group AND v.id > @id
         ORDER BY v.id LIMIT ${LIST_PAGE}`,
        { ...at, group: naturalKey(at.group) }
      )
    const pages = inListOrder(page, villageId, this.groups(villageId), (r) => r.id)
    for (const rows of pages) {
      for (const r of rows) {
        const row = toVoterRow(r)
        if (!eligibleOnly || row.eligible) yield row
      }
    }
  }

  /**
   * The posted list (选民名单) of a village: only what it prints, read as plain arrays a page at a time
   * (no cursor stays open, so clerks can save while a long list is written). The same voters, in the
   * same order, as `iterate(villageId)`.
   */
  *listed(villageId: number): IterableIterator<VoterListEntry> {
    const village = this.store.one<{ villageName: string; electionDate: string | null }>(
      `SELECT name AS villageName, ${committeeDateSql('villages')} AS electionDate FROM villages WHERE id = ?`,
      villageId
    )
    if (!village) return
    const { villageName, electionDate } = village
    // Plain arrays, not objects: a posted list of 100,000 names is read this way.
    const statement = this.store
      .prepare(
        `SELECT v.group_name, v.id, p.name, p.sex, p.birth_date, v.category, v.note FROM voters v JOIN persons p ON p.id = v.person_id
         WHERE v.village_id = @villageId AND v.status = '在册' AND v.deprived = 0 AND v.group_key = @groupKey AND v.id > @id
         ORDER BY v.id LIMIT ${LIST_PAGE}`
      )
      .raw()
    type Listed = [string, number, string, Sex | null, string | null, VoterCategory, string]
    const page = (at: PageAt) => statement.all({ ...at, groupKey: naturalKey(at.group) }) as Listed[]
    for (const rows of inListOrder(page, villageId, this.groups(villageId), (r) => r[1])) {
      for (const [groupName, , name, sex, birthDate, category, note] of rows) {
        const e = voterEligibility({ birthDate, deprived: false }, electionDate)
        if (e.eligible) yield { villageName, groupName, name, sex, birthDate, ageOnElectionDay: e.age, category, note }
      }
    }
  }

  /** The village's 村民小组 in the order people count them (第2组 before 第10组). */
  groups(villageId: number): string[] {
    return this.store.values<string>(`SELECT DISTINCT group_name FROM voters WHERE village_id = ? AND status = '在册'`, villageId).sort(naturalCompare)
  }

  /** Per village (and per 村民小组 when one village is asked for) and the township total. */
  counts(villageId: number | null = null): { villages: VoterCounts[]; groups: VoterCounts[]; total: VoterCounts } {
    const villages = this.store.all<{ id: number; name: string; electionDate: string | null }>(
      `SELECT id, name, ${committeeDateSql('villages')} AS electionDate FROM villages WHERE (@id IS NULL OR id = @id) ORDER BY id`,
      { id: villageId }
    )
    const rows = tallyCounts(this.store, villageId)

    const byVillage = new Map(villages.map((v) => [v.id, emptyCounts(v.id, v.name, null, v.electionDate)]))
    const total = emptyCounts(null, '合计', null, null)
    const groups: VoterCounts[] = []
    for (const r of rows) {
      const v = byVillage.get(r.village_id)!
      const g = emptyCounts(v.villageId, v.villageName, r.group_name, v.electionDate)
      addCounts(g, r)
      addCounts(v, r)
      addCounts(total, r)
      groups.push(g)
    }
    return { villages: [...byVillage.values()], groups: villageId ? groups : [], total }
  }

  /** Registers a new voter; an ID already on this village's list is refused, never overwritten. */
  create(data: VoterData): VoterRow {
    return this.store.write((audit) => {
      this.writer().refuseRegistered(data)
      const r = this.writer().upsert(data)
      const after = this.require(r.voterId)
      audit({
        action: r.created ? 'create' : 'update',
        entity: 'voter',
        entityId: r.voterId,
        summary: `${r.created ? '登记' : '更新'}选民“${after.name}”（${after.villageName}）`,
        after
      })
      return after
    })
  }

  update(id: number, data: VoterData): VoterRow {
    return this.store.write((audit) => {
      const before = this.require(id)
      if (before.status !== '在册') throw failure('conflict', '该选民已除名，不能修改')
      const given = checkIdNumber(data.idNumber)
      if (given.ok && given.idNumber !== before.idNumber) {
        throw failure('validation', '身份证号不能修改：如登记错人，请将其除名后重新登记', { idNumber: '身份证号不能修改' })
      }
      if (before.villageId !== data.villageId) {
        throw failure('validation', '不能直接改登到其他村：请在原村除名后到新村登记', { villageId: '不能改村' })
      }
      this.writer().upsert(data)
      const after = this.require(id)
      audit({ action: 'update', entity: 'voter', entityId: id, summary: `修改选民“${after.name}”（${after.villageName}）`, before, after })
      return after
    })
  }

  /**
   * Before the list is published a wrong entry is simply taken out; afterwards it stays on record as
   * 已除名 with the reason, in the change list.
   */
  remove(id: number, reason: string, on: string): { id: number; kept: boolean } {
    return this.store.write((audit) => {
      const before = this.require(id)
      if (before.status !== '在册') throw failure('conflict', '该选民已经除名')
      const proxies = this.store.value<number>('SELECT count(*) FROM voter_proxies WHERE principal_id = ? OR holder_id = ?', id, id) ?? 0
      if (proxies > 0) throw failure('in_use', `${before.name}有委托投票记录，请先撤销委托后再除名`)
      const published = this.publication(before.villageId)
      if (!published) {
        this.store.run('DELETE FROM voters WHERE id = ?', id)
      } else {
        const now = this.clock.now()
        this.store.run(`UPDATE voters SET status = '已除名', removed_reason = ?, updated_at = ? WHERE id = ?`, reason, now, id)
        this.store.run(
          'INSERT INTO voter_changes (village_id, voter_id, kind, detail, changed_on, created_at) VALUES (?, ?, ?, ?, ?, ?)',
          before.villageId,
          id,
          '除名',
          reason,
          on,
          now
        )
      }
      audit({ action: 'delete', entity: 'voter', entityId: id, summary: `选民“${before.name}”${published ? '除名' : '删除'}：${reason}`, before })
      return { id, kept: published !== null }
    })
  }

  publication(villageId: number): Publication | null {
    const r = this.store.one<Omit<Publication, 'check'> & { electionDate: string | null }>(
      `SELECT p.village_id AS villageId, p.published_on AS publishedOn, p.voter_count AS voterCount, p.note AS note,
       ${committeeDateSql('g')} AS electionDate FROM voter_publications p JOIN villages g ON g.id = p.village_id WHERE p.village_id = ?`,
      villageId
    )
    if (!r) return null
    const { electionDate, ...rest } = r
    return { ...rest, check: publicationCheck(r.publishedOn, electionDate, this.rules().publicationDaysBefore) }
  }

  /** Records the 选民名单公告: from then on every addition and removal is kept as a change. */
  publish(villageId: number, publishedOn: string, note: string): Publication {
    return this.store.write((audit) => {
      const before = this.publication(villageId)
      const count = this.counts(villageId).total.eligible
      if (count === 0) throw failure('validation', '该村还没有可以公布的选民')
      this.store.run(
        `INSERT INTO voter_publications (village_id, published_on, voter_count, note, created_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (village_id) DO UPDATE SET published_on = excluded.published_on, voter_count = excluded.voter_count, note = excluded.note`,
        villageId,
        publishedOn,
        count,
        note,
        this.clock.now()
      )
      const after = this.publication(villageId)!
      audit({ action: before ? 'update' : 'create', entity: 'voter_publication', entityId: villageId, summary: `公布选民名单（${count}人，${publishedOn}）`, before, after })
      return after
    })
  }

  changes(villageId: number): VoterChange[] {
    return this.store.all<VoterChange>(
      `SELECT c.id AS id, c.voter_id AS voterId, p.name AS name, p.id_number AS idNumber, c.kind AS kind, c.detail AS detail,
       c.changed_on AS changedOn FROM voter_changes c
       JOIN voters v ON v.id = c.voter_id JOIN persons p ON p.id = v.person_id WHERE c.village_id = ? ORDER BY c.id`,
      villageId
    )
  }

  objections(villageId: number): Objection[] {
    const rules = this.rules()
    const published = this.publication(villageId)?.publishedOn ?? null
    const today = this.clock.today()
    return this.store
      .all<Omit<Objection, 'timing'>>(
        `SELECT id, village_id AS villageId, objector, subject, filed_on AS filedOn, answered_on AS answeredOn, answer
         FROM voter_objections WHERE village_id = ? ORDER BY filed_on, id`,
        villageId
      )
      .map((o) => ({ ...o, timing: objectionTiming(o, published, today, rules) }))
  }

  addObjection(o: { villageId: number; objector: string; subject: string; filedOn: string }): Objection {
    return this.store.write((audit) => {
      const now = this.clock.now()
      const info = this.store.run(
        `INSERT INTO voter_objections (village_id, objector, subject, filed_on, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`,
        o.villageId,
        o.objector,
        o.subject,
        o.filedOn,
        now,
        now
      )
      const after = this.objection(Number(info.lastInsertRowid))
      audit({ action: 'create', entity: 'voter_objection', entityId: after.id, summary: `登记选民名单申诉（${o.objector}）`, after })
      return after
    })
  }

  answerObjection(a: { id: number; answeredOn: string; answer: string }): Objection {
    return this.store.write((audit) => {
      const before = this.objection(a.id)
      if (a.answeredOn < before.filedOn) throw failure('validation', '答复日期不能早于申诉日期', { answeredOn: '早于申诉日期' })
      this.store.run('UPDATE voter_objections SET answered_on = ?, answer = ?, updated_at = ? WHERE id = ?', a.answeredOn, a.answer, this.clock.now(), a.id)
      const after = this.objection(a.id)
      audit({ action: 'update', entity: 'voter_objection', entityId: a.id, summary: `答复选民名单申诉（${before.objector}）`, before, after })
      return after
    })
  }

  private objection(id: number): Objection {
    const villageId = this.store.value<number>('SELECT village_id FROM voter_objections WHERE id = ?', id)
    const found = villageId === undefined ? undefined : this.objections(villageId).find((o) => o.id === id)
    if (!found) throw failure('not_found', '该申诉不存在')
    return found
  }

  proxies(villageId: number): Proxy[] {
    return this.store.all<Proxy>(
      `SELECT x.id AS id, x.principal_id AS principalId, pp.name AS principalName, x.holder_id AS holderId, hp.name AS holderName,
         x.relation AS relation, x.signed_on AS signedOn, (SELECT count(*) FROM voter_proxies y WHERE y.holder_id = x.holder_id) AS holderCount
         FROM voter_proxies x JOIN voters pv ON pv.id = x.principal_id JOIN persons pp ON pp.id = pv.person_id
         JOIN voters hv ON hv.id = x.holder_id JOIN persons hp ON hp.id = hv.person_id
         WHERE x.village_id = ? ORDER BY hp.name, x.id`,
      villageId
    )
  }

  addProxy(p: { principalId: number; holderId: number; relation: string; written: boolean; signedOn: string | null }): Proxy {
    return this.store.write((audit) => {
      const principal = this.require(p.principalId)
      const holder = this.require(p.holderId)
      for (const v of [principal, holder]) {
        if (!v.eligible || v.status !== '在册') throw failure('validation', `${v.name}不是有选举权的在册选民：${v.ineligibleReason || '已除名'}`)
      }
      if (principal.villageId !== holder.villageId) throw failure('validation', '委托人与受托人应为同一村的选民', { holderId: '不在同一村' })
      const count = (sql: string, id: number) => this.store.value<number>(sql, id) ?? 0
      const problem = proxyProblem(
        p,
        {
          holderCount: count('SELECT count(*) FROM voter_proxies WHERE holder_id = ?', p.holderId),
          holderIsPrincipal: count('SELECT count(*) FROM voter_proxies WHERE principal_id = ?', p.holderId) > 0,
          principalIsHolder: count('SELECT count(*) FROM voter_proxies WHERE holder_id = ?', p.principalId) > 0,
          principalHasProxy: count('SELECT count(*) FROM voter_proxies WHERE principal_id = ?', p.principalId) > 0
        },
        this.rules().proxyLimit
      )
      if (problem) throw failure('validation', problem, { holderId: problem })
      const info = this.store.run(
        `INSERT INTO voter_proxies (village_id, principal_id, holder_id, relation, written, signed_on, created_at) VALUES (?, ?, ?, ?, 1, ?, ?)`,
        principal.villageId,
        p.principalId,
        p.holderId,
        p.relation,
        p.signedOn,
        this.clock.now()
      )
      const after = this.proxies(principal.villageId).find((x) => x.id === Number(info.lastInsertRowid))!
      audit({ action: 'create', entity: 'voter_proxy', entityId: after.id, summary: `登记委托投票：${principal.name}委托${holder.name}`, after })
      return after
    })
  }

  removeProxy(id: number): void {
    this.store.write((audit) => {
      const before = this.store.one<Record<string, unknown>>('SELECT * FROM voter_proxies WHERE id = ?', id)
      if (!before) throw failure('not_found', '该委托记录不存在')
      this.store.run('DELETE FROM voter_proxies WHERE id = ?', id)
      audit({ action: 'delete', entity: 'voter_proxy', entityId: id, summary: '撤销委托投票', before })
    })
  }
}

export type { VoterListEntry } from './voter-rows'
