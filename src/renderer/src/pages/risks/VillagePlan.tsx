import { Alert, App, Button, DatePicker, Form, Input, Modal, Space, Table, Tag, Typography } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useOnOpen } from '../../lib/useOnOpen'
import { useState } from 'react'
import { dateProblem, type StepStatus } from '../../../../shared/plan-schedule'
import { api, unwrap } from '../../api/client'
import { useResource } from '../../api/useResource'
import { LoadState } from '../../components/LoadState'
import { dateProps, fromIso, toIso } from '../../lib/dates'
import { StateTag, dayRange } from './planLook'

type Dialog = { kind: 'tick' | 'date'; step: StepStatus } | null

/** 倒排工期 of one village: steps laid out from its election dates, ticked in order, legal limits called out. */
export function VillagePlan({ villageId }: { villageId: number }) {
  const { message, modal } = App.useApp()
  const plan = useResource(() => unwrap(api.plans.village({ villageId })), [villageId])
  const [dialog, setDialog] = useState<Dialog>(null)
  const p = plan.data

  const untick = (s: StepStatus) => {
    let reason = ''
    modal.confirm({
      title: `撤销“${s.name}”的完成登记？`,
      content: <Input.TextArea rows={2} placeholder="撤销原因（必填）" onChange={(e) => (reason = e.target.value)} aria-label="撤销原因" />,
      okText: '撤销',
      cancelText: '取消',
      onOk: async () => {
        const r = await api.plans.untick({ villageId, stepKey: s.key, reason })
        if (!r.ok) {
          message.error(r.error.message)
          throw new Error(r.error.message)
        }
        plan.reload()
      }
    })
  }

  return (
    <LoadState loading={plan.loading && !p} error={plan.error} onRetry={plan.reload}>
      {p && (
        <>
          <Space style={{ marginBottom: 8 }} wrap>
            <span>党组织换届日期：{p.village.partyElectionDate ?? <Tag>未定</Tag>}</span>
            <span>村(居)委会选举日期：{p.village.committeeElectionDate ?? <Tag>未定</Tag>}</span>
            <Typography.Text type="secondary">选举日期在“村社台账”中修改；计划按选举日期倒排。</Typography.Text>
          </Space>
          {p.problems.map((m) => (
            <Alert key={m} type="warning" showIcon title={m} style={{ marginBottom: 8 }} />
          ))}
          {p.breachCount > 0 && <Alert type="error" showIcon title={`有 ${p.breachCount} 个步骤不符合法定期限，请及时处理`} style={{ marginBottom: 8 }} />}
          <Table<StepStatus>
            rowKey="key"
            size="small"
            pagination={false}
            dataSource={p.steps}
            data-testid="village-plan"
            scroll={{ x: 1300 }}
            rowClassName={(s) => (s.state === '已逾期' ? 'row-overdue' : '')}
            columns={[
              { title: '所属', dataIndex: 'side', width: 70 },
              { title: '步骤', dataIndex: 'name', width: 280 },
              { title: '计划日期', key: 'when', width: 200, render: (_, s) => <>{dayRange(s.start, s.end)}{s.overridden && <Tag style={{ marginLeft: 4 }}>已调整</Tag>}</> },
              { title: '法定最迟', dataIndex: 'legalLatest', width: 110, render: (d: string | null) => d ?? '' },
              { title: '状态', dataIndex: 'state', width: 80, render: (st: StepStatus['state']) => <StateTag state={st} /> },
              { title: '完成', key: 'done', width: 160, render: (_, s) => (s.doneOn ? `${s.doneOn}${s.note ? `：${s.note}` : ''}` : '') },
              {
                title: '提示',
                key: 'problems',
                render: (_, s) =>
                  s.problems.map((x) => (
                    <div key={x.message} style={{ color: x.level === 'breach' ? '#cf1322' : '#d46b08' }}>
                      {x.message}
                    </div>
                  ))
              },
              {
                title: '操作',
                key: 'actions',
                width: 150,
                render: (_, s) => (
                  <Space size={0}>
                    {s.doneOn ? (
                      <Button type="link" size="small" onClick={() => untick(s)}>
                        撤销
                      </Button>
                    ) : (
                      <Button type="link" size="small" onClick={() => setDialog({ kind: 'tick', step: s })} aria-label={`完成${s.name}`}>
                        完成
                      </Button>
                    )}
                    {!s.doneOn && s.start && (
                      <Button type="link" size="small" onClick={() => setDialog({ kind: 'date', step: s })}>
                        调整日期
                      </Button>
                    )}
                  </Space>
                )
              }
            ]}
          />
          <StepDialog villageId={villageId} dialog={dialog} onClose={() => setDialog(null)} onSaved={() => { setDialog(null); plan.reload() }} />
        </>
      )}
    </LoadState>
  )
}

function StepDialog({ villageId, dialog, onClose, onSaved }: { villageId: number; dialog: Dialog; onClose: () => void; onSaved: () => void }) {
  const [form] = Form.useForm<{ date: Dayjs | null; note: string }>()
  const [problem, setProblem] = useState<string | null>(null)
  const date = Form.useWatch('date', form)
  const step = dialog?.step
  // The legal limit is checked while the clerk picks the date, before anything is saved or happens.
  const warning = step && date ? dateProblem(step, toIso(date)!) : null
  const tick = dialog?.kind === 'tick'
  useOnOpen(dialog !== null, () => {
    if (!step) return
    setProblem(null)
    form.setFieldsValue({ date: tick ? dayjs() : fromIso(step.end), note: '' })
  })
  return (
    <Modal
      open={dialog !== null}
      title={step ? `${tick ? '登记完成' : '调整计划日期'}：${step.name}` : ''}
      okText="保存"
      cancelText="取消"
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} />}
      {warning && <Alert type="error" showIcon title={`不符合法定期限：${warning}`} style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        layout="vertical"
        aria-label={tick ? '登记完成' : '调整计划日期'}
        onFinish={async (v) => {
          try {
            const iso = toIso(v.date)
            if (tick) await unwrap(api.plans.tick({ villageId, stepKey: step!.key, doneOn: iso ?? '', note: v.note ?? '' }))
            else await unwrap(api.plans.setPlannedDate({ villageId, stepKey: step!.key, plannedOn: iso }))
            onSaved()
          } catch (e) {
            setProblem((e as Error).message)
          }
        }}
      >
        <Form.Item name="date" label={tick ? '完成日期' : '计划完成日期'} rules={tick ? [{ required: true, message: '请选择完成日期' }] : []} extra={tick ? undefined : '清空则恢复为倒排日期'}>
          <DatePicker {...dateProps} allowClear={!tick} aria-label={tick ? '完成日期' : '计划完成日期'} />
        </Form.Item>
        {tick && (
          <Form.Item name="note" label="说明">
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        )}
        {step?.legalLatest && <Typography.Text type="secondary">法定最迟日期：{step.legalLatest}</Typography.Text>}
        <button type="submit" hidden aria-hidden />
      </Form>
    </Modal>
  )
}
