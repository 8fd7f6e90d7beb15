import type { Migration } from './types'

/**
 * Two characters after every key, so that each one- or two-character piece of it begins a trigram: a short
 * query is answered by the terms that begin with it (see person-search.ts).
 */
const KEY = (p: string) => `${p}.search_key || char(1, 1)`

/**
 * People written since the last commit go into the index in one statement, just before the commit (Store.write
 * runs it). FTS5 writes its pending terms out at every statement that opens a savepoint, and every voter insert
 * does (the tally triggers): filled row by row, an import of 100,000 voters took three times as long.
 */
export const INDEX_PENDING_SQL = `
  INSERT INTO person_search (rowid, search_key)
    SELECT p.id, ${KEY('p')} FROM person_search_pending q JOIN persons p ON p.id = q.person_id;
  DELETE FROM person_search_pending;`

/**
 * A substring index of every person's search key (name, full pinyin, initials): an FTS5 trigram index. A search
 * no longer reads every person's key: at a million voters that scan took seconds. detail=none keeps it small; a
 * query's trigrams give candidates that the key itself then confirms. Triggers follow every write to persons,
 * whoever writes: a new or renamed person waits in person_search_pending until the commit (searches read that
 * too), a renamed or removed one leaves the index at once.
 */
export const migration011: Migration = {
  version: 11,
  name: '人员查找索引',
  up: `
    CREATE VIRTUAL TABLE person_search USING fts5(
      search_key, content = '', contentless_delete = 1, detail = none, tokenize = 'trigram case_sensitive 1'
    );
    CREATE VIRTUAL TABLE person_search_terms USING fts5vocab(person_search, 'row');
    CREATE TABLE person_search_pending (person_id INTEGER PRIMARY KEY) STRICT;
    INSERT INTO person_search (rowid, search_key) SELECT id, ${KEY('persons')} FROM persons;

    CREATE TRIGGER person_search_insert AFTER INSERT ON persons BEGIN
      INSERT OR IGNORE INTO person_search_pending (person_id) VALUES (new.id);
    END;
    CREATE TRIGGER person_search_update AFTER UPDATE OF search_key ON persons WHEN old.search_key IS NOT new.search_key BEGIN
      DELETE FROM person_search WHERE rowid = old.id;
      INSERT OR IGNORE INTO person_search_pending (person_id) VALUES (new.id);
    END;
    CREATE TRIGGER person_search_delete AFTER DELETE ON persons BEGIN
      DELETE FROM person_search WHERE rowid = old.id;
      DELETE FROM person_search_pending WHERE person_id = old.id;
    END;
  `
}
