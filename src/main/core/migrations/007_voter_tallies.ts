import type { Migration } from './types'

const MINORITY = (e: string) => `(${e} NOT IN ('', '汉', '汉族'))`

/** The kept counts' rows counted afresh from the voters `where` picks (v: voters, p: persons). */
export const tallyRecount = (where: string) => `
    INSERT INTO voter_tallies (village_id, group_name, category, deprived, sex, minority, n)
    SELECT v.village_id, v.group_name, v.category, v.deprived, coalesce(p.sex, ''), ${MINORITY('p.ethnicity')}, count(*)
    FROM voters v JOIN persons p ON p.id = v.person_id WHERE ${where} GROUP BY 1, 2, 3, 4, 5, 6;`

/** The voter of `r` (new or old) counted into its tally row, or out of it. */
const countIn = (r: string) => `
  INSERT INTO voter_tallies (village_id, group_name, category, deprived, sex, minority, n)
  SELECT ${r}.village_id, ${r}.group_name, ${r}.category, ${r}.deprived, coalesce(p.sex, ''), ${MINORITY('p.ethnicity')}, 1
  FROM persons p WHERE p.id = ${r}.person_id AND ${r}.status = '在册'
  ON CONFLICT DO UPDATE SET n = n + 1;`
const countOut = (r: string) => `
  UPDATE voter_tallies SET n = n - 1
  WHERE ${r}.status = '在册' AND village_id = ${r}.village_id AND group_name = ${r}.group_name AND category = ${r}.category
    AND deprived = ${r}.deprived
    AND (sex, minority) = (SELECT coalesce(sex, ''), ${MINORITY('ethnicity')} FROM persons WHERE id = ${r}.person_id);`

/**
 * Kept counts of the voter register: how many voters on the list of each village and 村民小组, by category,
 * deprivation, sex and nationality. Triggers keep them with every write, so 选民统计 and the size of a list
 * are read from a few hundred rows instead of counted over 100,000 voters per village. Who is of age depends
 * on the election day and the rules, so that part is not kept: the few voters born after the cutoff are
 * found through the birth-date index and taken off.
 */
export const migration007: Migration = {
  version: 7,
  name: '选民统计的累计数',
  up: `
    CREATE TABLE voter_tallies (
      village_id INTEGER NOT NULL,
      group_name TEXT NOT NULL,
      category INTEGER NOT NULL,
      deprived INTEGER NOT NULL,
      sex TEXT NOT NULL,
      minority INTEGER NOT NULL,
      n INTEGER NOT NULL CHECK (n >= 0),
      PRIMARY KEY (village_id, group_name, category, deprived, sex, minority)
    ) WITHOUT ROWID, STRICT;

${tallyRecount("v.status = '在册'")}

    CREATE INDEX persons_birth_date ON persons (birth_date);

    CREATE TRIGGER voter_tallies_insert AFTER INSERT ON voters BEGIN ${countIn('new')} END;
    CREATE TRIGGER voter_tallies_delete AFTER DELETE ON voters BEGIN ${countOut('old')} END;
    CREATE TRIGGER voter_tallies_update AFTER UPDATE OF village_id, person_id, group_name, category, deprived, status ON voters
    BEGIN ${countOut('old')} ${countIn('new')} END;
    CREATE TRIGGER voter_tallies_person AFTER UPDATE OF sex, ethnicity ON persons
    WHEN coalesce(old.sex, '') <> coalesce(new.sex, '') OR ${MINORITY('old.ethnicity')} <> ${MINORITY('new.ethnicity')}
    BEGIN
      UPDATE voter_tallies SET n = n - 1
      WHERE (village_id, group_name, category, deprived) IN
          (SELECT village_id, group_name, category, deprived FROM voters WHERE person_id = old.id AND status = '在册')
        AND sex = coalesce(old.sex, '') AND minority = ${MINORITY('old.ethnicity')};
      INSERT INTO voter_tallies (village_id, group_name, category, deprived, sex, minority, n)
      SELECT village_id, group_name, category, deprived, coalesce(new.sex, ''), ${MINORITY('new.ethnicity')}, 1
      FROM voters WHERE person_id = new.id AND status = '在册'
      ON CONFLICT DO UPDATE SET n = n + 1;
    END;
  `
}
