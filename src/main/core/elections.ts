import {
  toTally,
  type ElectedMember,
  type ElectionCandidate,
  type ElectionData,
  type ElectionRecord,
  type Post,
  type VillageResultReport
} from '../../shared/election'
import { BODIES, decideElection, type Body, womanMemberCheck, type ElectionThresholds } from '../../shared/election-rules'
import { failure } from '../../shared/result'
import { ballotCandidates, entrantPerson, requireIdentified } from './ballot-candidates'
import type { Clock } from './clock'
import { personFor, type MemberService } from './members'
import type { PersonService } from './persons'
import type { SettingsService } from './settings'
import type { AuditEntry, Store } from './store'
import { inVillageOrder } from './village-order'
import { votingRulesSetting } from '../../shared/settings'
import { boundsProblems, boundsWarnings } from '../../shared/election-bounds'
import { boundsContext, earlierResult } from './election-bounds'
import { recallsOf } from './recalls'

const LOCKED = '该选举结果已经双人录入核对并锁定，不能直接修改或删除：如需更正，请以更正原因重新双人录入计票单'

const ELECTION_SQL = `SELECT e.id, e.village_id AS villageId, g.name AS villageName, e.body, e.round, e.held_on AS heldOn, e.registered,
  e.present, e.issued, e.returned, e.valid_ballots AS valid, e.invalid_ballots AS invalid, e.proxy_votes AS proxyVotes,
  e.mobile_votes AS mobileVotes, e.note, e.version, e.locked
  FROM elections e JOIN villages g ON g.id = e.village_id`

type ElectionRow = Omit<ElectionRecord, 'races' | 'decision' | 'locked' | 'warnings'> & { locked: 0 | 1 }
type RaceRow = Omit<ElectionRecord['races'][number], 'candidates'> & { id: number }
type CandidateRow = Omit<ElectionCandidate, 'writeIn'> & { writeIn: 0 | 1 }

/** The counts a body does not have are stored empty: 实到会 is the Party meeting's, 委托/流动票箱 the voters'. */
const bodyCounts = (data: ElectionData) => {
  const party = data.body === '党组织'
  return { present: party ? data.present : null, proxyVotes: party ? null : data.proxyVotes, mobileVotes: party ? null : data.mobileVotes }
}

/**
 * Election results per village. Every save decides the election again with the law's rules and
 * brings the new term's members in line with who was elected.
 */
