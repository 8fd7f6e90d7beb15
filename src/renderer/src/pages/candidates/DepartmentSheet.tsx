import { Alert, Button, Empty, Input, Modal, Radio, Select, Space, Table, type TableColumnsType } from 'antd'
import type { Dayjs } from 'dayjs'
import { useEffect, useState } from 'react'
import type { DepartmentSheetRow } from '../../../../shared/vetting-batch'
import { api, unwrap } from '../../api/client'
import { useResource } from '../../api/useResource'
import { StepDate } from '../../components/StepDate'
import { DepartmentReplyFile } from './DepartmentReplyFile'
import { dateText } from './vetting-ui'

type Answer = { verdict: '通过' | '不通过'; reason: string }

/**
 * A department's reply entered as one sheet: every candidate sent to it, 通过 unless marked otherwise,
 * the exceptions with their reasons, one date for all, saved at once (or not at all).
 */
export function DepartmentSheet({ open, departments, onClose, onSaved }: { open: boolean; departments: string[]; onClose: () => void; onSaved: () => void }) {
  const [department, setDepartment] = useState<string | null>(null)
  const [answers, setAnswers] = useState<Record<number, Answer>>({})
  const [date, setDate] = useState<Dayjs | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const sheet = useResource(() => (department && open ? unwrap(api.review.sheet({ department })) : Promise.resolve(null)), [department, open])
  const rows = sheet.data?.rows ?? []

  // Each department opens with its saved answers, 待反馈 shown as 通过 (the usual reply); never the last one's.
  useEffect(() => {
    setAnswers(Object.fromEntries(rows.map((r) => [r.candidateId, { verdict: r.verdict === '不通过' ? '不通过' : '通过', reason: r.reason }])))
    setDate(null)
    setProblem(null)
  }, [sheet.data])
  useEffect(() => {
    if (!open) setDepartment(null)
  }, [open])

  const answer = (id: number): Answer => answers[id] ?? { verdict: '通过', reason: '' }
  const set = (id: number, change: Partial<Answer>) => setAnswers((a) => ({ ...a, [id]: { ...answer(id), ...change } }))

  const save = async () => {
    if (!department) return
    setSaving(true)
    setProblem(null)
    try {
      await unwrap(
        api.review.recordSheet({ department, decidedOn: dateText(date) ?? '', rows: rows.map((r) => ({ candidateId: r.candidateId, ...answer(r.candidateId) })) })
      )
      onSaved()
    } catch (e) {
      setProblem(e instanceof Error ? e.message : String(e))
    } finally {
      setSaving(false)
    }
  }

  const columns: TableColumnsType<DepartmentSheetRow> = [
    { title: '村社', dataIndex: 'villageName', width: 90 },
    { title: '姓名', dataIndex: 'name', width: 80 },
    { title: '公民身份号码', dataIndex: 'idNumber', width: 170 },
    {
      title: '结论',
      key: 'verdict',
      width: 150,
      render: (_, r) => (
        <Radio.Group
          optionType="button"
          size="small"
          value={answer(r.candidateId).verdict}
          onChange={(e) => set(r.candidateId, { verdict: e.target.value })}
          options={['通过', '不通过'].map((v) => ({ value: v, label: v }))}
          aria-label={`${r.villageName}${r.name}结论`}
        />
      )
    },
    {
      title: '理由',
      key: 'reason',
      render: (_, r) => (
        <Input
          size="small"
          maxLength={1000}
          value={answer(r.candidateId).reason}
          status={answer(r.candidateId).verdict === '不通过' && !answer(r.candidateId).reason.trim() ? 'error' : undefined}
          placeholder={answer(r.candidateId).verdict === '不通过' ? '不通过时请写明理由' : ''}
          onChange={(e) => set(r.candidateId, { reason: e.target.value })}
          aria-label={`${r.villageName}${r.name}理由`}
        />
      )
    }
  ]

  const exceptions = rows.filter((r) => answer(r.candidateId).verdict === '不通过').length
  return (
    <Modal open={open} title="录入部门回复" width={900} onCancel={onClose} destroyOnHidden maskClosable={false} footer={null}>
      <Space style={{ marginBottom: 12 }} wrap>
        <Select placeholder="选择部门" style={{ width: 180 }} value={department} onChange={setDepartment} options={departments.map((d) => ({ value: d, label: d }))} aria-label="回复部门" />
        <span style={{ width: 200, display: 'inline-block' }}>
          <StepDate after={sheet.data?.latestSentOn} value={date} onChange={setDate} aria-label="部门反馈日期" />
        </span>
        {department && <span>{`送审 ${rows.length} 人，不通过 ${exceptions} 人`}</span>}
      </Space>
      {department && <DepartmentReplyFile department={department} decidedOn={dateText(date)} onImported={onSaved} />}
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12, whiteSpace: 'pre-line' }} />}
      {department && rows.length === 0 && !sheet.loading ? (
        <Empty description={`还没有人选送“${department}”联审`} />
      ) : (
        <Table<DepartmentSheetRow> rowKey="candidateId" size="small" columns={columns} dataSource={rows} pagination={false} scroll={{ y: 420 }} aria-label="部门回复表" />
      )}
      <div style={{ textAlign: 'right', marginTop: 12 }}>
        <Space>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={saving} disabled={!department || rows.length === 0} onClick={save}>
            保存部门回复
          </Button>
        </Space>
      </div>
    </Modal>
  )
}
