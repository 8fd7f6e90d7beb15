import { Alert, Button, Space } from 'antd'
import type { ImportKind, ImportSummary } from '../../../../shared/import'

/** What an office does after each roster lands, in the order of the work. */
const NEXT: Record<ImportKind, { text: string; links: { label: string; href?: string; kind?: ImportKind }[] }> = {
  villages: {
    text: '下一步：在“设置”中填写全乡镇统一选举日和县级联审部门，再导入人员、人选或选民名册。',
    links: [
      { label: '打开设置', href: '#/settings' },
      { label: '接着导入人员名册', kind: 'persons' }
    ]
  },
  persons: {
    text: '下一步：在人选库中把人员提名为人选，或导入初步人选花名册。',
    links: [
      { label: '打开人选库', href: '#/candidates' },
      { label: '接着导入人选名册', kind: 'candidates' }
    ]
  },
  candidates: { text: '下一步：在人选库中记录资格初审，再送县级联审。', links: [{ label: '打开人选库', href: '#/candidates' }] },
  voters: { text: '下一步：在“选民”中核对名单，按期公布。', links: [{ label: '打开选民', href: '#/voters' }] },
  members: { text: '下一步：在“统计”中查看两委结构统计表。', links: [{ label: '打开统计', href: '#/statistics' }] },
  replies: { text: '下一步：在联审看板中查看各部门尚未反馈的人选。', links: [{ label: '打开人选库', href: '#/candidates' }] },
  supervisors: { text: '下一步：导入村民代表、村民小组长名册，或在“统计”中查看各组织人数。', links: [{ label: '接着导入村民代表', kind: 'representatives' }] },
  representatives: { text: '下一步：导入村民小组长名册；名册导出时注明女性代表所占比例。', links: [{ label: '接着导入村民小组长', kind: 'group-leaders' }] },
  'group-leaders': { text: '下一步：在“统计”中查看各组织人数。', links: [{ label: '打开统计', href: '#/statistics' }] }
}

/** An import's result stays on screen with what to do next, until the clerk closes it or picks another file. */
export function ImportDone({ summary, onClose, onKind }: { summary: ImportSummary; onClose: () => void; onKind: (k: ImportKind) => void }) {
  const next = NEXT[summary.kind]
  return (
    <Alert
      type="success"
      showIcon
      closable={{ onClose, 'aria-label': '关闭导入结果' }}
      role="status"
      aria-label="导入结果"
      title={`已导入“${summary.fileName}”：新增 ${summary.added}，更新 ${summary.updated}，未变 ${summary.unchanged}`}
      description={
        <Space orientation="vertical" size={4}>
          <span>{next.text}</span>
          <Space size={8}>
            {next.links.map((l) =>
              l.href ? (
                <a key={l.label} href={l.href}>
                  {l.label}
                </a>
              ) : (
                <Button key={l.label} size="small" onClick={() => onKind(l.kind!)}>
                  {l.label}
                </Button>
              )
            )}
          </Space>
        </Space>
      }
    />
  )
}
