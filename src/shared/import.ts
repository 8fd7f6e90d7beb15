import { z } from 'zod'
import { EDUCATION_LEVELS, POLITICAL_STATUSES } from './cadre'
import { POOLS, REPLY_VERDICTS, SOURCES } from './candidate'
import { isIsoDate } from './dates'
import { TERMS } from './election'
import { BODIES } from './election-rules'
import { VILLAGE_GRADES, VILLAGE_KINDS } from './village'
import { APPROVAL_MEETINGS, categoryAliases, CATEGORY_NUMBERS, VOTER_CATEGORIES } from './voter'

export { columnLetter, foldWidth, headerKey, IGNORED_HEADERS, PREVIEW_ROWS } from './import-reading'

/**
 * What the importer knows about each kind of roster: its columns, the header words offices use for them,
 * and how a cell becomes a value. Pure data, shared with the renderer for the column-mapping screen.
 */
export const IMPORT_KINDS = ['villages', 'persons', 'voters', 'candidates', 'members', 'replies', 'supervisors', 'representatives', 'group-leaders'] as const
export type ImportKind = (typeof IMPORT_KINDS)[number]

export type FieldType =
  /** `prose`: sentences someone wrote (a reason), kept with their full-width punctuation. */
  | { type: 'text'; max: number; squeeze?: boolean; prose?: boolean }
  | { type: 'int' }
  | { type: 'date' }
  | { type: 'idNumber' }
  | { type: 'digits'; length: number }
  | { type: 'phone' }
  /** One of `values`; `aliases` maps what rosters write (一类, 男性) to the stored value. */
  | { type: 'choice'; values: readonly string[]; aliases?: Record<string, string> }

export type FieldDef = FieldType & {
  key: string
  label: string
  /** Header texts that mean this column, besides the label. Compared after normalising (see headerKey). */
  synonyms: readonly string[]
  required?: boolean
}

export interface KindDef {
  kind: ImportKind
  label: string
  fields: readonly FieldDef[]
  /** The rows belong to one village chosen at import time (a voter roster is per village). */
  perVillage: boolean
  /** How a row finds the record it updates, said to the user. */
  matchedBy: string
  /** Columns of which the file must have at least one (拟任职务, or 党组织职务 and 村(居)委会职务 side by side). */
  oneOf?: { label: string; fields: readonly string[] }[]
  /** Fields that may be given once for the whole file when it has no column for them (届别). */
  fileWide?: readonly string[]
  /** Values asked once for the whole file that no column holds (a 回执's 反馈日期), by key: their labels. */
  askedOnce?: Record<string, string>
  /** Imported from another page of the window, which asks what the file needs (the 联审看板 for a 回执). */
  importedFrom?: string
}

const NAME_SYNONYMS = ['姓名', '名字', '人员姓名', '选民姓名', '候选人姓名', '人选姓名']
const ID_SYNONYMS = [
  '身份证号', '身份证号码', '公民身份号码', '公民身份证号码', '公民身份证号', '身份证', '证件号码', '身份证件号码', '证件号',
  '居民身份证号码', '身份号码'
]
const SEX_ALIASES = { 男性: '男', 女性: '女', M: '男', F: '女' }
const VILLAGE_SYNONYMS = ['村社', '所在村', '所在村社', '村(社区)', '村（社区）', '村居', '所在村(社区)', '村名', '村社名称', '所属村', '村']

const name: FieldDef = { key: 'name', label: '姓名', synonyms: NAME_SYNONYMS, type: 'text', max: 50, squeeze: true, required: true }
const idNumber: FieldDef = { key: 'idNumber', label: '公民身份号码', synonyms: ID_SYNONYMS, type: 'idNumber', required: true }
const sex: FieldDef = { key: 'sex', label: '性别', synonyms: [], type: 'choice', values: ['男', '女'], aliases: SEX_ALIASES }
const birthDate: FieldDef = { key: 'birthDate', label: '出生年月', synonyms: ['出生日期', '出生年月日', '生日', '出生时间'], type: 'date' }
const ethnicity: FieldDef = { key: 'ethnicity', label: '民族', synonyms: [], type: 'text', max: 20 }
const phone: FieldDef = { key: 'phone', label: '联系电话', synonyms: ['电话', '手机', '手机号', '手机号码', '联系方式', '电话号码'], type: 'phone' }
const village: FieldDef = { key: 'village', label: '所在村社', synonyms: VILLAGE_SYNONYMS, type: 'text', max: 50 }

