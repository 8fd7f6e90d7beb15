import { App, Button, Card, Col, DatePicker, Form, Row } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useEffect, useState } from 'react'
import { api, unwrap } from '../../api/client'
import { useResource } from '../../api/useResource'
import { showFormErrors } from '../../components/formErrors'
import { showSaved, useUnsavedEdits } from '../../lib/unsavedEdits'
import { ProblemAlert } from '../../components/ProblemAlert'

type Values = { partyElectionDate: Dayjs | null; committeeElectionDate: Dayjs | null }

const text = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null)

/** 全乡镇统一选举日: every village uses it unless its own date is entered in 村社台账. */
export function TownshipDaysCard() {
  const { message } = App.useApp()
  const [form] = Form.useForm<Values>()
  const days = useResource(() => unwrap(api.elections.townshipDays()), [])
  useUnsavedEdits(form)
  const [problem, setProblem] = useState<string | null>(null)
  useEffect(() => {
    if (!days.data) return
    showSaved(form, {
      partyElectionDate: days.data.partyElectionDate ? dayjs(days.data.partyElectionDate) : null,
      committeeElectionDate: days.data.committeeElectionDate ? dayjs(days.data.committeeElectionDate) : null
    })
  }, [days.data, form])

  const save = async (v: Values) => {
    setProblem(null)
    try {
      await unwrap(api.elections.saveTownshipDays({ partyElectionDate: text(v.partyElectionDate), committeeElectionDate: text(v.committeeElectionDate) }))
      showSaved(form, v)
      message.success('已保存全乡镇统一选举日')
      days.reload()
    } catch (e) {
      setProblem(showFormErrors(form, e))
    }
  }

  return (
    <Card title="全乡镇统一选举日" size="small" style={{ marginBottom: 16 }}>
      <Form form={form} layout="vertical" scrollToFirstError onFinish={save} aria-label="全乡镇统一选举日">
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item name="partyElectionDate" label="党组织换届日期" extra="村社台账中未填写本村日期的村使用此日期">
              <DatePicker style={{ width: '100%' }} aria-label="全乡镇党组织换届日期" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="committeeElectionDate" label="村(居)委会选举日期" extra="选民年龄按此日计算，村里另有日期的以村为准">
              <DatePicker style={{ width: '100%' }} aria-label="全乡镇村(居)委会选举日期" />
            </Form.Item>
          </Col>
          <Col span={8} style={{ display: 'flex', alignItems: 'center' }}>
            <Button type="primary" htmlType="submit">
              保存
            </Button>
          </Col>
        </Row>
        <ProblemAlert problem={problem} />
      </Form>
    </Card>
  )
}
