import { BODY_LABELS, bodyCounts, type BodyMemberRow, type OtherBody } from '../../../../shared/bodies'
import type { Column, TableSpec } from '../table-spec'
import { indexColumn, titlePrefix, type TableHeading } from './common'

/** The export table of each body, by the name the CLI uses. */
export const BODY_TABLES = { supervisors: '监督委员会', representatives: '村民代表', 'group-leaders': '村民小组长' } as const satisfies Record<string, OtherBody>

const NAMES: Record<OtherBody, string> = { 监督委员会: '村(居)务监督委员会成员名册', 村民代表: '村民代表名册', 村民小组长: '村民小组长名册' }

const share = (women: number, total: number) => (total === 0 ? '0' : ((women / total) * 100).toFixed(1))

/** 名册 of one of the other bodies: who holds which post, by village; the 村民代表's note gives the share of women. */
export function bodySpec(h: TableHeading, body: OtherBody, rows: BodyMemberRow[]): TableSpec<BodyMemberRow> {
  const group: Column<BodyMemberRow>[] = body === '监督委员会' ? [] : [{ header: '村民小组', width: 12, value: (r) => r.groupName }]
  const c = bodyCounts(rows)
  const note =
    body === '村民代表'
      ? `注：村民代表共 ${c.representatives} 名，其中女性 ${c.womenRepresentatives} 名，占 ${share(c.womenRepresentatives, c.representatives)}%（应不少于三分之一）。`
      : body === '监督委员会'
        ? `注：共 ${c.supervisors} 名；每村(社区)3至5名，设主任1名，“两委”成员及其近亲属不得担任。`
        : `注：共 ${c.groupLeaders} 名。`
  return {
    title: `${titlePrefix(h)}${NAMES[body]}`,
    sheetName: BODY_LABELS[body].replace(/[()]/g, ''),
    unit: h.unit,
    date: h.date,
    orientation: 'portrait',
    columns: [
      indexColumn(),
      { header: '村(社区)', width: 12, value: (r) => r.villageName },
      { header: '姓名', width: 9, align: 'center', value: (r) => r.name },
      { header: '性别', width: 5, align: 'center', value: (r) => r.sex },
      { header: '出生年月', width: 9, kind: 'yearMonth', align: 'center', value: (r) => r.birthDate },
      { header: '职务', width: 7, align: 'center', value: (r) => r.post },
      ...group,
      { header: '当选日期', width: 11, kind: 'date', align: 'center', value: (r) => r.electedOn },
      { header: '备注', width: 14, value: (r) => r.note }
    ],
    note
  }
}