const politicalStatus: FieldDef = {
  key: 'politicalStatus',
  label: '政治面貌',
  synonyms: [],
  type: 'choice',
  values: POLITICAL_STATUSES,
  aliases: { 党员: '中共党员', 预备党员: '中共预备党员', 团员: '共青团员' }
}
const education: FieldDef = {
  key: 'education',
  label: '学历',
  synonyms: ['文化程度', '全日制学历', '最高学历'],
  type: 'choice',
  values: EDUCATION_LEVELS,
  aliases: { 小学: '初中及以下', 初中: '初中及以下', 文盲: '初中及以下', 职高: '中专', 技校: '中专', 大学专科: '大专', 专科: '大专', 大学本科: '本科', 大学: '本科', 硕士: '研究生', 博士: '研究生', 硕士研究生: '研究生', 博士研究生: '研究生' }
}

/**
 * Posts are read as text and split into seats by the kinds (shared/seats.ts): one cell may hold both sides
 * ("党组织书记、村委会主任"), or the roster has a column for each committee.
 */
const postColumns = (label: string, synonyms: readonly string[]): FieldDef[] => [
  { key: 'post', label, synonyms, type: 'text', max: 100 },
  {
    key: 'partyPost',
    label: `${label.startsWith('拟任') ? '拟任' : ''}党组织职务`,
    synonyms: ['党组织职务', '党内职务', '党组织拟任职务', '拟任党内职务', '支部职务', '党支部职务', '村党组织职务', '拟任党组织职务'],
    type: 'text',
    max: 50
  },
  {
    key: 'committeePost',
    label: `${label.startsWith('拟任') ? '拟任' : ''}村(居)委会职务`,
    synonyms: ['村(居)委会职务', '村委会职务', '居委会职务', '行政职务', '拟任行政职务', '村(居)委会拟任职务', '村民委员会职务', '拟任村(居)委会职务', '村(居)民委员会职务'],
    type: 'text',
    max: 50
  }
]
const POST_GROUP = (label: string) => [{ label, fields: ['post', 'partyPost', 'committeePost'] }]

/** A roster of one of the other bodies (监督委员会, 村民代表, 村民小组长): persons with a post and their 村民小组. */
function bodyKind(kind: ImportKind, label: string, posts: readonly string[], groupRequired: boolean): KindDef {
  return {
    kind,
    label,
    perVillage: false,
    matchedBy: '按公民身份号码与村社对应已有成员',
    fields: [
      village,
      name,
      idNumber,
      sex,
      birthDate,
      { key: 'post', label: '职务', synonyms: ['担任职务', '现任职务'], type: 'choice', values: posts, aliases: { 监委会主任: '主任', 监督委员会主任: '主任', 成员: '委员', 村民代表: '代表', 小组长: '组长', 村民小组长: '组长' } },
      { key: 'groupName', label: '村民小组', synonyms: ['所在小组', '小组', '组别', '所属小组', '村民小组名称'], type: 'text', max: 30, required: groupRequired },
      { key: 'electedOn', label: '当选日期', synonyms: ['当选时间', '推选日期', '推选时间'], type: 'date' },
      { key: 'note', label: '备注', synonyms: ['说明'], type: 'text', max: 500 }
    ]
  }
}

