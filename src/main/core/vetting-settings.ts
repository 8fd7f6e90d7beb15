import {
  evaluationWeightsSetting,
  meetingLevelsSetting,
  negativeListSetting,
  oneShoulderTargetSetting,
  partyMarginPercentSetting,
  publicityDaysSetting,
  reviewDepartmentsSetting,
  unsatisfiedThresholdSetting,
  type NegativeItem
} from '../../shared/settings'
import type { VettingRules } from '../../shared/vetting-rules'
import type { SettingsService } from './settings'

export interface VettingSettingsValues {
  reviewDepartments: string[]
  negativeList: NegativeItem[]
  evaluationWeights: VettingRules['weights']
  unsatisfiedThreshold: number
  meetingLevels: string[]
  publicityDays: number
  partyMarginPercent: number
  oneShoulderTarget: number
}

export function readVettingSettings(settings: SettingsService): VettingSettingsValues {
  return {
    reviewDepartments: settings.get(reviewDepartmentsSetting),
    negativeList: settings.get(negativeListSetting),
    evaluationWeights: settings.get(evaluationWeightsSetting),
    unsatisfiedThreshold: settings.get(unsatisfiedThresholdSetting),
    meetingLevels: settings.get(meetingLevelsSetting),
    publicityDays: settings.get(publicityDaysSetting),
    partyMarginPercent: settings.get(partyMarginPercentSetting),
    oneShoulderTarget: settings.get(oneShoulderTargetSetting)
  }
}

export function vettingRules(settings: SettingsService): VettingRules {
  const s = readVettingSettings(settings)
  return {
    departments: s.reviewDepartments,
    meetingLevels: s.meetingLevels,
    weights: s.evaluationWeights,
    unsatisfiedThreshold: s.unsatisfiedThreshold,
    publicityDays: s.publicityDays,
    partyMarginPercent: s.partyMarginPercent,
    oneShoulderTarget: s.oneShoulderTarget
  }
}
