import { z } from 'zod'
import { VILLAGE_LABELS, villageInput, villageQuery } from '../shared/village'
import { idInput, method, prefixed, query } from './api-method'
import { LATEST_VERSION, type Store } from './core/store'
import { VillageService } from './core/villages'
import { AuditService, auditQuery } from './core/audit'
import { JobRunner } from './core/jobs'
import { ExportService } from './core/exports/service'
import { exportInput } from '../shared/exports'
import { riskApi, planApi } from './api-risks'
import { ElectionService } from './core/elections'
import { MemberService } from './core/members'
import { SettingsService } from './core/settings'
import { StatisticsService } from './core/statistics'
import { VoterService } from './core/voters'
import { VOTING_RULES } from './core/voting-settings'
import { ELECTION_LABELS, electionInput, memberAttributes, memberInput, TERMS } from '../shared/election'
import {
  answerInput,
  objectionInput,
  proxyInput,
  publishInput,
  removeVoterInput,
  VOTER_LABELS,
  voterInput,
  voterQuery
} from '../shared/voter'
import { votingRules } from '../shared/voting-rules'
import { BODIES } from '../shared/election-rules'
import { vettingApi } from './vetting-api'
import { ImportService } from './core/import/service'
import { importCommitInput, importPreviewInput, rememberMappingInput } from '../shared/import'

/**
 * The one API of the app: a plain object of async methods over the store. Electron IPC and the
 * browser-mode HTTP server both dispatch to it; its type is the renderer's contract.
 */
export function buildApi(store: Store, jobs: JobRunner = new JobRunner()) {
  const villages = new VillageService(store)
  const audit = new AuditService(store)
  const exporter = new ExportService(store, jobs)
  const imports = new ImportService(store, jobs)
  const jobId = z.object({ id: z.string().min(1) })
  const voters = new VoterService(store)
  const elections = new ElectionService(store)
  const members = new MemberService(store)
  const statistics = new StatisticsService(store)
  const settings = new SettingsService(store)
  const villageInput_ = z.object({ villageId: z.number().int().positive() })
  const optionalVillage = z.object({ villageId: z.number().int().positive().nullable().default(null) }).default({ villageId: null })

  return {
    app: {
      info: query(() => ({
        name: '换届工作台',
        dbPath: store.path,
        dataVersion: store.version,
        supportedVersion: LATEST_VERSION,
        backupBeforeMigration: store.backupBeforeMigration
      }))
    },
    villages: {
      list: method(villageQuery, (q) => villages.list(q)),
      get: method(idInput, ({ id }) => villages.require(id)),
      create: method(villageInput, (v) => villages.create(v), VILLAGE_LABELS),
      update: method(
        z.object({ id: z.number().int().positive(), data: villageInput }),
        ({ id, data }) => villages.update(id, data),
        prefixed('data', VILLAGE_LABELS)
      ),
      remove: method(idInput, ({ id }) => villages.remove(id))
    },
    audit: {
      list: method(auditQuery, (q) => audit.list(q))
    },
    exports: {
      tables: query(() => exporter.tables()),
      /** A table as a file at once: { fileName, mime, base64 }. */
      file: method(exportInput, (i) => exporter.file(i)),
      /** The same as a job (batches of forms, large tables): poll jobs.status for the file. */
      start: method(exportInput, (i) => exporter.start(i))
    },
    imports: {
      kinds: query(() => imports.kinds()),
      /** Starts reading and checking a file; the job's result is the ImportPreview. */
      preview: method(importPreviewInput, ({ kind, fileName, base64, villageId, mapping, sheet }) =>
        imports.startPreview(kind, { bytes: Buffer.from(base64, 'base64'), name: fileName }, { villageId, mapping, sheet })
      ),
      /** Starts writing a previewed file; the job's result is the ImportSummary. */
      commit: method(importCommitInput, ({ previewId }) => imports.startCommit(previewId)),
      remember: method(rememberMappingInput, ({ kind, header, field }) => imports.remember(kind, header, field))
    },
    jobs: {
      status: method(jobId, ({ id }) => jobs.status(id) ?? null),
      cancel: method(jobId, ({ id }) => jobs.cancel(id) ?? null)
    },
    risks: riskApi(store),
    plans: planApi(store),
    voters: {
      list: method(voterQuery, (q) => voters.list(q)),
      get: method(idInput, ({ id }) => voters.get(id)),
      counts: method(optionalVillage, ({ villageId }) => voters.counts(villageId)),
      groups: method(villageInput_, ({ villageId }) => voters.groups(villageId)),
      create: method(voterInput, (v) => voters.create(v), VOTER_LABELS),
      update: method(
        z.object({ id: z.number().int().positive(), data: voterInput }),
        ({ id, data }) => voters.update(id, data),
        prefixed('data', VOTER_LABELS)
      ),
      remove: method(removeVoterInput, ({ id, reason, on }) => voters.remove(id, reason, on)),
      publication: method(villageInput_, ({ villageId }) => voters.publication(villageId)),
      publish: method(publishInput, (p) => voters.publish(p.villageId, p.publishedOn, p.note)),
      changes: method(villageInput_, ({ villageId }) => voters.changes(villageId)),
      objections: method(villageInput_, ({ villageId }) => voters.objections(villageId)),
      addObjection: method(objectionInput, (o) => voters.addObjection(o)),
      answerObjection: method(answerInput, (a) => voters.answerObjection(a)),
      proxies: method(villageInput_, ({ villageId }) => voters.proxies(villageId)),
      addProxy: method(proxyInput, (p) => voters.addProxy(p)),
      removeProxy: method(idInput, ({ id }) => voters.removeProxy(id))
    },
    elections: {
      rules: query(() => settings.get(VOTING_RULES)),
      saveRules: method(votingRules, (r) => settings.set(VOTING_RULES, r)),
      list: method(optionalVillage, ({ villageId }) => elections.list(villageId)),
      get: method(idInput, ({ id }) => elections.get(id)),
      create: method(electionInput, (e) => elections.create(e), ELECTION_LABELS),
      update: method(
        z.object({ id: z.number().int().positive(), data: electionInput }),
        ({ id, data }) => elections.update(id, data),
        prefixed('data', ELECTION_LABELS)
      ),
      remove: method(idInput, ({ id }) => elections.remove(id)),
      report: method(villageInput_, ({ villageId }) => elections.villageReport(villageId)),
      /** The village's 人选 for one committee's ballot, 正式候选人 first. */
      ballot: method(villageInput_.extend({ body: z.enum(BODIES) }), ({ villageId, body }) => elections.ballot(villageId, body))
    },
    members: {
      roster: method(
        z.object({ term: z.enum(TERMS).nullable().default(null), villageId: z.number().int().positive().nullable().default(null) }).default({ term: null, villageId: null }),
        (q) => members.roster(q)
      ),
      create: method(memberInput, (m) => members.create(m)),
      updateAttributes: method(memberAttributes.extend({ id: z.number().int().positive() }), ({ id, ...a }) => members.updateAttributes(id, a)),
      remove: method(idInput, ({ id }) => members.remove(id))
    },
    statistics: {
      structure: query(() => statistics.structure())
    },
    ...vettingApi(store)
  }
}

export type Api = ReturnType<typeof buildApi>
