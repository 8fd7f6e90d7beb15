import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons'
import { App, Button, Card, Checkbox, Form, Input, InputNumber, Select, Space, Table } from 'antd'
import { useEffect, useState } from 'react'
import { PLAN_SIDES, type PlanStepTemplate } from '../../../../shared/plan-schedule'
import { api, unwrap } from '../../api/client'
import { useResource } from '../../api/useResource'
import { LoadState } from '../../components/LoadState'
import { inRange, rangeProblem } from '../../components/range'
import { RangeCell } from '../../components/RangeCell'
import { showSaved, useLeaveGuard, useUnsavedEdits } from '../../lib/unsavedEdits'
import { ProblemAlert } from '../../components/ProblemAlert'

/** Settings of the risk files and the plan template, shown on the 设置 page. */
export function RiskPlanSettings() {
  return (
    <>
      <RiskSettingsCard />
      <PlanTemplateCard />
    </>
  )
}

function RiskSettingsCard() {
  const { message } = App.useApp()
  const settings = useResource(() => unwrap(api.risks.settings()), [])
  const [form] = Form.useForm<{ riskTypes: string[]; talkIntervalDays: number }>()
  useUnsavedEdits(form)
  const [problem, setProblem] = useState<string | null>(null)
  useEffect(() => {
    if (settings.data) showSaved(form, settings.data)
  }, [settings.data, form])
  return (
    <Card title="风险档案" size="small" style={{ marginBottom: 16 }}>
      <LoadState loading={settings.loading && !settings.data} error={settings.error} onRetry={settings.reload}>
        <ProblemAlert problem={problem} style={{ marginBottom: 12 }} />
        <Form
          form={form}
          layout="inline"
          aria-label="风险档案设置"
          onFinish={async (v) => {
            setProblem(null)
            try {
              await unwrap(api.risks.saveSettings(v))
              showSaved(form, v)
              message.success('已保存风险档案设置')
              settings.reload()
            } catch (e) {
              setProblem((e as Error).message)
            }
          }}
        >
          <Form.Item name="riskTypes" label="风险类型" style={{ minWidth: 520 }}>
            <Select mode="tags" tokenSeparators={['，', ',', '、']} aria-label="风险类型" />
          </Form.Item>
          <Form.Item name="talkIntervalDays" label="重点人员谈话间隔" extra="超过此天数未谈话即在挂图作战中提示" rules={[inRange(1, 365, '天')]}>
            <InputNumber addonAfter="天" />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            保存
          </Button>
        </Form>
      </LoadState>
    </Card>
  )
}

