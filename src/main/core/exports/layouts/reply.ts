import { REPLY_VERDICTS } from '../../../../shared/candidate'
import type { TableSpec } from '../table-spec'
import { indexColumn, titlePrefix, vettedPersonColumns, type TableHeading, type VettedPerson } from './common'

export interface ReplyRow extends VettedPerson {
  /** The answer so far; a candidate not yet answered is prefilled 通过, the usual reply. */
  verdict: '通过' | '不通过'
  reason: string
}

/**
 * 联审回执: the sheet one department gets with every candidate sent to it and gives back filled. Its columns
 * are the ones the 联审回执 import reads (所在村, 姓名, 公民身份号码, 联审部门, 审查结果, 原因).
 */
export function replySpec(h: TableHeading & { department: string; sentOn: string | null }): TableSpec<ReplyRow> {
  return {
    title: `${titlePrefix(h)}村(社区)“两委”换届候选人资格联审回执（${h.department}）`,
    sheetName: '联审回执',
    unit: h.unit,
    date: h.date,
    orientation: 'landscape',
    headLine: { left: `联审部门（盖章）：${h.department}`, right: `送审日期：${h.sentOn ?? ''}　　反馈日期：　　年　　月　　日` },
    columns: [
      indexColumn(),
      ...vettedPersonColumns<ReplyRow>(),
      { header: '联审部门', width: 10, align: 'center', value: () => h.department },
      { header: '审查结果', width: 10, align: 'center', choices: REPLY_VERDICTS, value: (r) => r.verdict },
      { header: '原因', width: 36, value: (r) => r.reason }
    ],
    note: '注：审查结果填“通过”或“不通过”；不通过的须在“原因”栏写明理由。请勿改动姓名、公民身份号码和联审部门，交回后由乡镇换届办导入。'
  }
}
