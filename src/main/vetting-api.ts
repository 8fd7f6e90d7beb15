import { z } from 'zod'
import { DEFAULT_TAGS, PROFILE_LABELS, personRecordInput } from '../shared/cadre'
import {
  CANDIDATE_LABELS,
  EVALUATION_LABELS,
  STAGE_LABELS,
  candidateInput,
  candidateQuery,
  evaluationInput,
  findingDecisionInput,
  findingInput,
  stageInput,
  verdictInput
} from '../shared/candidate'
import { isIsoDate } from '../shared/dates'
import { PERSON_LABELS } from '../shared/person'
import { idInput, method, prefixed, query } from './api-method'
import { CandidateService } from './core/candidates'
import type { SettingDef } from './core/settings'
import type { Store } from './core/store'
import { VettingService } from './core/vetting'
import { readVettingSettings, VETTING_SETTINGS, type VettingSettingKey } from './core/vetting-settings'

const recordLabels = { ...prefixed('person', PERSON_LABELS), ...prefixed('profile', PROFILE_LABELS) }
const candidateId = z.object({ candidateId: z.number({ error: '缺少人选编号' }).int().positive() })
const settingKey = z.enum(Object.keys(VETTING_SETTINGS) as [VettingSettingKey, ...VettingSettingKey[]], { error: '未知的设置项' })

/** The 人选库 and vetting namespaces: persons, candidates, vetting, review, negatives, evaluations. */
export function vettingApi(store: Store) {
  const vetting = new VettingService(store)
  const candidates: CandidateService = vetting.candidates
  const records = candidates.records

  return {
    persons: {
      list: method(
        z
          .object({
            search: z.string().trim().max(50).default(''),
            villageId: z.number().int().positive().nullable().default(null),
            tag: z.string().trim().max(20).nullable().default(null)
          })
          .default({ search: '', villageId: null, tag: null }),
        (q) => records.list(q)
      ),
      /** The person's page: the full record, unmasked, with candidacy and findings. */
      get: method(idInput, ({ id }) => ({
        ...records.get(id),
        candidacy: candidates.ofPerson(id),
        findings: vetting.findings(id)
      })),
      create: method(personRecordInput, (data) => records.create(data), recordLabels),
      update: method(
        z.object({ id: z.number().int().positive(), data: personRecordInput }),
        ({ id, data }) => records.update(id, data),
        prefixed('data', recordLabels)
      ),
      remove: method(idInput, ({ id }) => records.remove(id)),
      photo: method(idInput, ({ id }) => records.photo(id)),
      setPhoto: method(z.object({ id: z.number().int().positive(), base64: z.string().max(17_000_000, '照片过大（超过 12MB），请压缩后再上传') }), ({ id, base64 }) =>
        records.setPhoto(id, base64)
      ),
      removePhoto: method(idInput, ({ id }) => records.removePhoto(id)),
      tags: query(() => [...new Set([...DEFAULT_TAGS, ...records.allTags()])])
    },
    candidates: {
      list: method(candidateQuery, (q) => candidates.list(q)),
      get: method(idInput, ({ id }) => candidates.get(id)),
      propose: method(candidateInput, (data) => candidates.propose(data), CANDIDATE_LABELS),
      update: method(
        z.object({ id: z.number().int().positive(), data: candidateInput }),
        ({ id, data }) => candidates.update(id, data),
        prefixed('data', CANDIDATE_LABELS)
      ),
      withdraw: method(idInput, ({ id }) => candidates.withdraw(id)),
      villageChecks: method(z.object({ villageId: z.number().int().positive() }), ({ villageId }) => candidates.villageChecks(villageId)),
      townshipChecks: query(() => candidates.townshipChecks()),
      dossier: method(idInput, ({ id }) => candidates.dossierData(id))
    },
    vetting: {
      recordStage: method(stageInput, (data) => vetting.recordStage(data), STAGE_LABELS),
      undoStage: method(candidateId, ({ candidateId }) => vetting.undoStage(candidateId)),
      settings: query(() => readVettingSettings(candidates.settings)),
      saveSetting: method(z.object({ key: settingKey, value: z.unknown() }), ({ key, value }) =>
        candidates.settings.set(VETTING_SETTINGS[key] as SettingDef<z.ZodType>, value)
      ),
      resetSetting: method(z.object({ key: settingKey }), ({ key }) => candidates.settings.reset(VETTING_SETTINGS[key] as SettingDef<z.ZodType>))
    },
    review: {
      send: method(candidateId.extend({ sentOn: z.string().refine(isIsoDate, '送审日期格式应为 YYYY-MM-DD') }), ({ candidateId, sentOn }) =>
        vetting.sendToReview(candidateId, sentOn)
      ),
      record: method(verdictInput, (data) => vetting.recordVerdict(data), { department: '部门', verdict: '意见', reason: '理由', decidedOn: '反馈日期' }),
      board: method(
        z.object({ villageId: z.number().int().positive().nullable().default(null) }).default({ villageId: null }),
        ({ villageId }) => vetting.reviewBoard(villageId)
      )
    },
    negatives: {
      list: method(z.object({ personId: z.number().int().positive() }), ({ personId }) => vetting.findings(personId)),
      add: method(findingInput, (data) => vetting.addFinding(data), {
        itemCode: '负面清单条目',
        department: '来源部门',
        evidence: '依据',
        foundOn: '发现日期'
      }),
      decide: method(findingDecisionInput, (data) => vetting.decideFinding(data), { decision: '研究决定', decidedBy: '决定机构', decidedOn: '决定日期' }),
      remove: method(idInput, ({ id }) => vetting.removeFinding(id))
    },
    evaluations: {
      get: method(candidateId, ({ candidateId }) => vetting.evaluation(candidateId)),
      record: method(evaluationInput, (data) => vetting.recordEvaluation(data), EVALUATION_LABELS)
    }
  }
}
