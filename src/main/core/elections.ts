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

const ELECTION_SQL = `SELECT e.id, e.village_id AS villageId, g.name AS villageName, e.body, e.round, e.held_on AS heldOn, e.registered,
  e.present, e.issued, e.returned, e.valid_ballots AS valid, e.invalid_ballots AS invalid, e.proxy_votes AS proxyVotes,
  e.mobile_votes AS mobileVotes, e.note
  FROM elections e JOIN villages g ON g.id = e.village_id`

type ElectionRow = Omit<ElectionRecord, 'races' | 'decision'>
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
    const e = this.store.one<ElectionRow>(`${ELECTION_SQL} WHERE e.id = ?`, id)
    if (!e) throw failure('not_found', '该选举结果不存在，可能已被删除')
    const races = this.store
      .all<{ id: number; post: Post; seats: number }>('SELECT id, post, seats FROM election_races WHERE election_id = ? ORDER BY seq', id)
      .map((r) => ({
        post: r.post,
        seats: r.seats,
        candidates: this.store
          .all<CandidateRow>(
            `SELECT c.id, c.person_id AS personId, c.name, p.id_number AS idNumber, COALESCE(p.sex, c.sex) AS sex, c.votes, c.write_in AS writeIn
             FROM election_candidates c LEFT JOIN persons p ON p.id = c.person_id WHERE c.race_id = ? ORDER BY c.seq`,
            r.id
          )
          .map((c) => ({ ...c, writeIn: c.writeIn === 1 }))
      }))
    const decision = decideElection(toTally({ ...e, races }), this.thresholds())
    return { ...e, races, decision }
  }

  create(data: ElectionData): ElectionRecord {
    return this.store.write((audit) => {
      const village = this.store.value<string>('SELECT name FROM villages WHERE id = ?', data.villageId)
      if (!village) throw failure('validation', '所选村社不存在', { villageId: '村社不存在' })
      const info = this.store.run(
        `INSERT INTO elections (village_id, body, round, held_on, registered, present, issued, returned, valid_ballots,
         invalid_ballots, proxy_votes, mobile_votes, note, created_at, updated_at) VALUES (@villageId, @body, @round, @heldOn,
         @registered, @present, @issued, @returned, @valid, @invalid, @proxyVotes, @mobileVotes, @note, @now, @now)`,
        { ...data, ...bodyCounts(data), now: this.clock.now() }
      )
      const id = Number(info.lastInsertRowid)
      const after = this.saveRaces(id, data, audit)
      audit({ action: 'create', entity: 'election', entityId: id, summary: `录入${village}${data.body}${data.round}结果（${data.heldOn}）`, after })
      return after
    })
  }

  update(id: number, data: ElectionData): ElectionRecord {
    return this.store.write((audit) => {
      const before = this.require(id)
      if (before.villageId !== data.villageId || before.body !== data.body) {
        throw failure('validation', '不能改变选举结果所属的村社或组织，请删除后重新录入')
      }
      this.store.run(
        `UPDATE elections SET round = @round, held_on = @heldOn, registered = @registered, present = @present, issued = @issued,
         returned = @returned, valid_ballots = @valid, invalid_ballots = @invalid, proxy_votes = @proxyVotes,
         mobile_votes = @mobileVotes, note = @note, updated_at = @now WHERE id = @id`,
        { ...data, ...bodyCounts(data), now: this.clock.now(), id }
      )
      this.store.run('DELETE FROM election_races WHERE election_id = ?', id)
      const after = this.saveRaces(id, data, audit)
      audit({ action: 'update', entity: 'election', entityId: id, summary: `修改${before.villageName}${data.body}${data.round}结果`, before, after })
      return after
    })
  }

  remove(id: number): void {
    this.store.write((audit) => {
      const before = this.require(id)
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
      const elected: ElectedMember[] = elections.flatMap((e) =>
        e.decision.races.flatMap((r) =>
          r.candidates
            .filter((c) => c.status === '当选')
            .map((c) => ({ name: c.name, sex: c.sex, post: r.post, round: e.round, votes: c.votes, electionId: e.id }))
        )
      )
      const flags: string[] = []
      for (const e of elections) {
        if (!e.decision.valid) flags.push(`${e.heldOn}${e.round}：${e.decision.validity}`)
        for (const r of e.decision.races) if (r.tie) flags.push(`${e.heldOn}${e.round}“${r.post}”：${r.notes[0]}`)
      }
      const main = elections.filter((e) => e.round === '正式选举' && e.decision.valid).at(-1)
      const seats = main ? main.races.reduce((s, r) => s + r.seats, 0) : 0
      if (main && elected.length < seats) {
        flags.push(`应选${seats}名，已选出${elected.length}名，尚缺${seats - elected.length}名，应${body === '村委会' ? '另行选举' : '再次投票'}`)
      }
      if (body === '村委会' && elections.length > 0) {
        const w = womanMemberCheck(elected)
        if (!w.ok) flags.push(w.reason)
      }
      return { body, elections, elected, flags }
    })
    return { villageId, villageName: village.name, committeeSeats: village.committeeSeats, partySeats: village.partySeats, bodies }
  }

  private saveRaces(id: number, data: ElectionData, audit: (entry: AuditEntry) => void): ElectionRecord {
    const store = this.store
    data.races.forEach((r, i) => {
      const raceId = Number(store.run('INSERT INTO election_races (election_id, seq, post, seats) VALUES (?, ?, ?, ?)', id, i, r.post, r.seats).lastInsertRowid)
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

