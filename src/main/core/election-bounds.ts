import type { ElectionRecord } from '../../shared/election'
import type { BoundsContext, EarlierResult, Entrant } from '../../shared/election-bounds'
import type { Body } from '../../shared/election-rules'
import { partyMarginPercentSetting } from '../../shared/settings'
import type { SettingsService } from './settings'
import type { Reads } from './store'

/** Who a decided result elected, as entrants of later rounds are compared with. */
export function earlierResult(e: Omit<ElectionRecord, 'warnings'>): EarlierResult {
  const byId = new Map(e.races.flatMap((r) => r.candidates).map((c) => [String(c.id), c]))
  return {
    round: e.round,
    heldOn: e.heldOn,
    valid: e.decision.valid,
    races: e.decision.races.map((r, i) => ({
      post: r.post,
      seats: r.seats,
      electedBy: e.races[i].electedBy,
      elected: r.candidates.filter((c) => c.status === '当选').map((c) => entrant(byId.get(c.key)!))
    }))
  }
}

const entrant = (c: { name: string; personId: number | null; idNumber: string | null; writeIn: boolean }): Entrant => ({
  name: c.name,
  personId: c.personId,
  idNumber: c.idNumber,
  writeIn: c.writeIn
})

/** The village's 职数, its committee's 本届 members (those of other results), and each entrant's 政治面貌 as registered. */
export function boundsContext(reads: Reads, settings: SettingsService, villageId: number, body: Body, earlier: EarlierResult[], exceptId: number | null): BoundsContext {
  const village = reads.one<{ committeeSeats: number | null; partySeats: number | null }>(
    'SELECT committee_seats AS committeeSeats, party_seats AS partySeats FROM villages WHERE id = ?',
    villageId
  )
  const holding = reads.all<Entrant & { post: string }>(
    `SELECT p.name, m.person_id AS personId, p.id_number AS idNumber, 0 AS writeIn, m.post FROM committee_members m JOIN persons p ON p.id = m.person_id
     WHERE m.village_id = ? AND m.body = ? AND m.term = '本届' AND m.election_id IS NOT ?`,
    villageId, body, exceptId
  )
  const status = (e: Entrant): string =>
    reads.value<string | null>(
      `SELECT f.political_status FROM persons p JOIN person_profiles f ON f.person_id = p.id WHERE p.id = @personId OR (@personId IS NULL AND p.id_number = @idNumber)`,
      { personId: e.personId, idNumber: e.idNumber }
    ) ?? ''
  return {
    committeeSeats: village?.committeeSeats ?? null,
    partySeats: village?.partySeats ?? null,
    earlier,
    holding: holding.map((h) => ({ ...h, writeIn: false })),
    politicalStatus: status,
    partyMarginPercent: settings.get(partyMarginPercentSetting)
  }
}
