import { Tabs, type TabsProps } from 'antd'
import { ImportPanel } from './ImportPanel'

/** 导入导出: one tab per direction; the 导出 tab joins this list. */
export const IMPORT_EXPORT_TABS: NonNullable<TabsProps['items']> = [{ key: 'import', label: '导入', children: <ImportPanel /> }]

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
