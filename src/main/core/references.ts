import type { Store } from './store'

/** What each table holds, in the words a clerk uses when told why a record cannot be deleted. */
export const TABLE_LABELS: Record<string, string> = {
  persons: '人员',
  village_grade_changes: '分级记录',
  risk_items: '风险事项',
  risk_key_persons: '重点人员',
  key_person_talks: '谈话记录',
  emergency_plans: '应急预案',
  village_work_records: '走访谈话记录',
  election_assessments: '选情评估',
  village_plan_steps: '工作计划进度',
  voters: '选民登记',
  voter_publications: '选民名单公告',
  voter_changes: '选民名单变更',
  voter_objections: '选民名单申诉',
  voter_proxies: '委托投票',
  elections: '选举结果',
  election_candidates: '选举得票',
  committee_members: '两委成员',
  person_profiles: '干部信息',
  person_resume: '简历',
  person_family: '家庭成员',
  person_tags: '标签',
  person_photos: '照片',
  candidates: '人选',
  candidate_stages: '审查环节',
  review_verdicts: '联审意见',
  negative_findings: '负面清单情形',
  evaluations: '民主测评'
}

export interface Reference {
  table: string
  label: string
  count: number
}

/**
 * Every row in any table whose foreign key points at `table`.`id` = id. Read from the schema itself,
 * so a table added by a later migration is covered without touching this code.
 */
export function referencesTo(store: Store, table: string, id: number): Reference[] {
  const tables = store.all<{ name: string }>(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)
  const refs: Reference[] = []
  for (const { name: t } of tables) {
    const keys = store.all<{ from: string; table: string }>(`SELECT "from", "table" FROM pragma_foreign_key_list(?)`, t)
    for (const k of keys.filter((k) => k.table === table)) {
      const count = store.value<number>(`SELECT count(*) FROM "${t}" WHERE "${k.from}" = ?`, id) ?? 0
      if (count > 0) refs.push({ table: t, label: TABLE_LABELS[t] ?? t, count })
    }
  }
  return refs
}

export function describeReferences(refs: Reference[]): string {
  return refs.map((r) => `${r.label} ${r.count} 条`).join('、')
}
