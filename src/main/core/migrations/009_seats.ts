import type { Migration } from './types'

/**
 * A candidate's seats: one post on the Party committee and one on the villagers' committee, either may be
 * empty, so that 一肩挑 and 交叉任职 follow from them. Every row is kept: 一肩挑 becomes 书记 + 主任; a
 * 交叉任职 row does not say which posts, so it keeps no seat and the pool lists it as 职务待补充 for the
 * clerk to complete. 人选来源 may be 未填写 (a roster without the column), shown as 待补充.
 */
export const migration009: Migration = {
  version: 9,
  name: '人选按组织分别登记拟任职务',
  up: (db, now) => {
    db.exec(`
    ALTER TABLE candidates ADD COLUMN party_post TEXT CHECK (party_post IS NULL OR party_post IN ('书记', '副书记', '委员'));
    ALTER TABLE candidates ADD COLUMN committee_post TEXT CHECK (committee_post IS NULL OR committee_post IN ('主任', '副主任', '委员'));
    UPDATE candidates SET
      party_post = CASE post WHEN '党组织书记' THEN '书记' WHEN '党组织副书记' THEN '副书记' WHEN '党组织委员' THEN '委员' WHEN '一肩挑' THEN '书记' END,
      committee_post = CASE post WHEN '村委会主任' THEN '主任' WHEN '村委会副主任' THEN '副主任' WHEN '村委会委员' THEN '委员' WHEN '一肩挑' THEN '主任' END;`)
    db.prepare(`INSERT INTO audit_log (at, actor, action, entity, entity_id, summary, before, after)
      SELECT ?, '数据升级', 'migrate', 'candidate', CAST(c.id AS TEXT),
        '人选“' || p.name || '”原登记为“交叉任职”，未写明两边的职务，请补充拟任党组织职务和村(居)委会职务',
        json_object('post', c.post), NULL
      FROM candidates c JOIN persons p ON p.id = c.person_id WHERE c.post = '交叉任职'`).run(now)
    db.exec(`
    ALTER TABLE candidates DROP COLUMN post;

    ALTER TABLE candidates ADD COLUMN source_given TEXT NOT NULL DEFAULT '未填写'
      CHECK (source_given IN ('党员推荐', '群众推荐', '组织推荐', '自荐', '未填写'));
    UPDATE candidates SET source_given = source;
    ALTER TABLE candidates DROP COLUMN source;
    ALTER TABLE candidates RENAME COLUMN source_given TO source;`)
  }
}
