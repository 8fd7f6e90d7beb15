import { townshipElectionDaysSetting } from '../../shared/settings'

const township = (field: 'partyElectionDate' | 'committeeElectionDate') =>
  `(SELECT json_extract(value, '$.${field}') FROM settings WHERE key = '${townshipElectionDaysSetting.key}')`

/** The village's 村(居)委会 election day in SQL (`a` is the villages table's alias), else the township's. */
export const committeeDateSql = (a: string): string => `COALESCE(${a}.committee_election_date, ${township('committeeElectionDate')})`
/** The village's 党组织 election day in SQL, else the township's. */
export const partyDateSql = (a: string): string => `COALESCE(${a}.party_election_date, ${township('partyElectionDate')})`
