import type Database from 'better-sqlite3'
import type { Migration } from './types'

const DATE = (col: string) => `${col} GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'`

/**
 * 国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04): the days off (休) and the weekend days worked
 * (上班, 调休). 2027's schedule was not available to check when this step was written; the office adds it
 * (设置 → 法定节假日) when it is published.
 */
const OFFICIAL_2026: [string, '休' | '班', string][] = [
  ...range('2026-01-01', 3, '元旦'),
  ['2026-01-04', '班', '元旦调休上班'],
  ...range('2026-02-15', 9, '春节'),
  ['2026-02-14', '班', '春节调休上班'],
  ['2026-02-28', '班', '春节调休上班'],
  ...range('2026-04-04', 3, '清明节'),
  ...range('2026-05-01', 5, '劳动节'),
  ['2026-05-09', '班', '劳动节调休上班'],
  ...range('2026-06-19', 3, '端午节'),
  ...range('2026-09-25', 3, '中秋节'),
  ...range('2026-10-01', 7, '国庆节'),
  ['2026-09-20', '班', '国庆节调休上班'],
  ['2026-10-10', '班', '国庆节调休上班']
]

function range(first: string, days: number, name: string): [string, '休', string][] {
  const [y, m, d] = first.split('-').map(Number)
  return Array.from({ length: days }, (_, i) => [new Date(Date.UTC(y, m - 1, d + i)).toISOString().slice(0, 10), '休', name])
}

/** The words rosters wrote for a proxy's relation, as the near-relative kind each is (民法典 第一千零四十五条). */
const RELATION_KINDS: Record<string, string> = {
  丈夫: '配偶', 妻子: '配偶', 夫: '配偶', 妻: '配偶',
  父亲: '父母', 母亲: '父母', 父: '父母', 母: '父母',
  儿子: '子女', 女儿: '子女', 子: '子女', 女: '子女',
  哥哥: '兄弟姐妹', 弟弟: '兄弟姐妹', 姐姐: '兄弟姐妹', 妹妹: '兄弟姐妹', 兄: '兄弟姐妹', 弟: '兄弟姐妹', 姐: '兄弟姐妹', 妹: '兄弟姐妹', 兄弟: '兄弟姐妹', 姐妹: '兄弟姐妹',
  祖父: '祖父母', 祖母: '祖父母', 爷爷: '祖父母', 奶奶: '祖父母',
  外祖父: '外祖父母', 外祖母: '外祖父母', 外公: '外祖父母', 外婆: '外祖父母', 姥爷: '外祖父母', 姥姥: '外祖父母',
  孙子: '孙子女', 孙女: '孙子女', 外孙: '外孙子女', 外孙女: '外孙子女'
}

/**
 * Results as they really come out, and the rules found wrong at the boundary:
 * - `elections` rebuilt so that what the law records can be stored: 收回选票 above 发出选票 (the election is
 *   void, 选举无效, and kept as entered), and the rounds 补选 beside 正式选举 and 另行选举; each result carries its
 *   version and whether it is locked (final after double entry).
 * - a race keeps its 废票 (ballots void for this post alone), who elects it (a 书记 by the 支部委员会, over the
 *   committee's members present) and a seat reserved for a woman (妇女委员定位产生).
 * - count sheets keyed twice (count_sheets, count_sheet_entries): who keyed them by the name typed in the form
 *   until accounts exist (entered_by_account then takes the account's id).
 * - 罢免 (recalls), decided like an election.
 * - the official calendar (official_days) the 公示 working days skip, with 2026's schedule.
 * - the voter age is the law's 18: the stored setting is removed; the plan's 申诉处理 lasts 5 + 3 days.
 * - a proxy's relation is one of the near-relative kinds.
 */
