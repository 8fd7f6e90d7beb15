import { DeleteOutlined, PlusOutlined } from '@ant-design/icons'
import { App, Button, Card, Col, Form, Input, InputNumber, Row, Select, Space } from 'antd'
import { useEffect, useState } from 'react'
import { SEVERITIES } from '../../../../shared/candidate'
import { VETTING_SETTINGS } from '../../../../shared/settings'
import { api, unwrap } from '../../api/client'
import { useResource } from '../../api/useResource'
import { LoadState } from '../../components/LoadState'
import type { VettingSettingsValues } from './vetting-ui'
import { inRange } from '../../components/range'
import { showSaved, useUnsavedEdits } from '../../lib/unsavedEdits'
import { ProblemAlert } from '../../components/ProblemAlert'

type Key = keyof VettingSettingsValues

/** The office's own numbers and lists for vetting; each one is saved (and audited) as a separate setting. */
export function VettingSettings() {
  const { message } = App.useApp()
  const [form] = Form.useForm<VettingSettingsValues>()
  const [saving, setSaving] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const current = useResource(() => unwrap(api.vetting.settings()), [])
  useUnsavedEdits(form)

  useEffect(() => {
    if (current.data) showSaved(form, current.data)
  }, [current.data, form])

  const save = async (values: VettingSettingsValues) => {
    if (!current.data) return
    setSaving(true)
    setProblem(null)
    const changed = (Object.keys(values) as Key[]).filter((k) => JSON.stringify(values[k]) !== JSON.stringify(current.data![k]))
    const problems: string[] = []
    for (const key of changed) {
      const r = await api.vetting.saveSetting({ key, value: values[key] })
      if (r.ok) continue
      // Said under the field it is about, and once more beside the button with the field's name.
      form.setFields([{ name: key, errors: [r.error.message] }])
      problems.push(`${VETTING_SETTINGS[key].label}：${r.error.message}`)
    }
    setSaving(false)
    // A refusal keeps what the clerk typed on screen (reloading would put the saved values back unasked).
    if (problems.length > 0) return setProblem(problems.join('；'))
    showSaved(form, values)
    message.success(changed.length > 0 ? '设置已保存' : '没有改动')
    current.reload()
  }

  const num = (name: Key | [Key, string], label: string, extra?: string, max = 100, min = 0) => (
    <Form.Item name={name} label={label} extra={extra} rules={[{ required: true, message: '请填写' }, inRange(min, max)]}>
      <InputNumber style={{ width: '100%' }} />
    </Form.Item>
  )

  return (
    <Card title="人选审查设置" size="small" style={{ marginBottom: 16 }}>
      <LoadState loading={current.loading && !current.data} error={current.error} onRetry={current.reload}>
        <ProblemAlert problem={problem} style={{ marginBottom: 12 }} />
        <Form form={form} layout="vertical" scrollToFirstError onFinish={save} aria-label="人选审查设置">
          <Form.Item name="reviewDepartments" label="县级联审部门" extra="一般8至16个部门；可输入新部门名称后回车添加">
            <Select mode="tags" aria-label="县级联审部门" />
          </Form.Item>
          <Row gutter={16}>
            <Col span={12}>
              <Form.Item name="meetingLevels" label="会审层级（按顺序）">
                <Select mode="tags" aria-label="会审层级" />
              </Form.Item>
            </Col>
            <Col span={4}>{num('publicityDays', '公示期(工作日)', undefined, 30, 1)}</Col>
            <Col span={4}>{num('partyMarginPercent', '党组织差额(%)')}</Col>
            <Col span={4}>{num('oneShoulderTarget', '一肩挑目标(%)')}</Col>
            <Col span={4}>{num(['evaluationWeights', 'party'], '测评权重：党员')}</Col>
            <Col span={4}>{num(['evaluationWeights', 'representatives'], '村民代表')}</Col>
            <Col span={4}>{num(['evaluationWeights', 'satisfaction'], '满意度')}</Col>
            <Col span={4}>{num('unsatisfiedThreshold', '不满意率上限(%)', '超过即不能再作候选人')}</Col>
          </Row>
          <h4>负面清单</h4>
          <Form.List name="negativeList">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Space key={f.key} align="start" style={{ display: 'flex' }}>
                    <Form.Item name={[f.name, 'code']} rules={[{ required: true, message: '编号' }]}>
                      <Input style={{ width: 90 }} maxLength={20} aria-label="编号" />
                    </Form.Item>
                    <Form.Item name={[f.name, 'severity']}>
                      <Select style={{ width: 80 }} options={SEVERITIES.map((s) => ({ value: s, label: s }))} aria-label="类别" />
                    </Form.Item>
                    <Form.Item name={[f.name, 'text']} rules={[{ required: true, message: '内容' }]}>
                      <Input style={{ width: 560 }} maxLength={200} aria-label="内容" />
                    </Form.Item>
                    <Button icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label="删除条目" />
                  </Space>
                ))}
                <Button icon={<PlusOutlined />} onClick={() => add({ code: '', severity: '不宜', text: '' })}>
                  添加条目
                </Button>
              </>
            )}
          </Form.List>
          <div style={{ marginTop: 16 }}>
            <Button type="primary" htmlType="submit" loading={saving}>
              保存人选审查设置
            </Button>
          </div>
        </Form>
      </LoadState>
    </Card>
  )
}
