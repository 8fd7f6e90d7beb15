import type Database from 'better-sqlite3'
import { checkIdNumber, type Sex } from '../../shared/idcard'
import { naturalCompare } from '../../shared/natural-order'
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
import { nowStamp, type Clock } from './clock'
import { toCamel } from './row-mapping'
import { idPrefixPattern, likePattern } from './search-key'
import type { SettingsService } from './settings'
import { listedTotal, tallyCounts } from './voter-tallies'
import type { Store } from './store'
import { VoterWriter } from './voter-writer'
import { votingRulesSetting } from '../../shared/settings'
import { committeeDateSql } from './election-days'

const ROW_SQL = `SELECT v.id, v.village_id, g.name AS village_name, ${committeeDateSql('g')} AS election_date, v.person_id,
  p.id_number, p.name, p.sex, p.birth_date, p.ethnicity, v.group_name, v.category, v.address, v.approval_date,
  v.approval_meeting, v.deprived, v.status, v.removed_reason, v.note
  FROM voters v JOIN persons p ON p.id = v.person_id JOIN villages g ON g.id = v.village_id`

const ITERATE_PAGE = 2000
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
    return new VoterWriter(this.store.db, this.rules(), this.clock.today())
  }

  list(query: VoterQuery = {}): { rows: VoterRow[]; total: number } {
    const q = voterQuery.parse(query)
    const where = ['v.status = @status']
    const args: Record<string, unknown> = { status: q.status }
    if (q.villageId) {
      where.push('v.village_id = @villageId')
      args.villageId = q.villageId
    }
    if (q.groupName !== null) {
      where.push('v.group_name = @groupName')
      args.groupName = q.groupName
    }
    if (q.category) {
      where.push('v.category = @category')
      args.category = q.category
    }
    if (q.search) {
      // People first, then their voter rows through the one-place index: a join scanned the whole register.
      where.push(`v.person_id IN (SELECT id FROM persons WHERE search_key LIKE @like ESCAPE '\\' OR id_number LIKE @idPrefix ESCAPE '\\')`)
      args.like = likePattern(q.search)
      args.idPrefix = idPrefixPattern(q.search)
    }
    const w = `WHERE ${where.join(' AND ')}`
    const db = this.store.db
    const offset = (q.page - 1) * q.pageSize
    const order = 'ORDER BY v.village_id, v.group_name, v.id'
    let total: number
    let raw: Record<string, unknown>[]
    if (q.search) {
      // Every match once, in list order, as ids: the search is read once for both the total and the page.
      const ids = db.prepare(`SELECT v.id FROM voters v ${w} ${order}`).pluck().all(args) as number[]
      total = ids.length
      const page = ids.slice(offset, offset + q.pageSize)
      raw = page.length ? (db.prepare(`${ROW_SQL} WHERE v.id IN (SELECT value FROM json_each(?)) ${order}`).all(JSON.stringify(page)) as Record<string, unknown>[]) : []
    } else {
      total = q.status !== '在册' ? (db.prepare(`SELECT count(*) FROM voters v ${w}`).pluck().get(args) as number) : listedTotal(db, q)
      // The page's ids from the voters' own list index first: joined at once, SQLite sorted the whole village.
      raw = db
        .prepare(`${ROW_SQL} WHERE v.id IN (SELECT v.id FROM voters v ${w} ${order} LIMIT @limit OFFSET @offset) ${order}`)
        .all({ ...args, limit: q.pageSize, offset }) as Record<string, unknown>[]
    }
    const rules = this.rules()
    return { rows: raw.map((r) => toVoterRow(r, rules.voterMinAge)), total }
  }

  require(id: number): VoterRow {
    const r = this.store.db.prepare(`${ROW_SQL} WHERE v.id = ?`).get(id) as Record<string, unknown> | undefined
    if (!r) throw failure('not_found', '该选民不存在，可能已被删除，请刷新列表')
    return toVoterRow(r, this.rules().voterMinAge)
  }

  /**
   * The 选民名单 of one village in list order, one row at a time (exports stream it). Only people on
   * the list; `eligibleOnly` leaves out those who may not vote, as the published list does.
   * Read a page at a time: an open SQLite cursor would make every write fail ("connection is busy")
   * for as long as a 100,000-row export takes.
   */
  *iterate(villageId: number, eligibleOnly = true): IterableIterator<VoterRow> {
    const minAge = this.rules().voterMinAge
    const page = this.store.db.prepare(
      `${ROW_SQL} WHERE v.village_id = @villageId AND v.status = '在册' AND v.group_name = @group AND v.id > @id
       ORDER BY v.id LIMIT ${ITERATE_PAGE}`
    )
    const pages = inListOrder(page, villageId, this.groups(villageId), (r: Record<string, unknown>) => r.id as number)
    for (const rows of pages) {
      for (const r of rows) {
        const row = toVoterRow(r, minAge)
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
    const minAge = this.rules().voterMinAge
    const village = this.store.db.prepare(`SELECT name, ${committeeDateSql('villages')} FROM villages WHERE id = ?`).raw().get(villageId) as
      | [string, string | null]
      | undefined
    if (!village) return
    const [villageName, electionDate] = village
    const page = this.store.db
      .prepare(
        `SELECT v.group_name, v.id, p.name, p.sex, p.birth_date, v.category, v.note FROM voters v JOIN persons p ON p.id = v.person_id
         WHERE v.village_id = @villageId AND v.status = '在册' AND v.deprived = 0 AND v.group_name = @group AND v.id > @id
         ORDER BY v.id LIMIT ${ITERATE_PAGE}`
      )
      .raw()
    type Listed = [string, number, string, Sex | null, string | null, VoterCategory, string]
    for (const rows of inListOrder(page, villageId, this.groups(villageId), (r: Listed) => r[1])) {
      for (const [groupName, , name, sex, birthDate, category, note] of rows) {
        const e = voterEligibility({ birthDate, deprived: false }, electionDate, minAge)
        if (e.eligible) yield { villageName, groupName, name, sex, birthDate, ageOnElectionDay: e.age, category, note }
      }
    }
  }

  /** The village's 村民小组 in the order people count them (第2组 before 第10组). */
  groups(villageId: number): string[] {
    const names = this.store.db
      .prepare(`SELECT DISTINCT group_name FROM voters WHERE village_id = ? AND status = '在册'`)
      .pluck()
      .all(villageId) as string[]
    return names.sort(naturalCompare)
  }

  /** Per village (and per 村民小组 when one village is asked for) and the township total. */
  counts(villageId: number | null = null): { villages: VoterCounts[]; groups: VoterCounts[]; total: VoterCounts } {
    const minAge = this.rules().voterMinAge
    const db = this.store.db
    const villages = db
      .prepare(`SELECT id, name, ${committeeDateSql('villages')} AS electionDate FROM villages WHERE (@id IS NULL OR id = @id) ORDER BY id`)
      .all({ id: villageId }) as { id: number; name: string; electionDate: string | null }[]
    const rows = tallyCounts(db, villageId, minAge)

    const byVillage = new Map(villages.map((v) => [v.id, emptyCounts(v.id, v.name, null, v.electionDate)]))
    const total = emptyCounts(null, '合计', null, null)
    const groups: VoterCounts[] = []
    for (const r of rows) {
      const v = byVillage.get(r.village_id as number)!
      const g = emptyCounts(v.villageId, v.villageName, r.group_name as string, v.electionDate)
      add(g, r)
      add(v, r)
      add(total, r)
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
      const proxies = this.store.db
        .prepare('SELECT count(*) FROM voter_proxies WHERE principal_id = ? OR holder_id = ?')
        .pluck()
        .get(id, id) as number
      if (proxies > 0) throw failure('in_use', `${before.name}有委托投票记录，请先撤销委托后再除名`)
      const published = this.publication(before.villageId)
      if (!published) {
        this.store.db.prepare('DELETE FROM voters WHERE id = ?').run(id)
      } else {
        this.store.db.prepare(`UPDATE voters SET status = '已除名', removed_reason = ?, updated_at = ? WHERE id = ?`).run(reason, nowStamp(), id)
        this.store.db
          .prepare('INSERT INTO voter_changes (village_id, voter_id, kind, detail, changed_on, created_at) VALUES (?, ?, ?, ?, ?, ?)')
          .run(before.villageId, id, '除名', reason, on, nowStamp())
      }
      audit({ action: 'delete', entity: 'voter', entityId: id, summary: `选民“${before.name}”${published ? '除名' : '删除'}：${reason}`, before })
      return { id, kept: published !== null }
    })
  }

  publication(villageId: number): Publication | null {
    const r = this.store.db
      .prepare(
        `SELECT p.village_id AS villageId, p.published_on AS publishedOn, p.voter_count AS voterCount, p.note,
         ${committeeDateSql('g')} AS electionDate FROM voter_publications p JOIN villages g ON g.id = p.village_id WHERE p.village_id = ?`
      )
      .get(villageId) as (Omit<Publication, 'check'> & { electionDate: string | null }) | undefined
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
      this.store.db
        .prepare(
          `INSERT INTO voter_publications (village_id, published_on, voter_count, note, created_at) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (village_id) DO UPDATE SET published_on = excluded.published_on, voter_count = excluded.voter_count, note = excluded.note`
        )
        .run(villageId, publishedOn, count, note, nowStamp())
      const after = this.publication(villageId)!
      audit({ action: before ? 'update' : 'create', entity: 'voter_publication', entityId: villageId, summary: `公布选民名单（${count}人，${publishedOn}）`, before, after })
      return after
    })
  }

  changes(villageId: number): VoterChange[] {
    return this.store.db
      .prepare(
        `SELECT c.id, c.voter_id, p.name, p.id_number, c.kind, c.detail, c.changed_on FROM voter_changes c
         JOIN voters v ON v.id = c.voter_id JOIN persons p ON p.id = v.person_id WHERE c.village_id = ? ORDER BY c.id`
      )
      .all(villageId)
      .map((r) => toCamel(r as Record<string, unknown>) as unknown as VoterChange)
  }

  objections(villageId: number): Objection[] {
    const rules = this.rules()
    const published = this.publication(villageId)?.publishedOn ?? null
    const today = this.clock.today()
    return (
      this.store.db
        .prepare(
          `SELECT id, village_id, objector, subject, filed_on, answered_on, answer FROM voter_objections WHERE village_id = ? ORDER BY filed_on, id`
        )
        .all(villageId) as Record<string, unknown>[]
    ).map((r) => {
      const o = toCamel(r) as unknown as Omit<Objection, 'timing'>
      return { ...o, timing: objectionTiming(o, published, today, rules) }
    })
  }

  addObjection(o: { villageId: number; objector: string; subject: string; filedOn: string }): Objection {
    return this.store.write((audit) => {
      const now = nowStamp()
      const info = this.store.db
        .prepare(`INSERT INTO voter_objections (village_id, objector, subject, filed_on, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`)
        .run(o.villageId, o.objector, o.subject, o.filedOn, now, now)
      const after = this.objection(Number(info.lastInsertRowid))
      audit({ action: 'create', entity: 'voter_objection', entityId: after.id, summary: `登记选民名单申诉（${o.objector}）`, after })
      return after
    })
  }

  answerObjection(a: { id: number; answeredOn: string; answer: string }): Objection {
    return this.store.write((audit) => {
      const before = this.objection(a.id)
      if (a.answeredOn < before.filedOn) throw failure('validation', '答复日期不能早于申诉日期', { answeredOn: '早于申诉日期' })
      this.store.db
        .prepare('UPDATE voter_objections SET answered_on = ?, answer = ?, updated_at = ? WHERE id = ?')
        .run(a.answeredOn, a.answer, nowStamp(), a.id)
      const after = this.objection(a.id)
      audit({ action: 'update', entity: 'voter_objection', entityId: a.id, summary: `答复选民名单申诉（${before.objector}）`, before, after })
      return after
    })
  }

  private objection(id: number): Objection {
    const villageId = this.store.db.prepare('SELECT village_id FROM voter_objections WHERE id = ?').pluck().get(id) as number | undefined
    const found = villageId === undefined ? undefined : this.objections(villageId).find((o) => o.id === id)
    if (!found) throw failure('not_found', '该申诉不存在')
    return found
  }

  proxies(villageId: number): Proxy[] {
    return this.store.db
      .prepare(
        `SELECT x.id, x.principal_id, pp.name AS principal_name, x.holder_id, hp.name AS holder_name, x.relation, x.signed_on,
         (SELECT count(*) FROM voter_proxies y WHERE y.holder_id = x.holder_id) AS holder_count
         FROM voter_proxies x JOIN voters pv ON pv.id = x.principal_id JOIN persons pp ON pp.id = pv.person_id
         JOIN voters hv ON hv.id = x.holder_id JOIN persons hp ON hp.id = hv.person_id
         WHERE x.village_id = ? ORDER BY hp.name, x.id`
      )
      .all(villageId)
      .map((r) => toCamel(r as Record<string, unknown>) as unknown as Proxy)
  }

  addProxy(p: { principalId: number; holderId: number; relation: string; written: boolean; signedOn: string | null }): Proxy {
    return this.store.write((audit) => {
      const principal = this.require(p.principalId)
      const holder = this.require(p.holderId)
      for (const v of [principal, holder]) {
        if (!v.eligible || v.status !== '在册') throw failure('validation', `${v.name}不是有选举权的在册选民：${v.ineligibleReason || '已除名'}`)
      }
      if (principal.villageId !== holder.villageId) throw failure('validation', '委托人与受托人应为同一村的选民', { holderId: '不在同一村' })
      const db = this.store.db
      const count = (sql: string, id: number) => db.prepare(sql).pluck().get(id) as number
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
      const info = db
        .prepare(`INSERT INTO voter_proxies (village_id, principal_id, holder_id, relation, written, signed_on, created_at) VALUES (?, ?, ?, ?, 1, ?, ?)`)
        .run(principal.villageId, p.principalId, p.holderId, p.relation, p.signedOn, nowStamp())
      const after = this.proxies(principal.villageId).find((x) => x.id === Number(info.lastInsertRowid))!
      audit({ action: 'create', entity: 'voter_proxy', entityId: after.id, summary: `登记委托投票：${principal.name}委托${holder.name}`, after })
      return after
    })
  }

  removeProxy(id: number): void {
    this.store.write((audit) => {
      const before = this.store.db.prepare('SELECT * FROM voter_proxies WHERE id = ?').get(id)
      if (!before) throw failure('not_found', '该委托记录不存在')
      this.store.db.prepare('DELETE FROM voter_proxies WHERE id = ?').run(id)
      audit({ action: 'delete', entity: 'voter_proxy', entityId: id, summary: '撤销委托投票', before })
    })
  }
}