export class ElectionService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly persons: PersonService,
    private readonly members: MemberService,
    private readonly settings: SettingsService
  ) {}

  thresholds(): ElectionThresholds {
    return this.settings.get(votingRulesSetting).thresholds
  }

  list(villageId: number | null = null): ElectionRecord[] {
    const ids = this.store.all<{ id: number; villageId: number }>(
      `SELECT e.id, e.village_id AS villageId FROM elections e WHERE (@v IS NULL OR e.village_id = @v)
       ORDER BY e.body DESC, e.held_on, e.round DESC, e.id`,
      { v: villageId }
    )
    return inVillageOrder(this.store, ids, (e) => e.villageId).map(({ id }) => this.require(id))
  }

  require(id: number): ElectionRecord {
    const e = this.load(id)
    return { ...e, warnings: boundsWarnings(e, this.context(e.villageId, e.body, id)) }
  }

  /** The other results of the village's committee, decided, and what the register knows of the people. */
  private context(villageId: number, body: Body, exceptId: number | null) {
    const others = this.store
      .all<{ id: number }>('SELECT id FROM elections WHERE village_id = ? AND body = ? AND id IS NOT ? ORDER BY held_on, id', villageId, body, exceptId)
      .map(({ id }) => earlierResult(this.load(id)))
    return boundsContext(this.store, this.settings, villageId, body, others, exceptId)
  }

  private load(id: number): Omit<ElectionRecord, 'warnings'> {
    const row = this.store.one<ElectionRow>(`${ELECTION_SQL} WHERE e.id = ?`, id)
    if (!row) throw failure('not_found', '该选举结果不存在，可能已被删除')
    const e = { ...row, locked: row.locked === 1 }
    const races = this.store
      .all<RaceRow>(
        'SELECT id, post, seats, spoiled, elected_by AS electedBy, electors, reserved FROM election_races WHERE election_id = ? ORDER BY seq',
        id
      )
      .map(({ id: raceId, ...r }) => ({
        ...r,
        candidates: this.store
          .all<CandidateRow>(
            `SELECT c.id, c.person_id AS personId, c.name, p.id_number AS idNumber, COALESCE(p.sex, c.sex) AS sex, c.votes, c.write_in AS writeIn
             FROM election_candidates c LEFT JOIN persons p ON p.id = c.person_id WHERE c.race_id = ? ORDER BY c.seq`,
            raceId
          )
          .map((c) => ({ ...c, writeIn: c.writeIn === 1 }))
      }))
    const decision = decideElection(toTally({ ...e, races }), this.thresholds())
    return { ...e, races, decision }
  }

  /** Refuses what the law does not let be elected (the size of the committee, open seats, nobody twice, 中共党员). */
  private checkBounds(data: ElectionData, id: number | null): void {
    const problems = boundsProblems(data, this.context(data.villageId, data.body, id))
    const first = Object.values(problems)[0]
    if (first) throw failure('validation', first, problems)
  }

  create(data: ElectionData, lock: { locked: boolean } = { locked: false }): ElectionRecord {
    return this.store.write((audit) => {
      this.checkBounds(data, null)
      const village = this.store.value<string>('SELECT name FROM villages WHERE id = ?', data.villageId)
      if (!village) throw failure('validation', '所选村社不存在', { villageId: '村社不存在' })
      const info = this.store.run(
        `INSERT INTO elections (village_id, body, round, held_on, registered, present, issued, returned, valid_ballots,
         invalid_ballots, proxy_votes, mobile_votes, note, locked, created_at, updated_at) VALUES (@villageId, @body, @round, @heldOn,
         @registered, @present, @issued, @returned, @valid, @invalid, @proxyVotes, @mobileVotes, @note, @locked, @now, @now)`,
        { ...data, ...bodyCounts(data), locked: lock.locked ? 1 : 0, now: this.clock.now() }
      )
      const id = Number(info.lastInsertRowid)
      const after = this.saveRaces(id, data, audit)
      audit({ action: 'create', entity: 'election', entityId: id, summary: `录入${village}${data.body}${data.round}结果（${data.heldOn}）`, after })
      return after
    })
  }

  /**
   * Changes a result. A locked one (final after double entry) changes only as a new version from a
   * double-entered correction (`correction`), with its reason in the audit log.
   */
  update(id: number, data: ElectionData, correction: { reason: string } | null = null): ElectionRecord {
    return this.store.write((audit) => {
      const before = this.require(id)
      if (before.locked && !correction) throw failure('conflict', LOCKED)
      if (before.villageId !== data.villageId || before.body !== data.body) {
        throw failure('validation', '不能改变选举结果所属的村社或组织，请删除后重新录入')
      }
      this.checkBounds(data, id)
      this.store.run(
        `UPDATE elections SET round = @round, held_on = @heldOn, registered = @registered, present = @present, issued = @issued,
         returned = @returned, valid_ballots = @valid, invalid_ballots = @invalid, proxy_votes = @proxyVotes,
         mobile_votes = @mobileVotes, note = @note, version = version + @bump, locked = locked OR @bump, updated_at = @now WHERE id = @id`,
        { ...data, ...bodyCounts(data), bump: correction ? 1 : 0, now: this.clock.now(), id }
      )
      this.store.run('DELETE FROM election_races WHERE election_id = ?', id)
      const after = this.saveRaces(id, data, audit)
      const summary = correction
        ? `更正${before.villageName}${data.body}${data.round}结果（第${after.version}版，原因：${correction.reason}）`
        : `修改${before.villageName}${data.body}${data.round}结果`
      audit({ action: 'update', entity: 'election', entityId: id, summary, before, after })
      return after
    })
  }

  remove(id: number): void {
    this.store.write((audit) => {
      const before = this.require(id)
      if (before.locked) throw failure('conflict', LOCKED)
      this.members.syncElectedIn({ id, villageId: before.villageId, body: before.body, heldOn: before.heldOn }, [], audit)
      this.store.run('DELETE FROM elections WHERE id = ?', id)
      audit({ action: 'delete', entity: 'election', entityId: id, summary: `删除${before.villageName}${before.body}${before.round}结果`, before })
    })
  }

  ballot(villageId: number, body: Body) {
    return ballotCandidates(this.store, villageId, body)
  }

  /** 选举结果报告单 of one village: both committees, who is elected, and what is still open. */
  villageReport(villageId: number): VillageResultReport {
    const village = this.store.one<{ id: number; name: string; committeeSeats: number | null; partySeats: number | null }>(
      'SELECT id, name, committee_seats AS committeeSeats, party_seats AS partySeats FROM villages WHERE id = ?',
      villageId
    )
    if (!village) throw failure('not_found', '该村社不存在')
    const all = this.list(villageId)
    const bodies = [...BODIES].reverse().map((body) => {
      const elections = all.filter((e) => e.body === body)
      const elected: (ElectedMember & { key: string })[] = elections.flatMap((e) =>
        e.decision.races.flatMap((r) =>
          r.candidates
            .filter((c) => c.status === '当选')
            .map((c) => ({ name: c.name, sex: c.sex, post: r.post, round: e.round, votes: c.votes, electionId: e.id, key: c.key }))
        )
      )
      const flags: string[] = []
      for (const e of elections) {
        if (!e.decision.valid) flags.push(`${e.heldOn}${e.round}：${e.decision.validity}`)
        for (const r of e.decision.races) if (r.tie) flags.push(`${e.heldOn}${e.round}“${r.post}”：${r.notes[0]}`)
        for (const w of e.warnings) flags.push(`${e.heldOn}${e.round}：${w}`)
      }
      const main = elections.filter((e) => e.round === '正式选举' && e.decision.valid)
      const seats = main.reduce((s, e) => s + e.races.filter((r) => !r.electedBy).reduce((t, r) => t + r.seats, 0), 0)
      const members = elected.filter((m) => !elections.find((e) => e.id === m.electionId)!.races.find((r) => r.post === m.post)!.electedBy)
      if (main.length > 0 && members.length < seats) {
        flags.push(`应选${seats}名，已选出${members.length}名，尚缺${seats - members.length}名，应${body === '村委会' ? '另行选举' : '再次投票'}`)
      }
      if (body === '村委会' && elections.length > 0) {
        const w = womanMemberCheck(elected)
        if (!w.ok) flags.push(w.reason)
        if (!w.ok && main.length > 0 && members.length < seats) {
          flags.push('正式选举未选出妇女成员：另行选举时可专设妇女委员名额，由女性候选人定位产生')
        }
        flags.push(...this.minorityFlag(villageId, elected))
        for (const r of recallsOf(this.store, villageId)) flags.push(`${r.heldOn}罢免${r.post}${r.name}：${r.decision.reasons.at(-1)}`)
      }
      return { body, elections, elected: elected.map(({ key: _key, ...m }) => m), flags }
    })
    return { villageId, villageName: village.name, committeeSeats: village.committeeSeats, partySeats: village.partySeats, bodies }
  }

  /** 人口较少的民族: a village whose voters include a smaller ethnic group should have a member of it on the committee. */
  private minorityFlag(villageId: number, elected: (ElectedMember & { key: string })[]): string[] {
    const minority = this.store.value<number>('SELECT coalesce(sum(n), 0) FROM voter_tallies WHERE village_id = ? AND minority = 1 AND deprived = 0', villageId) ?? 0
    if (minority === 0 || elected.length === 0) return []
    const ids = elected.map((m) => Number(m.key))
    const found = this.store.value<number>(
      `SELECT count(*) FROM election_candidates c JOIN persons p ON p.id = c.person_id
       WHERE c.id IN (SELECT value FROM json_each(?)) AND p.ethnicity NOT IN ('', '汉', '汉族')`,
      JSON.stringify(ids)
    )
    return found ? [] : [`本村有少数民族选民${minority}人，当选的村(居)委会成员中没有少数民族成员：多民族村民居住的村应当有人数较少的民族的成员`]
  }

  private saveRaces(id: number, data: ElectionData, audit: (entry: AuditEntry) => void): ElectionRecord {
    const store = this.store
    data.races.forEach((r, i) => {
      const raceId = Number(
        store.run(
          'INSERT INTO election_races (election_id, seq, post, seats, spoiled, elected_by, electors, reserved) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
          id, i, r.post, r.seats, r.spoiled, r.electedBy, r.electedBy ? r.electors : null, r.reserved
        ).lastInsertRowid
      )
      r.candidates.forEach((c, j) => {
        const listed = entrantPerson(store, data.villageId, data.body, c)
        const personId = listed ?? (c.idNumber ? personFor(this.persons, { ...c, villageId: data.villageId }, audit) : null)
        store.run(
          'INSERT INTO election_candidates (race_id, seq, person_id, name, sex, votes, write_in) VALUES (?, ?, ?, ?, ?, ?, ?)',
          raceId, j, personId, c.name, c.sex, c.votes, c.writeIn ? 1 : 0
        )
      })
    })
    const record = this.require(id)
    const elected = record.decision.races.flatMap((r) =>
      r.candidates
        .filter((c) => c.status === '当选')
        .map((c) => {
          const candidate = record.races.flatMap((x) => x.candidates).find((x) => String(x.id) === c.key)!
          let personId = candidate.personId
          if (personId === null) {
            if (candidate.writeIn) requireIdentified(c.name, null)
            // Elected without an ID in a village whose vetting was not entered here: a person record, never a silent namesake.
            personId = personFor(this.persons, { idNumber: null, name: c.name, sex: c.sex, villageId: data.villageId }, audit)
            store.run('UPDATE election_candidates SET person_id = ? WHERE id = ?', personId, candidate.id)
          }
          return { personId, post: r.post as Post }
        })
    )
    this.members.syncElectedIn({ id, villageId: data.villageId, body: data.body, heldOn: data.heldOn }, elected, audit)
    return this.require(id)
  }
}

