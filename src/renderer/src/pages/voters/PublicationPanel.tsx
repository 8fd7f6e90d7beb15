import { Alert, App, Button, Card, DatePicker, Form, Input, Modal, Space, Table, Tag } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useState } from 'react'
import type { Objection } from '../../../../shared/voter'
import { api, unwrap } from '../../api/client'
import { useResource } from '../../api/useResource'
import { LoadState } from '../../components/LoadState'
import { useUnsavedEdits } from '../../lib/unsavedEdits'

const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : '')

/** 选民名单公告, the 申诉 against it with their deadlines, and the changes made after it. */
export function PublicationPanel({ villageId }: { villageId: number }) {
  const { message } = App.useApp()
  const pub = useResource(() => unwrap(api.voters.publication({ villageId })), [villageId])
  const objections = useResource(() => unwrap(api.voters.objections({ villageId })), [villageId])
  const changes = useResource(() => unwrap(api.voters.changes({ villageId })), [villageId])
  const [publishedOn, setPublishedOn] = useState<Dayjs | null>(dayjs())
  const [answering, setAnswering] = useState<Objection | null>(null)
  const [objForm] = Form.useForm()
  useUnsavedEdits(objForm)

  const publish = async () => {
    try {
      const p = await unwrap(api.voters.publish({ villageId, publishedOn: day(publishedOn) }))
      message.success(`已记录选民名单公布（${p.voterCount}人）`)
      pub.reload()
    } catch (e) {
      message.error((e as Error).message)
    }
  }

  const addObjection = async (v: { objector: string; subject: string; filedOn: Dayjs }) => {
    try {
      await unwrap(api.voters.addObjection({ villageId, objector: v.objector, subject: v.subject, filedOn: day(v.filedOn) }))
      objForm.resetFields()
      objections.reload()
    } catch (e) {
      message.error((e as Error).message)
    }
  }

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={16}>
      <Card size="small" title="选民名单公布">
        <LoadState loading={pub.loading} error={pub.error} onRetry={pub.reload}>
          {pub.data ? (
            <Alert
              type={pub.data.check.ok ? 'success' : 'warning'}
              showIcon
              title={`已于 ${pub.data.publishedOn} 公布，选民 ${pub.data.voterCount} 人`}
              description={pub.data.check.reason}
              style={{ marginBottom: 12 }}
            />
          ) : (
            <Alert type="info" showIcon title="尚未公布。公布后，补登、除名和更正都会记入变更记录。" style={{ marginBottom: 12 }} />
          )}
          <Space>
            <DatePicker value={publishedOn} onChange={setPublishedOn} aria-label="公布日期" />
            <Button type="primary" onClick={publish} disabled={!publishedOn}>
              {pub.data ? '更正公布日期' : '记录公布'}
            </Button>
          </Space>
        </LoadState>
      </Card>
      <Card size="small" title="申诉">
        <Form form={objForm} layout="inline" onFinish={addObjection} style={{ marginBottom: 12 }} aria-label="登记申诉">
          <Form.Item name="objector" rules={[{ required: true, message: '请填写申诉人' }]}>
            <Input placeholder="申诉人" aria-label="申诉人" style={{ width: 120 }} />
          </Form.Item>
          <Form.Item name="subject" rules={[{ required: true, message: '请填写申诉事项' }]}>
            <Input placeholder="申诉事项，如：本人漏登" aria-label="申诉事项" style={{ width: 300 }} />
          </Form.Item>
          <Form.Item name="filedOn" rules={[{ required: true, message: '请选择日期' }]} initialValue={dayjs()}>
            <DatePicker aria-label="申诉日期" />
          </Form.Item>
          <Button htmlType="submit">登记申诉</Button>
        </Form>
        <LoadState loading={objections.loading && !objections.data} error={objections.error} onRetry={objections.reload}>
          <Table<Objection>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={objections.data ?? []}
            locale={{ emptyText: '没有申诉' }}
            columns={[
              { title: '申诉人', dataIndex: 'objector', width: 100 },
              { title: '事项', dataIndex: 'subject' },
              { title: '申诉日期', dataIndex: 'filedOn', width: 110 },
              { title: '答复日期', dataIndex: 'answeredOn', width: 110 },
              { title: '答复', dataIndex: 'answer' },
              {
                title: '期限',
                key: 'timing',
                render: (_, o) =>
                  o.timing.notes.length === 0 ? (
                    <Tag color="green">在期限内</Tag>
                  ) : (
                    o.timing.notes.map((n) => (
                      <Tag color="red" key={n} style={{ whiteSpace: 'normal' }}>
                        {n}
                      </Tag>
                    ))
                  )
              },
              {
                title: '操作',
                key: 'a',
                width: 80,
                render: (_, o) => (
                  <Button type="link" onClick={() => setAnswering(o)}>
                    {o.answeredOn ? '改答复' : '答复'}
                  </Button>
                )
              }
            ]}
          />
        </LoadState>
      </Card>
      <Card size="small" title="公布后的变更记录">
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          loading={changes.loading}
          dataSource={changes.data ?? []}
          locale={{ emptyText: '没有变更' }}
          columns={[
            { title: '日期', dataIndex: 'changedOn', width: 110 },
            { title: '姓名', dataIndex: 'name', width: 100 },
            { title: '变更', dataIndex: 'kind', width: 80, render: (k: string) => <Tag color={k === '除名' ? 'red' : k === '补登' ? 'green' : 'blue'}>{k}</Tag> },
            { title: '说明', dataIndex: 'detail' }
          ]}
        />
      </Card>
      <AnswerModal objection={answering} onClose={() => setAnswering(null)} onSaved={() => (setAnswering(null), objections.reload())} />
    </Space>
  )
}

function AnswerModal({ objection, onClose, onSaved }: { objection: Objection | null; onClose: () => void; onSaved: () => void }) {
  const [form] = Form.useForm<{ answeredOn: Dayjs; answer: string }>()
  const [problem, setProblem] = useState<string | null>(null)
  return (
    <Modal
      open={!!objection}
      title={`答复申诉：${objection?.objector ?? ''}`}
      okText="保存"
      cancelText="取消"
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {problem && <Alert type="error" title={problem} style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ answeredOn: dayjs(), answer: objection?.answer ?? '' }}
        onFinish={async (v) => {
          try {
            await unwrap(api.voters.answerObjection({ id: objection!.id, answeredOn: day(v.answeredOn), answer: v.answer }))
            onSaved()
          } catch (e) {
            setProblem((e as Error).message)
          }
        }}
      >
        <Form.Item name="answeredOn" label="答复日期" rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="answer" label="答复内容" rules={[{ required: true, message: '请填写答复内容' }]}>
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  )
}
