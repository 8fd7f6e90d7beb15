import { App, Button, Card, DatePicker, Form, Input, Popconfirm, Select, Table, Tag } from 'antd'
import type { Dayjs } from 'dayjs'
import { useState } from 'react'
import { calendarYears, type OfficialDay } from '../../../../shared/official-calendar'
import { api, unwrap } from '../../api/client'
import { useResource } from '../../api/useResource'
import { showFormErrors } from '../../components/formErrors'
import { ProblemAlert } from '../../components/ProblemAlert'

/** 法定节假日: the days the 公示 working days skip, and the 调休 weekends they count; the office adds each new year. */
export function OfficialCalendarCard() {
  const { message } = App.useApp()
  const [form] = Form.useForm<{ day: Dayjs | null; kind: OfficialDay['kind']; name: string }>()
  const days = useResource(() => unwrap(api.calendar.list()), [])
  const [problem, setProblem] = useState<string | null>(null)
  const years = calendarYears(days.data ?? [])
  const save = async (v: { day: Dayjs | null; kind: OfficialDay['kind']; name: string }) => {
    setProblem(null)
    try {
      await unwrap(api.calendar.save({ day: v.day ? v.day.format('YYYY-MM-DD') : '', kind: v.kind, name: v.name }))
      message.success('已保存')
      form.resetFields()
      days.reload()
    } catch (e) {
      setProblem(showFormErrors(form, e))
    }
  }
  return (
    <Card title={`法定节假日（已登记：${years.length ? years.join('、') : '无'}年）`} size="small" style={{ marginBottom: 16 }}>
      <p style={{ marginTop: 0, color: '#666' }}>
        公示期等“工作日”按此安排计算：放假日不计，调休上班的周末计入。每年国务院办公厅公布次年安排后，请在此补充。
      </p>
      <ProblemAlert problem={problem} style={{ marginBottom: 12 }} />
      <Form form={form} layout="inline" onFinish={save} initialValues={{ kind: '休' }} aria-label="添加法定节假日" style={{ marginBottom: 12 }}>
        <Form.Item name="day" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker aria-label="日期" />
        </Form.Item>
        <Form.Item name="kind">
          <Select aria-label="类别" style={{ width: 120 }} options={[{ value: '休', label: '放假' }, { value: '班', label: '调休上班' }]} />
        </Form.Item>
        <Form.Item name="name" rules={[{ required: true, whitespace: true, message: '请填写名称' }]}>
          <Input aria-label="名称" placeholder="如：春节" style={{ width: 180 }} />
        </Form.Item>
        <Button htmlType="submit">添加</Button>
      </Form>
      <Table<OfficialDay>
        rowKey="day"
        size="small"
        loading={days.loading}
        dataSource={days.data ?? []}
        pagination={{ pageSize: 10 }}
        columns={[
          { title: '日期', dataIndex: 'day', width: 130 },
          { title: '类别', dataIndex: 'kind', width: 110, render: (k: OfficialDay['kind']) => (k === '休' ? <Tag color="red">放假</Tag> : <Tag color="blue">调休上班</Tag>) },
          { title: '名称', dataIndex: 'name' },
          {
            title: '',
            width: 80,
            render: (_, d) => (
              <Popconfirm title={`删除${d.day}（${d.name}）？`} okText="删除" cancelText="取消" onConfirm={async () => (await unwrap(api.calendar.remove({ day: d.day })), days.reload())}>
                <Button type="link" danger size="small">
                  删除
                </Button>
              </Popconfirm>
            )
          }
        ]}
      />
    </Card>
  )
}