function PlanTemplateCard() {
  const { message, modal } = App.useApp()
  const template = useResource(() => unwrap(api.plans.template()), [])
  const [steps, setSteps] = useState<PlanStepTemplate[]>([])
  const [problem, setProblem] = useState<string | null>(null)
  useEffect(() => {
    if (template.data) setSteps(template.data)
  }, [template.data])
  useLeaveGuard(() => template.data !== undefined && JSON.stringify(steps) !== JSON.stringify(template.data))

  const patch = (i: number, p: Partial<PlanStepTemplate>) => setSteps((s) => s.map((x, j) => (j === i ? { ...x, ...p } : x)))
  const move = (i: number, d: -1 | 1) =>
    setSteps((s) => {
      const n = [...s]
      ;[n[i], n[i + d]] = [n[i + d], n[i]]
      return n
    })
  const save = async () => {
    setProblem(null)
    const wrong = steps
      .map((st, i) => {
        const p =
          rangeProblem(st.durationDays, { label: '天数', required: true, min: 1, max: 90, unit: '天' }) ??
          rangeProblem(st.minDaysBeforeVote, { label: '选举日前天数', min: 1, max: 120, unit: '天' }) ??
          rangeProblem(st.maxDaysAfterVote, { label: '选举后天数', min: 1, max: 120, unit: '天' })
        return p && `第${i + 1}步“${st.name}”：${p}`
      })
      .filter(Boolean)
    if (wrong.length > 0) {
      setProblem(`模板未保存：${wrong.join('；')}`)
      return
    }
    try {
      await unwrap(api.plans.saveTemplate({ steps }))
      message.success('已保存工作计划模板')
      template.reload()
    } catch (e) {
      setProblem((e as Error).message)
    }
  }
  const newKey = () => {
    let n = steps.length + 1
    while (steps.some((s) => s.key === `s-${n}`)) n++
    return `s-${n}`
  }

  return (
    <Card
      title="换届工作计划模板（倒排工期）"
      size="small"
      style={{ marginBottom: 16 }}
      extra={
        <Space>
          <Button
            onClick={() =>
              modal.confirm({
                title: '恢复默认模板？',
                content: '将按《村民委员会组织法》和常见做法恢复默认步骤，当前的修改会被替换。',
                okText: '恢复',
                cancelText: '取消',
                onOk: async () => {
                  await unwrap(api.plans.resetTemplate())
                  template.reload()
                }
              })
            }
          >
            恢复默认
          </Button>
          <Button type="primary" onClick={save}>
            保存模板
          </Button>
        </Space>
      }
    >
      <LoadState loading={template.loading && !template.data} error={template.error} onRetry={template.reload}>
        <ProblemAlert problem={problem} style={{ marginBottom: 12 }} />
        <Table<PlanStepTemplate>
          rowKey="key"
          size="small"
          pagination={false}
          dataSource={steps}
          columns={[
            { title: '所属', dataIndex: 'side', width: 100, render: (v, _, i) => <Select size="small" value={v} style={{ width: 90 }} onChange={(side) => patch(i, { side })} options={PLAN_SIDES.map((s) => ({ value: s, label: s }))} /> },
            { title: '步骤名称', dataIndex: 'name', render: (v, _, i) => <Input size="small" value={v} maxLength={40} onChange={(e) => patch(i, { name: e.target.value })} aria-label="步骤名称" /> },
            { title: '天数', dataIndex: 'durationDays', width: 80, render: (v, _, i) => <RangeCell label="天数" required min={1} max={90} unit="天" value={v} onChange={(d) => patch(i, { durationDays: d as number })} /> },
            {
              title: '前置步骤',
              dataIndex: 'after',
              width: 200,
              render: (v, s, i) => (
                <Select
                  size="small"
                  allowClear
                  value={v ?? undefined}
                  style={{ width: 190 }}
                  placeholder="无"
                  onChange={(after) => patch(i, { after: after ?? null })}
                  options={steps.slice(0, i).filter((p) => p.side === s.side).map((p) => ({ value: p.key, label: p.name }))}
                />
              )
            },
            { title: '选举日', dataIndex: 'isVote', width: 70, align: 'center', render: (v, _, i) => <Checkbox checked={v} onChange={(e) => patch(i, { isVote: e.target.checked })} /> },
            { title: '选举日前至少(天)', dataIndex: 'minDaysBeforeVote', width: 120, render: (v, _, i) => <RangeCell label="选举日前天数" min={1} max={120} unit="天" value={v} onChange={(d) => patch(i, { minDaysBeforeVote: d })} /> },
            { title: '选举后至多(天)', dataIndex: 'maxDaysAfterVote', width: 120, render: (v, _, i) => <RangeCell label="选举后天数" min={1} max={120} unit="天" value={v} onChange={(d) => patch(i, { maxDaysAfterVote: d })} /> },
            {
              title: '',
              key: 'ops',
              width: 110,
              render: (_, s, i) => (
                <Space size={0}>
                  <Button type="text" size="small" icon={<ArrowUpOutlined />} disabled={i === 0} onClick={() => move(i, -1)} aria-label="上移" />
                  <Button type="text" size="small" icon={<ArrowDownOutlined />} disabled={i === steps.length - 1} onClick={() => move(i, 1)} aria-label="下移" />
                  <Button type="text" size="small" danger icon={<DeleteOutlined />} onClick={() => setSteps((all) => all.filter((x) => x.key !== s.key).map((x) => (x.after === s.key ? { ...x, after: s.after } : x)))} aria-label="删除步骤" />
                </Space>
              )
            }
          ]}
        />
        <Button
          size="small"
          icon={<PlusOutlined />}
          style={{ marginTop: 8 }}
          onClick={() => setSteps((s) => [...s, { key: newKey(), name: '新步骤', side: '村委会', durationDays: 1, after: null, isVote: false, minDaysBeforeVote: null, maxDaysAfterVote: null }])}
        >
          添加步骤
        </Button>
      </LoadState>
    </Card>
  )
}
