import type { z } from 'zod'
import { STAGE_LABELS, stageInput } from '../../shared/candidate'
import { candidateIdInput } from '../../shared/inputs'
import { VETTING_SETTINGS, vettingSettingInput, type SettingDef } from '../../shared/settings'
import type { Services } from '../core/services'
import { readVettingSettings } from '../core/vetting-settings'
import { batchStageInput } from '../../shared/vetting-batch'
import { method, query } from './method'

/** The vetting path's stages (资格初审 … 选举) and the settings it is checked against. */
export const vettingApi = ({ vetting, vettingBatch, settings }: Services) => ({
  recordStage: method(stageInput, (data) => vetting.recordStage(data), STAGE_LABELS),
  /** One step and one date for the selected candidates: all of them or none. */
  recordStages: method(batchStageInput, (data) => vettingBatch.recordStages(data), STAGE_LABELS),
  undoStage: method(candidateIdInput, ({ candidateId }) => vetting.undoStage(candidateId)),
  settings: query(() => readVettingSettings(settings)),
  saveSetting: method(vettingSettingInput, ({ key, value }) => settings.set(VETTING_SETTINGS[key] as SettingDef<z.ZodType>, value)),
})