/**
 * A village's voters group by group in the given order, by id within a group, a page at a time from `page`
 * (whose parameters are @villageId, @group and the last @id read): keyset paging, so no cursor stays open
 * between pages. SQLite orders text by code points (第10组 before 第2组), so the groups are ordered here.
 */
function* inListOrder<R>(page: Database.Statement, villageId: number, groups: string[], idOf: (row: R) => number): IterableIterator<R[]> {
  for (const group of groups) {
    let id = 0
    for (;;) {
      const rows = page.all({ villageId, group, id }) as R[]
      if (rows.length > 0) yield rows
      if (rows.length < ITERATE_PAGE) break
      id = idOf(rows[rows.length - 1])
    }
  }
}

/** One line of the posted list. */
export type VoterListEntry = Pick<VoterRow, 'villageName' | 'groupName' | 'name' | 'sex' | 'birthDate' | 'ageOnElectionDay' | 'category' | 'note'>

function toVoterRow(r: Record<string, unknown>, minAge: number): VoterRow {
  // Filled in place: exports map 100,000 rows, and two object copies per row were most of the cost.
  const c = toCamel(r)
  const deprived = c.deprived === 1
  const e = voterEligibility({ birthDate: c.birthDate as string | null, deprived }, c.electionDate as string | null, minAge)
  delete c.electionDate
  c.deprived = deprived
  c.ageOnElectionDay = e.age
  c.eligible = e.eligible && c.status === '在册'
  c.ineligibleReason = e.reason
  return c as unknown as VoterRow
}

function emptyCounts(villageId: number | null, villageName: string, groupName: string | null, electionDate: string | null): VoterCounts {
  return { villageId, villageName, groupName, electionDate, registered: 0, eligible: 0, deprived: 0, notOfAge: 0, women: 0, minority: 0, byCategory: [0, 0, 0] }
}

function add(c: VoterCounts, r: Record<string, number | string>): void {
  const n = (k: string) => Number(r[k] ?? 0)
  c.registered += n('registered')
  c.eligible += n('eligible')
  c.deprived += n('deprived')
  c.notOfAge += n('registered') - n('eligible') - n('deprived')
  c.women += n('women')
  c.minority += n('minority')
  c.byCategory = [c.byCategory[0] + n('c1'), c.byCategory[1] + n('c2'), c.byCategory[2] + n('c3')]
}