export const KIND_DEFS: Record<ImportKind, KindDef> = {
  villages: {
    kind: 'villages',
    label: '村社台账',
    perVillage: false,
    matchedBy: '按名称（同一乡镇内）对应已有村社',
    fields: [
      { key: 'name', label: '名称', synonyms: ['村社名称', '村(社区)名称', '村（社区）名称', '村名', '村(社区)', '村（社区）', '村社', '单位名称', '村庄名称', '行政村'], type: 'text', max: 50, squeeze: true, required: true },
      { key: 'kind', label: '类型', synonyms: ['村社类型', '类别(村/社区)'], type: 'choice', values: VILLAGE_KINDS, aliases: { 行政村: '村', 居委会: '社区' } },
      { key: 'township', label: '所属乡镇', synonyms: ['乡镇', '乡镇(街道)', '乡镇（街道）', '街道', '所属街道', '所属乡镇(街道)'], type: 'text', max: 50 },
      { key: 'divisionCode', label: '行政区划代码', synonyms: ['区划代码', '统计用区划代码', '代码', '村代码'], type: 'digits', length: 12 },
      { key: 'households', label: '户数', synonyms: ['总户数', '户籍户数'], type: 'int' },
      { key: 'population', label: '人口', synonyms: ['总人口', '户籍人口', '人口数'], type: 'int' },
      { key: 'partyMembers', label: '党员数', synonyms: ['党员人数', '党员', '党员总数'], type: 'int' },
      { key: 'partySeats', label: '党组织职数', synonyms: ['支委职数', '党组织委员职数', '支委会职数'], type: 'int' },
      { key: 'committeeSeats', label: '村(居)委会职数', synonyms: ['村委会职数', '居委会职数', '村委职数', '村（居）委会职数'], type: 'int' },
      { key: 'grade', label: '分级', synonyms: ['村情分类', '分类', '村情'], type: 'choice', values: VILLAGE_GRADES, aliases: { 重点村: '重难点村', 难点村: '重难点村', 平稳: '平稳村', 一般: '一般村' } },
      { key: 'leader', label: '包村领导', synonyms: ['包村领导姓名', '联系领导'], type: 'text', max: 50 },
      { key: 'residentCadre', label: '驻村干部', synonyms: ['包村干部'], type: 'text', max: 50 },
      { key: 'firstSecretary', label: '第一书记', synonyms: [], type: 'text', max: 50 },
      { key: 'partyElectionDate', label: '党组织换届日期', synonyms: ['党组织选举日期', '支部换届日期'], type: 'date' },
      { key: 'committeeElectionDate', label: '村(居)委会选举日期', synonyms: ['村委会选举日期', '居委会选举日期', '选举日期', '村（居）委会选举日期'], type: 'date' },
      { key: 'note', label: '备注', synonyms: ['说明'], type: 'text', max: 1000 }
    ]
  },
  persons: {
    kind: 'persons',
    label: '人员',
    perVillage: false,
    matchedBy: '按公民身份号码对应已登记人员',
    fields: [name, idNumber, sex, birthDate, ethnicity, village, phone]
  },
  voters: {
    kind: 'voters',
    label: '选民',
    perVillage: true,
    matchedBy: '按公民身份号码对应本村已登记选民；已在本乡镇其他村登记的人会被指出（同一选民只能在一处登记）',
    fields: [
      { key: 'group', label: '村民小组', synonyms: ['小组', '组别', '组', '所在小组', '村民组'], type: 'text', max: 30 },
      name,
      sex,
      idNumber,
      ethnicity,
      { key: 'address', label: '住址', synonyms: ['家庭住址', '户籍地址', '居住地址', '地址', '现住址'], type: 'text', max: 100 },
      {
        key: 'category',
        label: '登记类别',
        synonyms: ['类别', '选民类别', '登记类型', '选民类型'],
        type: 'choice',
        values: CATEGORY_NUMBERS.map((n) => VOTER_CATEGORIES[n].short),
        aliases: categoryAliases(),
        required: true
      },
      { key: 'approvalDate', label: '同意日期', synonyms: ['会议同意日期', '同意参选日期', '批准日期'], type: 'date' },
      { key: 'approvalMeeting', label: '同意会议', synonyms: ['同意参选会议', '批准会议'], type: 'choice', values: APPROVAL_MEETINGS, aliases: { 村民代表大会: '村民代表会议', 村民大会: '村民会议' } }
    ]
  },
  candidates: {
    kind: 'candidates',
    label: '人选',
    perVillage: false,
    matchedBy: '按公民身份号码对应已有人选（同一人只能是一个村的人选，可同时拟任党组织和村(居)委会职务）',
    oneOf: POST_GROUP('拟任职务'),
    fields: [
      village,
      name,
      idNumber,
      sex,
      birthDate,
      ethnicity,
      ...postColumns('拟任职务', ['推荐职务', '拟推荐职务', '职务', '岗位', '拟任岗位']),
      { key: 'source', label: '人选来源', synonyms: ['来源', '推荐方式', '产生方式'], type: 'choice', values: SOURCES, aliases: { 个人自荐: '自荐', 自我推荐: '自荐', 党组织推荐: '组织推荐' } },
      { key: 'pool', label: '人选类别', synonyms: ['类别', '人选类型'], type: 'choice', values: POOLS, aliases: { 后备: '后备干部', 初步候选人: '初步人选', 正式: '正式候选人' } },
      { key: 'proposedOn', label: '摸排日期', synonyms: ['推荐日期', '摸排时间'], type: 'date' },
      politicalStatus,
      { key: 'partyJoined', label: '入党时间', synonyms: ['入党年月', '入党日期'], type: 'date' },
      education,
      phone,
      { key: 'note', label: '备注', synonyms: ['说明'], type: 'text', max: 500 }
    ]
  },
  members: {
    kind: 'members',
    label: '两委成员',
    perVillage: false,
    matchedBy: '按公民身份号码、组织与届别对应已有成员',
    oneOf: POST_GROUP('职务'),
    fileWide: ['term'],
    fields: [
      village,
      name,
      idNumber,
      sex,
      birthDate,
      ethnicity,
      { key: 'body', label: '所属组织', synonyms: ['组织', '班子'], type: 'choice', values: BODIES, aliases: { 党组织委员会: '党组织', 支部: '党组织', 党支部: '党组织', 党总支: '党组织', 党委: '党组织', '村(居)委会': '村委会', 村民委员会: '村委会', 居委会: '村委会', 村委: '村委会' } },
      ...postColumns('职务', ['现任职务', '担任职务', '两委职务']),
      { key: 'term', label: '届别', synonyms: ['任期'], type: 'choice', values: TERMS, aliases: { 原任: '上届', 现任: '上届', 新任: '本届', 新当选: '本届' }, required: true },
      politicalStatus,
      education,
      { key: 'electedOn', label: '当选日期', synonyms: ['任职时间', '当选时间', '任职日期'], type: 'date' }
    ]
  },
  replies: {
    kind: 'replies',
    label: '联审回执',
    perVillage: false,
    matchedBy: '按公民身份号码对应送该部门联审的人选；审查结果只能是“通过”或“不通过”，不通过须写明原因',
    fileWide: ['department'],
    askedOnce: { decidedOn: '反馈日期' },
    importedFrom: '人选 → 联审看板 → 录入部门回复',
    fields: [
      village,
      name,
      idNumber,
      { key: 'department', label: '联审部门', synonyms: ['审查部门', '部门', '反馈部门'], type: 'text', max: 50, required: true },
      { key: 'verdict', label: '审查结果', synonyms: ['审查意见', '联审结果', '联审意见', '结论', '意见'], type: 'choice', values: REPLY_VERDICTS, required: true },
      { key: 'reason', label: '原因', synonyms: ['理由', '不通过原因', '不通过理由', '原因说明'], type: 'text', max: 1000, prose: true }
    ]
  },
  supervisors: bodyKind('supervisors', '村务监督委员会成员', ['主任', '委员'], false),
  representatives: bodyKind('representatives', '村民代表', ['代表'], false),
  'group-leaders': bodyKind('group-leaders', '村民小组长', ['组长'], true)
}

