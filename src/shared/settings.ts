import { z } from 'zod'
import { SEVERITIES } from './candidate'
import { townshipElectionDays } from './election-days'
import { DEFAULT_PLAN_TEMPLATE, planTemplate } from './plan-schedule'
import { DEFAULT_RISK_TYPES, DEFAULT_TALK_INTERVAL_DAYS } from './risk-rules'
import { DEFAULT_VOTING_RULES, votingRules } from './voting-rules'

/**
 * Every office setting of the app: one JSON value per key, each with a zod schema and a default from DOMAIN.md.
 * Provinces differ, so every legal number the app uses is read from here, never hard-coded at the use site.
 */
export interface SettingDef<S extends z.ZodType> {
  key: string
  label: string
  schema: S
  defaultValue: z.output<S>
}

export function defineSetting<S extends z.ZodType>(def: SettingDef<S>): SettingDef<S> {
  return def
}

export const votingRulesSetting = defineSetting({
  key: 'voting.rules',
  label: '选民登记与选举规则',
  schema: votingRules,
  defaultValue: DEFAULT_VOTING_RULES
})

/** Minutes without a call after which the window locks until the same account's password is given again. */
export const idleMinutesSetting = defineSetting({
  key: 'access.idleMinutes',
  label: '无操作自动锁定（分钟）',
  schema: z.number().int().min(1).max(240),
  defaultValue: 10
})

/** 内部资料 注意保密 in the footer of printed tables and PDFs. */
export const confidentialFooterSetting = defineSetting({
  key: 'print.confidentialFooter',
  label: '打印页脚“内部资料 注意保密”',
  schema: z.boolean(),
  defaultValue: true
})

/** 全乡镇统一选举日: the day every village uses unless it has its own. */
export const townshipElectionDaysSetting = defineSetting({
  key: 'township.electionDays',
  label: '全乡镇统一选举日',
  schema: townshipElectionDays,
  defaultValue: { partyElectionDate: null, committeeElectionDate: null }
})

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

const names = (label: string, min: number, max: number) =>
  z
    .array(z.string().trim().min(1, `${label}名称不能为空`).max(50))
    .min(min, `${label}至少${min}个`)
    .max(max, `${label}最多${max}个`)
    .refine((xs) => new Set(xs).size === xs.length, `${label}不能重复`)

export const reviewDepartmentsSetting = defineSetting({
  key: 'vetting.reviewDepartments',
  label: '县级联审部门',
  // Published practice: 8 to 16 departments take part in the county's joint review.
  schema: names('联审部门', 8, 16),
  defaultValue: [
    '纪委监委', '组织部', '政法委', '统战部', '公安', '法院', '检察院', '司法局',
    '信访局', '民政局', '自然资源和规划', '生态环境', '农业农村', '卫健委', '市场监管', '税务'
  ]
})

export const negativeItem = z.object({
  code: z.string().trim().min(1, '编号不能为空').max(20),
  text: z.string().trim().min(1, '内容不能为空').max(200),
  severity: z.enum(SEVERITIES, { error: '类别应为“不能”或“不宜”' })
})
export type NegativeItem = z.output<typeof negativeItem>

export const negativeListSetting = defineSetting({
  key: 'vetting.negativeList',
  label: '负面清单',
  schema: z
    .array(negativeItem)
    .min(1, '负面清单至少1条')
    .max(60)
    .refine((xs) => new Set(xs.map((x) => x.code)).size === xs.length, '负面清单编号不能重复'),
  defaultValue: [
    { code: '不能1', severity: '不能', text: '受过刑事处罚，或刑满释放未满5年' },
    { code: '不能2', severity: '不能', text: '受到撤销党内职务及以上党纪处分未满2年' },
    { code: '不能3', severity: '不能', text: '村霸，或涉及宗族恶势力' },
    { code: '不能4', severity: '不能', text: '涉黑涉恶，或参加邪教组织' },
    { code: '不能5', severity: '不能', text: '丧失行为能力' },
    { code: '不能6', severity: '不能', text: '拒不签订换届纪律承诺书' },
    { code: '不宜1', severity: '不宜', text: '正在接受纪检监察机关审查调查' },
    { code: '不宜2', severity: '不宜', text: '近5年内受过行政拘留' },
    { code: '不宜3', severity: '不宜', text: '近5年内因赌博、封建迷信等受过处罚' },
    { code: '不宜4', severity: '不宜', text: '近5年内有缠访闹访等行为' },
    { code: '不宜5', severity: '不宜', text: '本次换届中有拉票贿选、拉帮结派行为' },
    { code: '不宜6', severity: '不宜', text: '长期不在村居住、无法正常履职' }
  ] as NegativeItem[]
})

