import { DownloadOutlined, UploadOutlined } from '@ant-design/icons'
import { Alert, App, Button, Space } from 'antd'
import { useEffect, useState } from 'react'
import type { ImportPreview } from '../../../../shared/import'
import { api, unwrap } from '../../api/client'
import { pickFile } from '../../api/platform'
import { ImportProblems } from '../../components/ImportProblems'
import { useJob } from '../../components/useJob'
import { useSaveExported } from '../exports/ExportButton'

/**
 * A department's 回执 as a file: exported to send it (every candidate sent to it, 通过 prefilled), and the
 * filled copy imported back through the roster import's check and commit — all of it or nothing — under the
 * reply date chosen on the sheet.
 */
export function DepartmentReplyFile({ department, decidedOn, onImported }: { department: string; decidedOn: string | null; onImported: () => void }) {
  const { message, modal } = App.useApp()
  const job = useJob()
  const save = useSaveExported()
  const [preview, setPreview] = useState<ImportPreview | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    setPreview(null)
    setError(null)
  }, [department, decidedOn])

  const exportFile = async () => {
    try {
      await save(await unwrap(api.exports.file({ table: 'reply', format: 'xlsx', department })))
    } catch (e) {
      message.error((e as Error).message)
    }
  }

  const importFile = async () => {
    setPreview(null)
    setError(null)
    if (!decidedOn) {
      setError('请先在上方选择部门的反馈日期：回执中的结论都按这一天登记')
      return
    }
    const f = await pickFile('.xlsx,.csv')
    if (!f) return
    try {
      const end = await job.run(() =>
        unwrap(api.imports.preview({ kind: 'replies', fileName: f.name, base64: f.base64, fileValues: { department, decidedOn } }))
      )
      if (end.state === 'done' && end.result) setPreview(end.result)
      else if (end.state === 'failed') setError(end.error?.message ?? '无法读取该文件')
    } catch (e) {
      setError((e as Error).message)
    }
  }

  const commit = async () => {
    if (!preview) return
    try {
      const end = await job.run(() => unwrap(api.imports.commit({ previewId: preview.id })))
      if (end.state === 'done' && end.result) {
        message.success(`已导入“${department}”的回执：更新 ${end.result.updated} 人，未变 ${end.result.unchanged} 人`)
        setPreview(null)
        onImported()
      } else if (end.state === 'failed') modal.error({ title: '导入失败，数据未改动', content: end.error?.message, okText: '知道了' })
    } catch (e) {
      modal.error({ title: '导入失败，数据未改动', content: (e as Error).message, okText: '知道了' })
    }
  }

  const c = preview?.counts
  const ready = preview !== null && preview.missingFields.length === 0 && c!.problems === 0 && c!.updated > 0
  return (
    <Space orientation="vertical" style={{ width: '100%', marginBottom: 12 }}>
      <Space wrap>
        <Button icon={<DownloadOutlined />} onClick={() => void exportFile()}>
          导出回执（Excel）
        </Button>
        <Button icon={<UploadOutlined />} onClick={() => void importFile()} disabled={job.running}>
          导入回执…
        </Button>
      </Space>
      {error && <Alert type="error" showIcon title={error} />}
      {preview && preview.missingFields.length > 0 && <Alert type="error" showIcon title={`回执缺少必需的列：${preview.missingFields.join('、')}`} />}
      {preview && c!.problems > 0 && <Alert type="error" showIcon title={`回执中有 ${c!.problems} 处问题，未导入任何结论。请改正后重新导入。`} />}
      {preview && <ImportProblems problems={preview.problems} total={c!.problems} />}
      {preview && c!.problems === 0 && preview.missingFields.length === 0 && (
        <Alert
          type={ready ? 'info' : 'success'}
          showIcon
          title={ready ? `回执“${preview.fileName}”共 ${c!.rows} 人：将更新 ${c!.updated} 人，${c!.unchanged} 人与已录入的一致` : '回执与已录入的结论一致，无需导入'}
          action={
            ready && (
              <Button type="primary" size="small" onClick={() => void commit()}>
                导入回执结论
              </Button>
            )
          }
        />
      )}
      {job.dialog}
    </Space>
  )
}
