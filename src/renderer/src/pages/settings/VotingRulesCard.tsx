import { App, Button, Card, Col, Form, InputNumber, Row, Space } from 'antd'
import { useEffect, useState } from 'react'
import { DEFAULT_VOTING_RULES, type VotingRules } from '../../../../shared/voting-rules'
import { api, unwrap } from '../../api/client'
import { useResource } from '../../api/useResource'
import { showFormErrors } from '../../components/formErrors'
import { inRange } from '../../components/range'
import { showSaved, useUnsavedEdits } from '../../lib/unsavedEdits'
import { ProblemAlert } from '../../components/ProblemAlert'

const FRACTIONS: [keyof VotingRules['thresholds'], string, string][] = [
  ['turnout', '选举有效：投票人数超过登记选民的', '村委会'],
  ['elected', '当选：得票超过参加投票人数的', '村委会'],
  ['runoffMin', '另行选举：得票不少于已投选票数的', '村委会'],
  ['partyQuorum', '党员大会有效：到会超过应到会的', '党组织'],
  ['partyElected', '党组织当选：赞成票超过实到会的', '党组织']
]

/** The numbers provinces set differently, with the defaults of the law and common practice. */
export function VotingRulesCard() {
  const { message } = App.useApp()
  const [form] = Form.useForm<VotingRules>()
  const rules = useResource(() => unwrap(api.elections.rules()), [])
  useUnsavedEdits(form)
  const [problem, setProblem] = useState<string | null>(null)
  useEffect(() => {
    if (rules.data) showSaved(form, rules.data)
  }, [rules.data, form])

  const save = async (v: VotingRules) => {
    setProblem(null)
    try {
      await unwrap(api.elections.saveRules(v))
      showSaved(form, v)
      message.success('已保存选民登记与选举规则')
      rules.reload()
    } catch (e) {
      setProblem(showFormErrors(form, e))
    }
  }
  const n = (name: keyof VotingRules, label: string, suffix: string, min = 1, max = 90) => (
    <Col span={8}>
      <Form.Item name={name} label={label} rules={[{ required: true, message: '请填写' }, inRange(min, max, suffix)]}>
        <InputNumber precision={0} suffix={suffix} style={{ width: '100%' }} />
      </Form.Item>
    </Col>
  )
  return (
    <Card title="选民登记与选举规则" size="small" style={{ marginBottom: 16 }}>
      <ProblemAlert problem={problem} style={{ marginBottom: 12 }} />
      <Form form={form} layout="vertical" scrollToFirstError onFinish={save} aria-label="选民登记与选举规则">
        <Row gutter={16}>
          {n('publicationDaysBefore', '选民名单于选举日前公布', '天')}
          {n('objectionDays', '公布后提出申诉的期限', '天', 1, 30)}
          {n('answerDays', '申诉答复期限', '天', 1, 30)}
          {n('proxyLimit', '每名受托人最多接受委托', '人', 1, 10)}
        </Row>
        <Row gutter={16}>
          {FRACTIONS.map(([key, label, body]) => (
            <Col span={12} key={key}>
              <Form.Item label={`${body}｜${label}`}>
                <Space size={6}>
                  <Form.Item name={['thresholds', key, 'num']} noStyle rules={[inRange(1)]}>
                    <InputNumber precision={0} aria-label={`${label}分子`} style={{ width: 70 }} />
                  </Form.Item>
                  <span>/</span>
                  <Form.Item name={['thresholds', key, 'den']} noStyle rules={[inRange(1)]}>
                    <InputNumber precision={0} aria-label={`${label}分母`} style={{ width: 70 }} />
                  </Form.Item>
                </Space>
              </Form.Item>
            </Col>
          ))}
        </Row>
        <Space>
          <Button type="primary" htmlType="submit">
            保存规则
          </Button>
          <Button onClick={() => form.setFieldsValue(DEFAULT_VOTING_RULES)}>恢复默认值</Button>
        </Space>
      </Form>
    </Card>
  )
}
