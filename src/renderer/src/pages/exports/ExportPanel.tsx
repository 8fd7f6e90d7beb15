import { App, Button, Card, Input, Select, Space, Table, Typography } from 'antd'
import { useState } from 'react'
import type { Term } from '../../../../shared/election'
import { STAGES, type Stage } from '../../../../shared/candidate'
import type { ExportFormat, ExportTable } from '../../../../shared/exports'
import { NOTICE_KINDS, type NoticeKind } from '../../../../shared/notices'
import { api, unwrap } from '../../api/client'
import { useResource } from '../../api/useResource'
import { LoadState } from '../../components/LoadState'
import { useJob } from '../../components/useJob'
import { FORMAT_LABEL, useSaveExported } from './ExportButton'

/** Batches of forms run as jobs with a progress bar; the other tables come back at once. */
const AS_JOB: ReadonlySet<ExportTable> = new Set(['dossier', 'voters', 'ballots', 'tally-sheets', 'notices'])
/** Tables drawn from the candidate register, which a stage of the vetting path narrows. */
const BY_STAGE: ReadonlySet<ExportTable> = new Set(['candidates', 'review', 'dossier'])

/** 导出: every official table, for the township or one village, as a file the clerk saves. */
export function ExportPanel() {
  const { message } = App.useApp()
  const tables = useResource(() => unwrap(api.exports.tables()), [])
  const villages = useResource(() => unwrap(api.villages.list({})), [])
  const [villageId, setVillageId] = useState<number | null>(null)
  const [term, setTerm] = useState<Term>('本届')
  const [stage, setStage] = useState<Stage | null>(null)
  const [filledBy, setFilledBy] = useState('')
  const [notice, setNotice] = useState<NoticeKind>(NOTICE_KINDS[0])
  const [busy, setBusy] = useState<string | null>(null)
  const job = useJob()
  const save = useSaveExported()

  async function exportTable(table: ExportTable, format: ExportFormat) {
    const input = { table, format, villageId, term, ...(BY_STAGE.has(table) ? { stage, filledBy } : {}), ...(table === 'notices' ? { notice } : {}) }
    setBusy(`${table}.${format}`)
    try {
      if (!AS_JOB.has(table)) return await save(await unwrap(api.exports.file(input)))
      const end = await job.run(() => unwrap(api.exports.start(input)))
      if (end.state === 'done' && end.result) await save(end.result)
      else if (end.state === 'cancelled') message.info('已取消导出')
      else message.error(end.error?.message ?? '导出失败')
    } catch (e) {
      message.error((e as Error).message)
    } finally {
      setBusy(null)
    }
  }

  return (
    <Card title="导出正式表格" size="small">
      <Space style={{ marginBottom: 12 }} wrap>
        <span>范围</span>
        <Select
          aria-label="导出范围"
          style={{ width: 220 }}
          value={villageId ?? 0}
          loading={villages.loading}
          onChange={(v: number) => setVillageId(v === 0 ? null : v)}
          options={[{ value: 0, label: '全乡镇' }, ...(villages.data ?? []).map((v) => ({ value: v.id, label: v.name }))]}
        />
        <span>两委成员名册</span>
        <Select
          aria-label="两委成员名册届别"
          style={{ width: 100 }}
          value={term}
          onChange={setTerm}
          options={[{ value: '本届', label: '本届' }, { value: '上届', label: '上届' }]}
        />
        <span>审查环节</span>
        <Select
          aria-label="审查环节"
          allowClear
          placeholder="全部人选"
          style={{ width: 170 }}
          value={stage}
          onChange={(v?: Stage) => setStage(v ?? null)}
          options={STAGES.map((s) => ({ value: s, label: s }))}
        />
        <span>填表人</span>
        <Input aria-label="填表人" style={{ width: 120 }} maxLength={20} value={filledBy} onChange={(e) => setFilledBy(e.target.value)} />
        <span>公告</span>
        <Select
          aria-label="公告种类"
          style={{ width: 170 }}
          value={notice}
          onChange={setNotice}
          options={NOTICE_KINDS.map((n) => ({ value: n, label: n }))}
        />
      </Space>
      <Space style={{ marginBottom: 12 }} wrap>
        <Typography.Text type="secondary">审查环节只作用于人选花名册、资格联审表和人选登记表；公告按“公告模板”的措辞生成，选票的候选人按姓氏笔画排列。Excel 按 A4 排版、表头每页重复；PDF 内嵌中文字体，任何电脑打印一致。</Typography.Text>
      </Space>
      <LoadState loading={tables.loading} error={tables.error} onRetry={tables.reload}>
        <Table
          rowKey="name"
          size="small"
          pagination={false}
          dataSource={(tables.data ?? []).filter((t) => !t.exportedFrom)}
          locale={{ emptyText: '没有可导出的表格' }}
          columns={[
            { title: '表格', dataIndex: 'label', width: 180 },
            {
              title: '导出',
              render: (_, t) => (
                <Space>
                  {t.formats.map((f) => (
                      <Button
                        key={f}
                        size="small"
                        aria-label={`导出${t.label}${FORMAT_LABEL[f]}`}
                        disabled={busy !== null && busy !== `${t.name}.${f}`}
                        loading={busy === `${t.name}.${f}`}
                        onClick={() => void exportTable(t.name, f)}
                      >
                        {FORMAT_LABEL[f]}
                      </Button>
                  ))}
                </Space>
              )
            }
          ]}
        />
      </LoadState>
      {job.dialog}
    </Card>
  )
}