export interface ImportProblem {
  /** The sheet's own row number, as Excel shows it; 0 for problems of the whole file. */
  row: number
  /** Column letter (A, B, …) or '' for a whole row. */
  column: string
  /** The column's header text, for the reader's convenience. */
  header: string
  message: string
}

export interface ImportColumn {
  index: number
  letter: string
  header: string
  /** The field this column fills, or null when it is not imported. */
  field: string | null
  /** Where the choice came from: recognised by name, remembered from an earlier file, or none. */
  source: 'auto' | 'remembered' | 'ignored' | 'none'
}

export type RowAction = 'added' | 'updated' | 'unchanged'

export interface PreviewRow {
  row: number
  action: RowAction | 'error'
  values: Record<string, string>
}

/** What reading a file found out about it: shared by the kept analysis and the preview shown to the user. */
export interface ReadFile {
  kind: ImportKind
  fileName: string
  sha256: string
  format: 'xlsx' | 'csv'
  /** CSV: the encoding that was detected. */
  encoding: string | null
  sheet: string
  sheets: string[]
  headerRow: number
  columns: ImportColumn[]
  /** Fields the user must map before the file can be read (their labels). */
  missingFields: string[]
}

export interface ImportPreview extends ReadFile {
  id: string
  kindLabel: string
  counts: { rows: number; added: number; updated: number; unchanged: number; problems: number }
  problems: ImportProblem[]
  /** What the file holds beside the data and is left out (备注, 照片, a sheet of instructions), and values asked once. */
  notes: string[]
  /** The first rows, with what will happen to each. */
  rows: PreviewRow[]
}

