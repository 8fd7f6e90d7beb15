import { townshipElectionDays } from '../../shared/election-days'
import { defineSetting } from './settings'

export const TOWNSHIP_ELECTION_DAYS = defineSetting({
  key: 'township.electionDays',
  label: '全乡镇统一选举日',
  schema: townshipElectionDays,
  defaultValue: { partyElectionDate: null, committeeElectionDate: null }
})

const township = (field: 'partyElectionDate' | 'committeeElectionDate') =>
  `(SELECT json_extract(value, '$.${field}') FROM settings WHERE key = '${TOWNSHIP_ELECTION_DAYS.key}')`

/** The village's 村(居)委会 election day in SQL (`a` is the villages table's alias), else the township's. */
export const committeeDateSql = (a: string): string => `COALESCE(${a}.committee_election_date, ${township('committeeElectionDate')})`
/** The village's 党组织 election day in SQL, else the township's. */
export const partyDateSql = (a: string): string => `COALESCE(${a}.party_election_date, ${township('partyElectionDate')})`
