import { FileExcelOutlined, UploadOutlined } from '@ant-design/icons'
import { Alert, App, Button, Card, Descriptions, Empty, Radio, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd'
import { useMemo, useState } from 'react'
import type { Term } from '../../../../shared/election'
import type { JobResults, JobStatus } from '../../../../shared/jobs'
import { previewOutcome, type ImportColumn, type ImportKind, type ImportPreview, type ImportSummary, type PreviewRow } from '../../../../shared/import'
import { api, unwrap } from '../../api/client'
import { pickFile, type PickedFile } from '../../api/platform'
import { useResource } from '../../api/useResource'
import { ImportProblems } from '../../components/ImportProblems'
import { LoadState } from '../../components/LoadState'
import { useJob } from '../../components/useJob'
import { useSaveExported } from '../exports/ExportButton'
import { announceRegisterChanged } from '../../lib/registerChanged'
import { ImportDone } from './ImportDone'

const ACCEPT = '.xlsx,.csv,.txt,.xls'

const ACTION_TAGS: Record<PreviewRow['action'], { label: string; color: string }> = {
  added: { label: '新增', color: 'green' },
  updated: { label: '更新', color: 'blue' },
  unchanged: { label: '未变', color: 'default' },
  error: { label: '有误', color: 'red' }
}

const SOURCE_LABELS: Record<ImportColumn['source'], string> = {
  auto: '按列名识别',
  remembered: '已记住的选择',
  ignored: '不导入',
  none: '未识别'
}

/**
 * 导入: choose what the file holds, pick it, check the preview (what will be added, updated, left alone,
 * and every problem with its row), correct the column mapping if needed, then import all of it or nothing.
 */
export function ImportPanel() {
  const { message, modal } = App.useApp()
  const job = useJob()
  const kinds = useResource(() => unwrap(api.imports.kinds()), [])
  const villages = useResource(() => unwrap(api.villages.list({})), [])
  // Until the clerk picks one, an empty register starts with its villages: every other roster names them.
  const [chosenKind, setKind] = useState<ImportKind | null>(null)
  const kind: ImportKind = chosenKind ?? (villages.data?.length === 0 ? 'villages' : 'persons')
  const [done, setDone] = useState<ImportSummary | null>(null)
  const [villageId, setVillageId] = useState<number | null>(null)
  const [term, setTerm] = useState<Term | null>(null)
  const saveExported = useSaveExported()
  const [file, setFile] = useState<PickedFile | null>(null)
  const [mapping, setMapping] = useState<Record<string, string | null>>({})
  const [preview, setPreview] = useState<ImportPreview | null>(null)
  const [error, setError] = useState<string | null>(null)
  const def = kinds.data?.find((k) => k.kind === kind)

  const reset = () => {
    setDone(null)
    setFile(null)
    setPreview(null)
    setMapping({})
    setError(null)
  }

  const check = async (f: PickedFile, m: Record<string, string | null>, sheet: string | null, t: Term | null = term) => {
    setError(null)
    try {
      const end = await job.run(() =>
        unwrap(api.imports.preview({ kind, fileName: f.name, base64: f.base64, villageId, mapping: m, sheet, fileValues: t ? { term: t } : {} }))
      )
      if (end.state === 'done') setPreview(end.result ?? null)
      else if (end.state === 'cancelled') {
        message.info('已取消检查')
        if (!preview) reset()
      } else {
        setPreview(null)
        setError(end.error?.message ?? '无法读取该文件')
      }
    } catch (e) {
      setError((e as Error).message)
    }
  }

  const choose = async () => {
    const f = await pickFile(ACCEPT)
    if (!f) return
    setFile(f)
    setMapping({})
    setPreview(null)
    await check(f, {}, null)
  }

  const remap = async (column: ImportColumn, field: string | null) => {
    if (!file || !preview) return
    const next = { ...mapping, [column.letter]: field }
    setMapping(next)
    const saved = await api.imports.remember({ kind, header: column.header, field })
    if (!saved.ok) message.warning(`未能记住该列的选择：${saved.error.message}`)
    await check(file, next, preview.sheet)
  }

  const exportProblems = async () => {
    if (!preview) return
    try {
      await saveExported(await unwrap(api.imports.problems({ previewId: preview.id })))
    } catch (e) {
      message.error((e as Error).message)
    }
  }

  const commit = () => {
    if (!preview) return
    const { added, updated } = preview.counts
    const write = async () => {
      let end: JobStatus<JobResults['import-commit']>
      try {
        end = await job.run(() => unwrap(api.imports.commit({ previewId: preview.id })))
      } catch (e) {
        modal.error({ title: '导入失败', content: (e as Error).message, okText: '知道了' })
        return
      }
      if (end.state === 'done' && end.result) {
        const s = end.result
        reset()
        setDone(s)
        announceRegisterChanged()
        // A village roster just imported is a choice for the next file (its voters, its candidates).
        if (s.kind === 'villages') villages.reload()
      } else if (end.state === 'cancelled') message.info('已取消，数据未改动')
      else modal.error({ title: '导入失败，数据未改动', content: end.error?.message, okText: '知道了' })
    }
    modal.confirm({
      title: `导入“${preview.fileName}”？`,
      content: `将新增 ${added} 条、更新 ${updated} 条${preview.kindLabel}记录。导入要么全部完成，要么不做任何改动。`,
      okText: '导入',
      cancelText: '取消',
      // Not awaited: the confirmation closes at once, so that the progress dialog's 取消 is not under it.
      onOk: () => void write()
    })
  }

  const fieldOptions = useMemo(
    () => [
      { value: '', label: '（不导入）' },
      ...(def?.fields ?? []).map((f) => ({ value: f.key, label: f.required ? `${f.label}（必填）` : f.label }))
    ],
    [def]
  )
  const labelOf = (key: string) => def?.fields.find((f) => f.key === key)?.label ?? key

  const outcome = preview ? previewOutcome(preview) : null
  const canImport = outcome?.importable === true

  const mappingColumns: TableColumnsType<ImportColumn> = [
    { title: '列', dataIndex: 'letter', width: 60 },
    { title: '文件中的列名', dataIndex: 'header', width: 220 },
    {
      title: '导入为',
      key: 'field',
      width: 240,
      render: (_, c) => (
        <Select
          style={{ width: 220 }}
          showSearch={{ optionFilterProp: 'label' }}
          value={c.field ?? ''}
          options={fieldOptions}
          onChange={(v) => void remap(c, v === '' ? null : v)}
          aria-label={`列${c.letter}“${c.header}”导入为`}
          disabled={job.running}
        />
      )
    },
    {
      title: '说明',
      dataIndex: 'source',
      render: (s: ImportColumn['source']) => <Tag color={s === 'none' ? 'orange' : s === 'remembered' ? 'purple' : undefined}>{SOURCE_LABELS[s]}</Tag>
    }
  ]

  const mappedFields = preview?.columns.filter((c) => c.field).map((c) => c.field!) ?? []
  const rowColumns: TableColumnsType<PreviewRow> = [
    { title: '行号', dataIndex: 'row', width: 70, fixed: 'left' },
    {
      title: '处理',
      dataIndex: 'action',
      width: 80,
      fixed: 'left',
      render: (a: PreviewRow['action']) => <Tag color={ACTION_TAGS[a].color}>{ACTION_TAGS[a].label}</Tag>
    },
    ...mappedFields.map((f) => ({ title: labelOf(f), key: f, render: (_: unknown, r: PreviewRow) => r.values[f] }))
  ]

  return (
    <LoadState loading={kinds.loading} error={kinds.error} onRetry={kinds.reload}>
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        {done && (
          <ImportDone
            summary={done}
            onClose={() => setDone(null)}
            onKind={(k) => {
              setKind(k)
              reset()
            }}
          />
        )}
        <div className="toolbar">
          <span>数据类型</span>
          <Select<ImportKind>
            style={{ width: 200 }}
            value={kind}
            aria-label="数据类型"
            onChange={(k) => {
              setKind(k)
              reset()
            }}
            options={(kinds.data ?? []).filter((k) => !k.importedFrom).map((k) => ({ value: k.kind, label: k.label }))}
          />
          {def?.kind !== 'villages' && (
            <>
              <span>所属村社</span>
              <Select<number | null>
                style={{ width: 200 }}
                value={villageId}
                aria-label="所属村社"
                allowClear
                placeholder={def?.perVillage ? '请选择（必选）' : '按文件中的“所在村”列'}
                onChange={(v) => setVillageId(v ?? null)}
                options={(villages.data ?? []).map((v) => ({ value: v.id, label: v.name }))}
              />
            </>
          )}
          {def?.fileWide?.includes('term') && (
            <>
              <span>届别</span>
              <Radio.Group
                aria-label="届别"
                value={term}
                onChange={(e) => {
                  const t = e.target.value as Term
                  setTerm(t)
                  if (file) void check(file, mapping, preview?.sheet ?? null, t)
                }}
                options={[
                  { value: '本届', label: '本届（新当选）' },
                  { value: '上届', label: '上届（原任）' }
                ]}
              />
            </>
          )}
          <Button type="primary" icon={<UploadOutlined />} onClick={() => void choose()} disabled={job.running}>
            选择文件
          </Button>
          {(preview || file) && <Button onClick={reset}>取消</Button>}
        </div>
        {def && (
          <Typography.Text type="secondary">
            支持 .xlsx 工作簿和 .csv 表格（UTF-8 或 GBK 编码均可）。表头可以不在第一行；{def.matchedBy}。
          </Typography.Text>
        )}
        {error && <Alert type="error" showIcon title="无法导入该文件" description={error} />}
        {!preview && !error && (
          <Empty image={<FileExcelOutlined style={{ fontSize: 48, color: '#bbb' }} />} description="选择一个名册文件，先检查，再导入" />
        )}
        {preview && (
          <>
            <Card size="small" title={`文件：${preview.fileName}`}>
              <Descriptions size="small" column={3}>
                <Descriptions.Item label="工作表">
                  {preview.sheet}
                  {preview.sheets.length > 1 ? `（共 ${preview.sheets.length} 张）` : ''}
                </Descriptions.Item>
                <Descriptions.Item label="表头">第 {preview.headerRow} 行</Descriptions.Item>
                <Descriptions.Item label="格式">
                  {preview.format === 'csv' ? `CSV（${preview.encoding}）` : 'Excel 工作簿'}
                </Descriptions.Item>
              </Descriptions>
              <Space wrap>
                <Tag>数据 {preview.counts.rows} 行</Tag>
                <Tag color="green">新增 {preview.counts.added}</Tag>
                <Tag color="blue">更新 {preview.counts.updated}</Tag>
                <Tag>未变 {preview.counts.unchanged}</Tag>
                <Tag color={preview.counts.problems ? 'red' : 'default'}>问题 {preview.counts.problems}</Tag>
              </Space>
            </Card>
            {preview.missingFields.length > 0 && (
              <Alert
                type="warning"
                showIcon
                title={`缺少必需的列：${preview.missingFields.join('、')}`}
                description="请在下面的“列对应”中指定哪一列是它；程序会记住您的选择。"
              />
            )}
            {preview.counts.problems > 0 && (
              <Alert
                type="error"
                showIcon
                title={`文件中有 ${preview.counts.problems} 处问题，不能导入`}
                description="可导出问题清单（出错的行，原表的列加“问题”列），在 Excel 中改正后放回原表，再重新选择文件。导入要么全部完成，要么不做任何改动。"
                action={
                  <Button size="small" onClick={() => void exportProblems()}>
                    导出问题清单
                  </Button>
                }
              />
            )}
            {preview.notes.length > 0 && (
              <Alert
                type="info"
                showIcon
                aria-label="导入说明"
                title="以下内容不影响导入"
                description={
                  <ul style={{ margin: 0, paddingLeft: 18 }}>
                    {preview.notes.map((n) => (
                      <li key={n}>{n}</li>
                    ))}
                  </ul>
                }
              />
            )}
            <Card size="small" title="列对应">
              <Table<ImportColumn> rowKey="letter" size="small" pagination={false} columns={mappingColumns} dataSource={preview.columns} />
            </Card>
            <ImportProblems problems={preview.problems} total={preview.counts.problems} />
            <Card size="small" title={`预览（前 ${preview.rows.length} 行）`}>
              <Table<PreviewRow>
                rowKey="row"
                size="small"
                columns={rowColumns}
                dataSource={preview.rows}
                scroll={{ x: 'max-content' }}
                pagination={{ pageSize: 20, hideOnSinglePage: true }}
                rowClassName={(r) => (r.action === 'error' ? 'row-error' : '')}
              />
            </Card>
            <Space>
              <Button type="primary" disabled={!canImport} onClick={commit}>
                导入
              </Button>
              <Button onClick={reset}>取消</Button>
              {outcome?.note && <Typography.Text type={outcome.importable ? 'secondary' : 'danger'}>{outcome.note}</Typography.Text>}
            </Space>
          </>
        )}
        {job.dialog}
      </Space>
    </LoadState>
  )
}
