import { buildServices, type Services } from '../core/services'
import type { Clock } from '../core/clock'
import type { JobRunner } from '../core/jobs'
import type { Store } from '../core/store'
import { appApi } from './app'
import { auditApi } from './audit'
import { calendarApi } from './calendar'
import { bodiesApi } from './bodies'
import { candidatesApi } from './candidates'
import { countSheetsApi } from './count-sheets'
import { electionsApi } from './elections'
import { evaluationsApi } from './evaluations'
import { exportsApi } from './exports'
import { handoverApi } from './handover'
import { lookbackApi } from './lookback'
import { importsApi } from './imports'
import { jobsApi } from './jobs'
import { membersApi } from './members'
import { negativesApi } from './negatives'
import { noticesApi } from './notices'
import { personsApi } from './persons'
import { plansApi } from './plans'
import { reviewApi } from './review'
import { risksApi } from './risks'
import { statisticsApi } from './statistics'
import { vettingApi } from './vetting'
import { villagesApi } from './villages'
import { votersApi } from './voters'

/**
 * Every capability of the app, by name: `api.<namespace>.<method>(input)`, one file per namespace.
 * Electron IPC and the browser-mode HTTP server both dispatch to this object; its type is the renderer's contract.
 */
export function apiOf(s: Services) {
  return {
    app: appApi(s),
    villages: villagesApi(s),
    persons: personsApi(s),
    candidates: candidatesApi(s),
    vetting: vettingApi(s),
    calendar: calendarApi(s),
    review: reviewApi(s),
    negatives: negativesApi(s),
    evaluations: evaluationsApi(s),
    voters: votersApi(s),
    elections: electionsApi(s),
    countSheets: countSheetsApi(s),
    members: membersApi(s),
    statistics: statisticsApi(s),
    risks: risksApi(s),
    plans: plansApi(s),
    imports: importsApi(s),
    exports: exportsApi(s),
    notices: noticesApi(s),
    jobs: jobsApi(s),
    audit: auditApi(s),
    handover: handoverApi(s),
    lookback: lookbackApi(s),
    bodies: bodiesApi(s)
  }
}

/** The API over a store: what the transports and the tests start from. */
export function buildApi(store: Store, jobs?: JobRunner, clock?: Clock) {
  return apiOf(buildServices(store, clock, jobs))
}

export type Api = ReturnType<typeof apiOf>