export interface ImportSummary {
  kind: ImportKind
  fileName: string
  sha256: string
  added: number
  updated: number
  unchanged: number
}

/**
 * What a checked file comes to, in one line: only a file that was read whole, with every required column
 * and no problem, and whose rows all match the register, is 一致; a refused one never is.
 */
export function previewOutcome(p: Pick<ImportPreview, 'missingFields' | 'counts'>): { importable: boolean; note: string | null } {
  const { rows, added, updated, unchanged, problems } = p.counts
  if (p.missingFields.length > 0) return { importable: false, note: `缺少必填列，不能导入：${p.missingFields.join('、')}` }
  if (problems > 0) return { importable: false, note: `有 ${problems} 处问题，改正后才能导入（整份文件不会部分导入）` }
  if (rows === 0) return { importable: false, note: '文件中没有数据行' }
  if (added + updated === 0 && unchanged === rows) return { importable: false, note: '文件内容与台账一致，无需导入' }
  return { importable: added + updated > 0, note: null }
}

export const MAX_LISTED_PROBLEMS = 1000

export const importPreviewInput = z.object({
  kind: z.enum(IMPORT_KINDS, { error: '请选择导入的数据类型' }),
  fileName: z.string().trim().min(1, '缺少文件名').max(255),
  base64: z.string().min(1, '文件是空的'),
  villageId: z.number().int().positive().nullable().default(null),
  /** Column letter → field key or null (not imported); overrides recognition and memory. */
  mapping: z.record(z.string(), z.string().nullable()).default({}),
  /** The sheet an earlier preview of this file chose, so a changed mapping applies to the same sheet. */
  sheet: z.string().max(100).nullable().default(null),
  /** Values for the whole file where it has no column: 届别 of a members roster. */
  fileValues: z
    .object({
      term: z.enum(TERMS, { error: '届别应为本届或上届' }).optional(),
      /** 联审回执: the department that answers, and the one date of its answer. */
      department: z.string().trim().min(1, '请选择联审部门').max(50).optional(),
      decidedOn: z.string().refine(isIsoDate, '反馈日期格式应为 YYYY-MM-DD').optional()
    })
    .default({})
})
export type ImportPreviewInput = z.input<typeof importPreviewInput>

export const importCommitInput = z.object({ previewId: z.string().min(1) })

export const rememberMappingInput = z.object({
  kind: z.enum(IMPORT_KINDS),
  header: z.string().trim().min(1).max(200),
  field: z.string().nullable()
})
