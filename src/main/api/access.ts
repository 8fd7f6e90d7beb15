import type { Need } from '../../shared/accounts'
import type { Api } from './index'
import type { itemMethods } from './risk-items'

/** Both ledgers (风险档案, 回头看) keep their items with the same methods (api/risk-items.ts), so they need the same. */
const RISK_ITEM_ACCESS = {
  list: 'read',
  get: 'read',
  create: 'write',
  update: 'write',
  changeStatus: 'write',
  addKeyPerson: 'write',
  removeKeyPerson: 'write',
  addTalk: 'write',
  removeTalk: 'write'
} as const satisfies Record<keyof ReturnType<typeof itemMethods>, Need>

/**
 * What every API method needs, namespace by namespace, beside the API it guards: the boundary (api/gate.ts)
 * refuses a call the signed-in account's role does not allow, before the method runs. A method the table does not
 * name is refused for everyone, and the role-matrix test (api/gate.test.ts) fails until it is declared.
 */
export const ACCESS: { [N in keyof Api]: { [M in keyof Api[N]]: Need } } = {
  app: { info: 'read' },
  villages: { list: 'read', get: 'read', create: 'write', update: 'write', remove: 'write' },
  persons: {
    list: 'read',
    get: 'read',
    create: 'write',
    update: 'write',
    remove: 'write',
    photo: 'read',
    setPhoto: 'write',
    removePhoto: 'write',
    tags: 'read',
    lrmxPreview: 'write',
    lrmxCommit: 'write'
  },
  candidates: { list: 'read', get: 'read', propose: 'write', update: 'write', withdraw: 'write', villageChecks: 'read', townshipChecks: 'read', dossier: 'export' },
  vetting: { recordStage: 'write', recordStages: 'write', undoStage: 'write', settings: 'read', saveSetting: 'admin' },
  review: { send: 'write', record: 'write', board: 'read', sendMany: 'write', sheet: 'export', recordSheet: 'write' },
  negatives: { add: 'write', decide: 'write', remove: 'write' },
  evaluations: { get: 'read', record: 'write' },
  voters: {
    list: 'read',
    get: 'read',
    counts: 'read',
    create: 'write',
    update: 'write',
    remove: 'write',
    publication: 'read',
    publish: 'write',
    changes: 'read',
    objections: 'read',
    addObjection: 'write',
    answerObjection: 'write',
    proxies: 'read',
    addProxy: 'write',
    removeProxy: 'write'
  },
  elections: {
    rules: 'read',
    saveRules: 'admin',
    townshipDays: 'read',
    saveTownshipDays: 'write',
    create: 'write',
    update: 'write',
    remove: 'write',
    report: 'export',
    ballot: 'export',
    recalls: 'read',
    recordRecall: 'write'
  },
  members: { roster: 'read', create: 'write', updateAttributes: 'write', remove: 'write' },
  statistics: { structure: 'read' },
  risks: {
    township: 'read',
    villageFile: 'read',
    setGrade: 'write',
    ...RISK_ITEM_ACCESS,
    searchPersons: 'read',
    emergencyPlans: 'read',
    workRecords: 'read',
    assessments: 'read',
    settings: 'read',
    saveSettings: 'admin'
  },
  plans: {
    template: 'read',
    saveTemplate: 'admin',
    resetTemplate: 'admin',
    village: 'read',
    tick: 'write',
    untick: 'write',
    setPlannedDate: 'write',
    timeline: 'read'
  },
  imports: { kinds: 'read', preview: 'write', problems: 'write', commit: 'write', remember: 'write' },
  exports: { tables: 'read', file: 'export', start: 'export' },
  jobs: { status: 'read', cancel: 'read' },
  audit: { list: 'admin' },
  calendar: { list: 'read', save: 'admin', remove: 'admin' },
  // A difference between the two blind entries is settled by a 管理员, as the official result must be.
  countSheets: { list: 'read', get: 'read', enter: 'write', resolve: 'admin' },
  notices: { templates: 'read', versions: 'read', save: 'write', preview: 'read' },
  handover: { board: 'read', village: 'read', record: 'write', clear: 'write', saveSettings: 'admin' },
  lookback: {
    kinds: 'read',
    focus: 'read',
    ...RISK_ITEM_ACCESS
  },
  bodies: { roster: 'read', create: 'write', remove: 'write' }
}

export function needOf(name: string): Need | undefined {
  const [ns, m, ...rest] = name.split('.')
  if (rest.length > 0 || !Object.prototype.hasOwnProperty.call(ACCESS, ns)) return undefined
  const table = ACCESS[ns as keyof Api] as Record<string, Need>
  return Object.prototype.hasOwnProperty.call(table, m) ? table[m] : undefined
}
