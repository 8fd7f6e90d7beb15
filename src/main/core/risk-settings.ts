import { z } from 'zod'
import { DEFAULT_PLAN_TEMPLATE, planTemplate } from '../../shared/plan-schedule'
import { DEFAULT_RISK_TYPES, DEFAULT_TALK_INTERVAL_DAYS } from '../../shared/risk-rules'
import { defineSetting } from './settings'

/** Settings of the risk files and the round's plan; provinces differ, so the office may change each. */
export const riskTypesSetting = defineSetting({
  key: 'risks.types',
  label: '风险类型',
  schema: z
    .array(z.string().trim().min(1, '类型名称不能为空').max(20, '类型名称不能超过20个字'))
    .min(1, '至少保留一个风险类型')
    .max(50)
    .refine((a) => new Set(a).size === a.length, '风险类型不能重复'),
  defaultValue: DEFAULT_RISK_TYPES
})

export const talkIntervalSetting = defineSetting({
  key: 'risks.talkIntervalDays',
  label: '重点人员谈话间隔（天）',
  schema: z.number({ error: '应为天数' }).int('应为整数').min(1, '至少1天').max(365, '不能超过365天'),
  defaultValue: DEFAULT_TALK_INTERVAL_DAYS
})

export const planTemplateSetting = defineSetting({
  key: 'plans.template',
  label: '换届工作计划模板',
  schema: planTemplate,
  defaultValue: DEFAULT_PLAN_TEMPLATE
})
