import { App, Button, Card, Col, Form, Input, Row, Select, Space, Table, Typography } from 'antd'
import { useEffect, useState } from 'react'
import { NOTICE_KINDS, NOTICE_PLACEHOLDERS, type NoticeKind, type NoticeTemplate, type NoticeTemplateText } from '../../../../shared/notices'
import { api, unwrap } from '../../api/client'
import { useResource } from '../../api/useResource'
import { showFormErrors } from '../../components/formErrors'
import { ProblemAlert } from '../../components/ProblemAlert'
import { showSaved, useUnsavedEdits } from '../../lib/unsavedEdits'

/**
 * 公告模板: the office words each notice once; every village's notice is printed from it. Each save is a new
 * version (the older ones stay and can be loaded again); the preview fills the wording with a real village.
 */
export function NoticeTemplatesCard() {
  const { message } = App.useApp()
  const [form] = Form.useForm<NoticeTemplateText>()
  useUnsavedEdits(form)
  const [notice, setNotice] = useState<NoticeKind>(NOTICE_KINDS[0])
  const versions = useResource(() => unwrap(api.notices.versions({ notice })), [notice])
  const villages = useResource(() => unwrap(api.villages.list({})), [])
  const [villageId, setVillageId] = useState<number | null>(null)
  const [preview, setPreview] = useState<NoticeTemplateText | null>(null)
  const [problem, setProblem] = useState<string | null>(null)

  const load = (t: NoticeTemplate) => {
    form.setFieldsValue({ title: t.title, body: t.body })
    setPreview(null)
  }
  useEffect(() => {
    const current = versions.data?.[0]
    if (current) showSaved(form, { title: current.title, body: current.body })
    setPreview(null)
  }, [versions.data, form])

  const previewWith = async () => {
    setProblem(null)
    if (villageId === null) return setProblem('请先选择用于预览的村社')
    try {
      setPreview(await unwrap(api.notices.preview({ notice, villageId, ...form.getFieldsValue() })))
    } catch (e) {
      setProblem(showFormErrors(form, e))
    }
  }

  const save = async (v: NoticeTemplateText) => {
    setProblem(null)
    try {
      const saved = await unwrap(api.notices.save({ notice, ...v }))
      showSaved(form, { title: saved.title, body: saved.body })
      message.success(saved.version === (versions.data?.[0]?.version ?? 0) ? '措辞未改动，未另存新版本' : `已保存“${notice}”公告模板第${saved.version}版`)
      versions.reload()
    } catch (e) {
      setProblem(showFormErrors(form, e))
    }
  }

  return (
    <Card title="公告模板" size="small" style={{ marginTop: 16 }}>
      <Space style={{ marginBottom: 12 }} wrap>
        <span>公告</span>
        <Select aria-label="编辑的公告" style={{ width: 180 }} value={notice} onChange={setNotice} options={NOTICE_KINDS.map((n) => ({ value: n, label: n }))} />
        <span>预览村社</span>
        <Select
          aria-label="预览村社"
          style={{ width: 180 }}
          placeholder="选择村社"
          value={villageId ?? undefined}
          onChange={setVillageId}
          options={(villages.data ?? []).map((v) => ({ value: v.id, label: v.name }))}
        />
      </Space>
      <Row gutter={16}>
        <Col span={14}>
          <Form form={form} layout="vertical" onFinish={save} aria-label="公告模板">
            <Form.Item name="title" label="标题" rules={[{ required: true, message: '标题不能为空' }]}>
              <Input maxLength={100} aria-label="公告标题" />
            </Form.Item>
            <Form.Item name="body" label="正文（空一行分段）" rules={[{ required: true, message: '正文不能为空' }]}>
              <Input.TextArea autoSize={{ minRows: 6, maxRows: 16 }} maxLength={3000} aria-label="公告正文" />
            </Form.Item>
            <Space wrap>
              <Button type="primary" htmlType="submit">
                保存为新版本
              </Button>
              <Button onClick={() => void previewWith()}>预览</Button>
              <Button onClick={() => versions.data && load(versions.data[versions.data.length - 1])}>载入默认措辞</Button>
            </Space>
            <ProblemAlert problem={problem} />
          </Form>
          <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
            可用占位符：{Object.entries(NOTICE_PLACEHOLDERS).map(([k, v]) => `{${k}} ${v}`).join('；')}。社区自动改用“居民”措辞；公告由村(居)民选举委员会署名盖章，表格部分取自台账。
          </Typography.Paragraph>
        </Col>
        <Col span={10}>
          {preview && (
            <Card size="small" title="预览" aria-label="公告预览">
              <Typography.Title level={5} style={{ textAlign: 'center' }}>
                {preview.title}
              </Typography.Title>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{preview.body}</Typography.Paragraph>
            </Card>
          )}
          <Table
            style={{ marginTop: 12 }}
            rowKey="version"
            size="small"
            pagination={false}
            loading={versions.loading}
            dataSource={versions.data ?? []}
            columns={[
              { title: '版本', dataIndex: 'version', width: 90, render: (n: number) => (n === 0 ? '默认' : `第${n}版`) },
              { title: '保存时间', dataIndex: 'savedAt', render: (t: string | null) => (t ? t.replace('T', ' ').slice(0, 16) : '随程序提供') },
              { title: '', width: 70, render: (_, t) => <Button size="small" onClick={() => load(t)}>载入</Button> }
            ]}
          />
        </Col>
      </Row>
    </Card>
  )
}