export const evaluationWeightsSetting = defineSetting({
  key: 'vetting.evaluationWeights',
  label: '民主测评权重(党员:村民代表:满意度)',
  schema: z
    .object({
      party: z.number({ error: '应为数字' }).min(0, '应在0–100之间').max(100, '应在0–100之间'),
      representatives: z.number({ error: '应为数字' }).min(0, '应在0–100之间').max(100, '应在0–100之间'),
      satisfaction: z.number({ error: '应为数字' }).min(0, '应在0–100之间').max(100, '应在0–100之间')
    })
    .refine((w) => w.party + w.representatives + w.satisfaction > 0, '权重不能全为0'),
  defaultValue: { party: 3, representatives: 5, satisfaction: 2 }
})

export const unsatisfiedThresholdSetting = defineSetting({
  key: 'vetting.unsatisfiedThreshold',
  label: '不满意率上限(%)',
  schema: z.number({ error: '应为数字' }).min(0, '应在0–100之间').max(100, '应在0–100之间'),
  defaultValue: 30
})

export const meetingLevelsSetting = defineSetting({
  key: 'vetting.meetingLevels',
  label: '会审层级',
  schema: names('会审层级', 1, 5),
  defaultValue: ['乡镇党委会', '县委组织部部务会', '县委常委会']
})

export const publicityDaysSetting = defineSetting({
  key: 'vetting.publicityDays',
  label: '公示期(工作日)',
  schema: z.number({ error: '应为数字' }).int('应为整数').min(1, '应在1–30个工作日之间').max(30, '应在1–30个工作日之间'),
  defaultValue: 5
})

export const partyMarginPercentSetting = defineSetting({
  key: 'vetting.partyMarginPercent',
  label: '党组织委员差额比例(%)',
  schema: z.number({ error: '应为数字' }).int('应为整数').min(0, '应在0–100之间').max(100, '应在0–100之间'),
  defaultValue: 20
})

export const oneShoulderTargetSetting = defineSetting({
  key: 'vetting.oneShoulderTarget',
  label: '一肩挑目标比例(%)',
  schema: z.number({ error: '应为数字' }).min(0, '应在0–100之间').max(100, '应在0–100之间'),
  defaultValue: 100
})

/** The vetting settings by the key the 人选库 settings page saves them under. */
export const VETTING_SETTINGS = {
  reviewDepartments: reviewDepartmentsSetting,
  negativeList: negativeListSetting,
  evaluationWeights: evaluationWeightsSetting,
  unsatisfiedThreshold: unsatisfiedThresholdSetting,
  meetingLevels: meetingLevelsSetting,
  publicityDays: publicityDaysSetting,
  partyMarginPercent: partyMarginPercentSetting,
  oneShoulderTarget: oneShoulderTargetSetting
} as const
export type VettingSettingKey = keyof typeof VETTING_SETTINGS


/** API inputs that save settings: each value checked by its setting's own schema. */
export const riskSettingsInput = z.object({ riskTypes: riskTypesSetting.schema, talkIntervalDays: talkIntervalSetting.schema })
export const RISK_SETTINGS_LABELS = { riskTypes: riskTypesSetting.label, talkIntervalDays: talkIntervalSetting.label }

export const planTemplateInput = z.object({ steps: planTemplateSetting.schema })

const vettingSettingKey = z.enum(Object.keys(VETTING_SETTINGS) as [VettingSettingKey, ...VettingSettingKey[]], { error: '未知的设置项' })
/** The value is checked against the setting's own schema when it is saved. */
export const vettingSettingInput = z.object({ key: vettingSettingKey, value: z.unknown() })
