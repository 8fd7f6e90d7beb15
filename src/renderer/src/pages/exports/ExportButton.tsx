import { DownloadOutlined } from '@ant-design/icons'
import { App, Button, Dropdown } from 'antd'
import { useState } from 'react'
import { EXPORT_TABLES, type ExportedFile, type ExportFormat, type ExportTable } from '../../../../shared/exports'
import { api, unwrap } from '../../api/client'
import { saveFile } from '../../api/platform'

export const FORMAT_LABEL: Record<ExportFormat, string> = { xlsx: 'Excel', pdf: 'PDF', docx: 'Word', lrmx: 'lrmx' }

/** Hands a produced file to the save dialog (Electron) or a download (browser) and says where it went. */
export function useSaveExported(): (file: ExportedFile) => Promise<void> {
  const { message } = App.useApp()
  return async (file) => {
    if (await saveFile(file.fileName, file.base64, file.mime)) message.success(`已导出：${file.fileName}`)
  }
}

/** 导出 beside a view: the township-wide tables it shows, each as Excel or PDF. */
export function ExportButton({ tables }: { tables: ExportTable[] }) {
  const { message } = App.useApp()
  const save = useSaveExported()
  const [busy, setBusy] = useState(false)

  async function run(table: ExportTable, format: ExportFormat) {
    setBusy(true)
    try {
      await save(await unwrap(api.exports.file({ table, format, villageId: null })))
    } catch (e) {
      message.error((e as Error).message)
    } finally {
      setBusy(false)
    }
  }

  const items = tables.flatMap((t) =>
    EXPORT_TABLES[t].formats.map((f) => ({ key: `${t}.${f}`, label: `${EXPORT_TABLES[t].label}（${FORMAT_LABEL[f]}）`, onClick: () => void run(t, f) }))
  )
  return (
    <Dropdown menu={{ items }} trigger={['click']} disabled={busy}>
      <Button icon={<DownloadOutlined />} loading={busy} className="no-print">
        导出
      </Button>
    </Dropdown>
  )
}
