import { Card, Table, type TableColumnsType } from 'antd'
import type { ImportProblem } from '../../../shared/import'

const COLUMNS: TableColumnsType<ImportProblem> = [
  { title: '行号', dataIndex: 'row', width: 80, render: (r: number) => (r > 0 ? `第 ${r} 行` : '—') },
  { title: '列', key: 'column', width: 200, render: (_, p) => (p.column ? `${p.column} 列（${p.header}）` : p.header || '整行') },
  { title: '问题', dataIndex: 'message' }
]

/** The wrong rows of a checked file, by the sheet's own row and column, as every import shows them. */
export function ImportProblems({ problems, total }: { problems: ImportProblem[]; total: number }) {
  if (problems.length === 0) return null
  return (
    <Card size="small" title={`问题（共 ${total} 处${total > problems.length ? `，显示前 ${problems.length} 处` : ''}）`}>
      <Table<ImportProblem>
        rowKey={(p) => `${p.row}-${p.column}-${p.message}`}
        size="small"
        columns={COLUMNS}
        dataSource={problems}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        aria-label="问题列表"
      />
    </Card>
  )
}
