import { Alert, Button, Col, Form, Input, Radio, Row } from 'antd'
import type { Dayjs } from 'dayjs'
import { useState } from 'react'
import type { RecordedStage, StageResult } from '../../../../shared/candidate'
import { calendarOf, lastWorkingDay } from '../../../../shared/official-calendar'
import { api, unwrap } from '../../api/client'
import { useResource } from '../../api/useResource'
import { showFormErrors } from '../../components/formErrors'
import { StepDate } from '../../components/StepDate'
import { dateText } from './vetting-ui'

interface Values {
  result: StageResult
  decidedOn: Dayjs | null
  decider: string
  docNo: string
  note: string
  publicityStart: Dayjs | null
  objections: string
}

const DECIDERS: Partial<Record<RecordedStage, string>> = { 资格初审: '乡镇党委', 考察: '乡镇考察组', 公示: '乡镇党委', 确定为正式候选人: '村选举委员会', 选举: '村选举委员会' }

/** Records the stage that is due, and only that one: the API refuses any other, this form never offers it. */
export function StageForm({
  candidateId,
  stage,
  level,
  publicityDays,
  after,
  onSaved
}: {
  candidateId: number
  stage: RecordedStage
  level: string | null
  publicityDays: number
  /** The date of the step this one follows. */
  after: string | null
  onSaved: () => void
}) {
  const [form] = Form.useForm<Values>()
  const [saving, setSaving] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  // The register's official calendar: 公示 counts 工作日 over its holidays and 调休 weekend days, as the register does.
  const official = useResource(() => unwrap(api.calendar.list()), [])
  const result = Form.useWatch('result', form)
  const start = Form.useWatch('publicityStart', form)
  const election = stage === '选举'

  const submit = async (v: Values) => {
    setSaving(true)
    setProblem(null)
    try {
      await unwrap(
        api.vetting.recordStage({
          candidateId,
          stage,
          level: level ?? '',
          result: v.result,
          decidedOn: dateText(v.decidedOn) ?? '',
          decider: v.decider ?? '',
          docNo: v.docNo ?? '',
          note: v.note ?? '',
          publicityStart: dateText(v.publicityStart),
          objections: v.objections ?? ''
        })
      )
      form.resetFields()
      onSaved()
    } catch (e) {
      setProblem(showFormErrors(form, e))
    } finally {
      setSaving(false)
    }
  }

  const title = `${stage}${level ? `（${level}）` : ''}`
  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={submit}
      aria-label={`记录${title}`}
      initialValues={{ result: election ? '当选' : '通过', decidedOn: null, decider: level ?? DECIDERS[stage] ?? '' }}
    >
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} />}
      <Row gutter={12}>
        <Col span={6}>
          <Form.Item name="result" label={`${title}结果`}>
            <Radio.Group optionType="button" options={(election ? ['当选', '落选'] : ['通过', '不通过']).map((r) => ({ value: r, label: r }))} />
          </Form.Item>
        </Col>
        {stage === '公示' && (
          <Col span={6}>
            <Form.Item
              name="publicityStart"
              label="公示开始日期"
              rules={[{ required: true, message: '请选择公示开始日期' }]}
              extra={start ? `${publicityDays}个工作日，至 ${lastWorkingDay(start.format('YYYY-MM-DD'), publicityDays, calendarOf(official.data ?? []))} 止` : `公示期${publicityDays}个工作日`}
            >
              <StepDate after={after} />
            </Form.Item>
          </Col>
        )}
        <Col span={6}>
          <Form.Item name="decidedOn" label="日期" rules={[{ required: true, message: '请选择日期' }]}>
            <StepDate after={stage === '公示' ? (start ? start.format('YYYY-MM-DD') : after) : after} aria-label="环节日期" />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="decider" label="决定人/机构" rules={[{ required: true, whitespace: true, message: '请填写' }]}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="docNo" label="文号">
            <Input maxLength={100} placeholder="如 某委〔2026〕3号" />
          </Form.Item>
        </Col>
        {stage === '公示' && (
          <Col span={24}>
            <Form.Item name="objections" label="异议情况">
              <Input.TextArea rows={2} maxLength={2000} placeholder="公示期间收到的异议及核查结果；无则填“无”" />
            </Form.Item>
          </Col>
        )}
        <Col span={24}>
          <Form.Item
            name="note"
            label={stage === '考察' ? '考察报告及结论' : result === '不通过' || result === '落选' ? '原因' : '意见'}
            rules={[{ required: result === '不通过', whitespace: true, message: '不通过时请写明原因' }]}
          >
            <Input.TextArea rows={stage === '考察' ? 4 : 2} maxLength={5000} />
          </Form.Item>
        </Col>
      </Row>
      <Button type="primary" htmlType="submit" loading={saving}>
        保存{title}结果
      </Button>
    </Form>
  )
}