export const migration013: Migration = {
  version: 13,
  name: '选举结果如实登记：选举无效、补选、罢免、双人录入、法定节假日',
  rebuildsTables: true,
  up: (db: Database.Database) => {
    db.exec(`
      CREATE TABLE elections_new (
        id INTEGER PRIMARY KEY,
        village_id INTEGER NOT NULL REFERENCES villages (id) ON DELETE RESTRICT,
        body TEXT NOT NULL CHECK (body IN ('村委会', '党组织')),
        round TEXT NOT NULL CHECK (round IN ('正式选举', '另行选举', '补选')),
        held_on TEXT NOT NULL CHECK (${DATE('held_on')}),
        registered INTEGER NOT NULL CHECK (registered >= 0),
        present INTEGER CHECK (present IS NULL OR present BETWEEN 0 AND registered),
        issued INTEGER NOT NULL CHECK (issued >= 0),
        returned INTEGER NOT NULL CHECK (returned >= 0),
        valid_ballots INTEGER NOT NULL CHECK (valid_ballots >= 0),
        invalid_ballots INTEGER NOT NULL CHECK (invalid_ballots >= 0),
        note TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        proxy_votes INTEGER CHECK (proxy_votes IS NULL OR proxy_votes BETWEEN 0 AND returned),
        mobile_votes INTEGER CHECK (mobile_votes IS NULL OR mobile_votes BETWEEN 0 AND returned),
        version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
        locked INTEGER NOT NULL DEFAULT 0 CHECK (locked IN (0, 1)),
        CHECK (valid_ballots + invalid_ballots = returned)
      ) STRICT;
      INSERT INTO elections_new (id, village_id, body, round, held_on, registered, present, issued, returned, valid_ballots,
        invalid_ballots, note, created_at, updated_at, proxy_votes, mobile_votes)
        SELECT id, village_id, body, round, held_on, registered, present, issued, returned, valid_ballots,
        invalid_ballots, note, created_at, updated_at, proxy_votes, mobile_votes FROM elections;
      DROP TABLE elections;
      ALTER TABLE elections_new RENAME TO elections;
      CREATE INDEX elections_village ON elections (village_id, body, held_on);

      ALTER TABLE election_races ADD COLUMN spoiled INTEGER NOT NULL DEFAULT 0 CHECK (spoiled >= 0);
      ALTER TABLE election_races ADD COLUMN elected_by TEXT CHECK (elected_by IS NULL OR elected_by = '支部委员会');
      ALTER TABLE election_races ADD COLUMN electors INTEGER CHECK (electors IS NULL OR electors >= 0);
      ALTER TABLE election_races ADD COLUMN reserved TEXT CHECK (reserved IS NULL OR reserved = '妇女');

      CREATE TABLE count_sheets (
        id INTEGER PRIMARY KEY,
        village_id INTEGER NOT NULL REFERENCES villages (id) ON DELETE RESTRICT,
        body TEXT NOT NULL CHECK (body IN ('村委会', '党组织')),
        round TEXT NOT NULL CHECK (round IN ('正式选举', '另行选举', '补选')),
        held_on TEXT NOT NULL CHECK (${DATE('held_on')}),
        election_id INTEGER REFERENCES elections (id) ON DELETE CASCADE,
        version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
        status TEXT NOT NULL CHECK (status IN ('待第二次录入', '有差异', '已确认')),
        correction_reason TEXT NOT NULL DEFAULT '',
        resolved_by_name TEXT NOT NULL DEFAULT '',
        resolved_by_account INTEGER,
        resolution_reason TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX count_sheets_village ON count_sheets (village_id, body, held_on);
      CREATE TABLE count_sheet_entries (
        id INTEGER PRIMARY KEY,
        sheet_id INTEGER NOT NULL REFERENCES count_sheets (id) ON DELETE CASCADE,
        entry_no INTEGER NOT NULL CHECK (entry_no IN (1, 2)),
        entered_by_name TEXT NOT NULL CHECK (length(trim(entered_by_name)) BETWEEN 1 AND 30),
        entered_by_account INTEGER,
        figures TEXT NOT NULL CHECK (json_valid(figures)),
        entered_at TEXT NOT NULL,
        UNIQUE (sheet_id, entry_no)
      ) STRICT;

      CREATE TABLE recalls (
        id INTEGER PRIMARY KEY,
        village_id INTEGER NOT NULL REFERENCES villages (id) ON DELETE RESTRICT,
        person_id INTEGER REFERENCES persons (id) ON DELETE RESTRICT,
        name TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 50),
        post TEXT NOT NULL CHECK (post IN ('主任', '副主任', '委员')),
        demanded_by TEXT NOT NULL CHECK (demanded_by IN ('选民', '村民代表')),
        demanders INTEGER NOT NULL CHECK (demanders >= 0),
        representatives INTEGER CHECK (representatives IS NULL OR representatives >= 0),
        held_on TEXT NOT NULL CHECK (${DATE('held_on')}),
        registered INTEGER NOT NULL CHECK (registered >= 0),
        voted INTEGER NOT NULL CHECK (voted >= 0),
        yes INTEGER NOT NULL CHECK (yes >= 0),
        no INTEGER NOT NULL CHECK (no >= 0),
        invalid INTEGER NOT NULL CHECK (invalid >= 0),
        reason TEXT NOT NULL DEFAULT '',
        note TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX recalls_village ON recalls (village_id, held_on);

      CREATE TABLE official_days (
        day TEXT PRIMARY KEY CHECK (${DATE('day')}),
        kind TEXT NOT NULL CHECK (kind IN ('休', '班')),
        name TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 30)
      ) WITHOUT ROWID, STRICT;
    `)
    const day = db.prepare('INSERT INTO official_days (day, kind, name) VALUES (?, ?, ?)')
    for (const d of OFFICIAL_2026) day.run(...d)

    db.prepare(`UPDATE settings SET value = json_remove(value, '$.voterMinAge') WHERE key = 'voting.rules'`).run()
    const stored = db.prepare(`SELECT value FROM settings WHERE key = 'plans.template'`).pluck().get() as string | undefined
    if (stored) {
      const steps = JSON.parse(stored) as { key: string; durationDays: number }[]
      for (const s of steps) if (s.key === 'c-appeal' && s.durationDays < 8) s.durationDays = 8
      db.prepare(`UPDATE settings SET value = ? WHERE key = 'plans.template'`).run(JSON.stringify(steps))
    }
    const relation = db.prepare('UPDATE voter_proxies SET relation = ? WHERE relation = ?')
    for (const [word, kind] of Object.entries(RELATION_KINDS)) relation.run(kind, word)
  }
}
