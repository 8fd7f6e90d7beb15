import { Tabs, type TabsProps } from 'antd'
import { ExportPanel } from '../exports/ExportPanel'
import { NoticeTemplatesCard } from '../exports/NoticeTemplatesCard'
import { ImportPanel } from './ImportPanel'
import { LrmxImportPanel } from './LrmxImportPanel'

/** 导入导出: one tab per direction. */
export const IMPORT_EXPORT_TABS: NonNullable<TabsProps['items']> = [
  {
    key: 'import',
    label: '导入',
    children: (
      <>
        <ImportPanel />
        <LrmxImportPanel />
      </>
    )
  },
  { key: 'export', label: '导出', children: <ExportPanel /> },
  { key: 'notices', label: '公告模板', children: <NoticeTemplatesCard /> }
]

export function ImportExportPage() {
  return (
    <div className="page">
      <div className="page-header">
        <h2>导入导出</h2>
      </div>
      <Tabs items={IMPORT_EXPORT_TABS} destroyOnHidden={false} />
    </div>
  )
}
