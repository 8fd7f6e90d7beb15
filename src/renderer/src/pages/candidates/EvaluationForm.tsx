import { Alert, Button, Col, Descriptions, Form, InputNumber, Row } from 'antd'
import { inRange } from '../../components/range'
import type { Dayjs } from 'dayjs'
import { useState } from 'react'
import { percent, type EvaluationScore } from '../../../../shared/vetting-rules'
import { api, unwrap } from '../../api/client'
import { showFormErrors } from '../../components/formErrors'
import { dateText } from './vetting-ui'
import { StepDate } from '../../components/StepDate'

const COUNTS = [
  ['partyBallots', '党员参评人数'],
  ['partyTrust', '党员信任票'],
  ['repBallots', '村民代表参评人数'],
  ['repTrust', '村民代表信任票'],
  ['satisfied', '满意'],
  ['basicallySatisfied', '基本满意'],
  ['unsatisfied', '不满意']
] as const

export function ScoreView({ score }: { score: EvaluationScore }) {
  return (
    <Descriptions size="small" column={3} bordered>
      <Descriptions.Item label="党员信任率">{percent(score.partyRate)}</Descriptions.Item>
      <Descriptions.Item label="村民代表信任率">{percent(score.repRate)}</Descriptions.Item>
      <Descriptions.Item label="满意率">{percent(score.satisfactionRate)}</Descriptions.Item>
      <Descriptions.Item label="综合得分">{score.combined.toFixed(1)}</Descriptions.Item>
      <Descriptions.Item label="不满意率">
        <span style={{ color: score.barred ? '#cf1322' : undefined }}>
          {percent(score.unsatisfiedRate)}（上限 {score.threshold}%）
        </span>
      </Descriptions.Item>
    </Descriptions>
  )
}

/** 两票一度 for an incumbent: the votes in, the weighted score and the 不满意率 verdict out. */
export function EvaluationForm({ candidateId, onSaved }: { candidateId: number; onSaved: () => void }) {
  const [form] = Form.useForm<Record<string, number | Dayjs | null>>()
  const [saving, setSaving] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const submit = async (v: Record<string, unknown>) => {
    setSaving(true)
    setProblem(null)
    try {
      const counts = Object.fromEntries(COUNTS.map(([k]) => [k, Number(v[k] ?? 0)])) as Record<(typeof COUNTS)[number][0], number>
      await unwrap(api.evaluations.record({ candidateId, heldOn: dateText(v.heldOn as Dayjs | null) ?? '', ...counts }))
      onSaved()
    } catch (e) {
      setProblem(showFormErrors(form, e))
    } finally {
      setSaving(false)
    }
  }
  return (
    <Form form={form} layout="vertical" onFinish={submit} aria-label="民主测评">
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} />}
      <Row gutter={12}>
        <Col span={6}>
          <Form.Item name="heldOn" label="测评日期" rules={[{ required: true, message: '请选择日期' }]}>
            <StepDate />
          </Form.Item>
        </Col>
        {COUNTS.map(([k, label]) => (
          <Col span={k.startsWith('party') || k.startsWith('rep') ? 6 : 4} key={k}>
            <Form.Item name={k} label={label} rules={[{ required: true, message: '请填写' }, inRange(0)]}>
              <InputNumber precision={0} style={{ width: '100%' }} aria-label={label} />
            </Form.Item>
          </Col>
        ))}
      </Row>
      <Button type="primary" htmlType="submit" loading={saving}>
        保存测评结果
      </Button>
    </Form>
  )
}
