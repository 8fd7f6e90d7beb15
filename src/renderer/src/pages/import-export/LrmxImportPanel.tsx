import { UploadOutlined } from '@ant-design/icons'
import { Alert, App, Button, Card, Space, Table, Tag } from 'antd'
import { useState } from 'react'
import type { LrmxPreview } from '../../../../shared/lrmx-import'
import { api, unwrap } from '../../api/client'
import { pickFiles } from '../../api/platform'

const ACTIONS: Record<string, { label: string; color: string }> = {
  added: { label: '新增', color: 'green' },
  updated: { label: '更新', color: 'blue' },
  unchanged: { label: '未变', color: 'default' }
}

/**
 * 导入干部任免审批表 (.lrmx): pick one file or a whole village's, see who will be added or updated and every
 * problem by file and field, then import all of them or none.
 */
export function LrmxImportPanel() {
  const { message } = App.useApp()
  const [preview, setPreview] = useState<LrmxPreview | null>(null)
  const [busy, setBusy] = useState(false)

  async function choose() {
    const files = await pickFiles('.lrmx,.xml')
    if (files.length === 0) return
    setBusy(true)
    try {
      setPreview(await unwrap(api.persons.lrmxPreview({ files: files.map((f) => ({ fileName: f.name, base64: f.base64 })) })))
    } catch (e) {
      message.error((e as Error).message)
    } finally {
      setBusy(false)
    }
  }

  async function commit() {
    if (!preview) return
    setBusy(true)
    try {
      const s = await unwrap(api.persons.lrmxCommit({ id: preview.id }))
      message.success(`已导入 ${s.files} 个文件：新增 ${s.added}，更新 ${s.updated}，未变 ${s.unchanged}`)
      setPreview(null)
    } catch (e) {
      message.error((e as Error).message)
    } finally {
      setBusy(false)
    }
  }

  const c = preview?.counts
  return (
    <Card title="导入干部任免审批表（lrmx）" size="small" style={{ marginTop: 16 }}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Space>
          <Button icon={<UploadOutlined />} onClick={() => void choose()} loading={busy && !preview}>
            选择 .lrmx 文件（可多选）
          </Button>
          {preview && (
            <Button type="primary" disabled={c!.problems > 0} loading={busy} onClick={() => void commit()}>
              全部导入
            </Button>
          )}
        </Space>
        {preview && (
          <>
            <Alert
              type={c!.problems > 0 ? 'error' : 'success'}
              message={`${preview.files} 个文件：新增 ${c!.added}，更新 ${c!.updated}，未变 ${c!.unchanged}${c!.problems > 0 ? `；${c!.problems} 处问题，请修改后重新选择，未导入任何数据` : ''}`}
            />
            {preview.problems.length > 0 && (
              <Table
                size="small"
                rowKey={(p) => `${p.row}-${p.header}-${p.message}`}
                pagination={false}
                dataSource={preview.problems}
                columns={[
                  { title: '文件序号', dataIndex: 'row', width: 90 },
                  { title: '文件 · 项目', dataIndex: 'header', width: 240 },
                  { title: '问题', dataIndex: 'message' }
                ]}
              />
            )}
            <Table
              size="small"
              rowKey="row"
              pagination={false}
              dataSource={preview.rows}
              columns={[
                { title: '序号', dataIndex: 'row', width: 70 },
                { title: '处理', dataIndex: 'action', width: 80, render: (a: string) => <Tag color={ACTIONS[a]?.color}>{ACTIONS[a]?.label ?? a}</Tag> },
                { title: '文件', render: (_, r) => r.values['文件'] },
                { title: '姓名', render: (_, r) => r.values['姓名'] },
                { title: '出生年月', render: (_, r) => r.values['出生年月'] },
                { title: '现任职务', render: (_, r) => r.values['现任职务'] }
              ]}
            />
          </>
        )}
      </Space>
    </Card>
  )
}
