import { PlusOutlined } from '@ant-design/icons'
import { Alert, App, Button, Card, Form, Input, Modal, Radio, Select, Table, Tag } from 'antd'
import dayjs from 'dayjs'
import { useState } from 'react'
import { FINDING_DECISIONS } from '../../../../shared/candidate'
import type { FindingRecord } from '../../../../shared/vetting-rules'
import { api, unwrap } from '../../api/client'
import { useResource } from '../../api/useResource'
import { showFormErrors } from '../../components/formErrors'
import { dateText } from './vetting-ui'
import { StepDate } from '../../components/StepDate'

type Mode = { kind: 'add' } | { kind: 'decide'; finding: FindingRecord } | null

/** 负面清单 findings of one person: each cites an item, a department and evidence; a 不宜 one waits for a decision. */
export function FindingsCard({ personId, findings, onChanged }: { personId: number; findings: FindingRecord[]; onChanged: () => void }) {
  const { message, modal } = App.useApp()
  const [mode, setMode] = useState<Mode>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const [form] = Form.useForm()
  const settings = useResource(() => unwrap(api.vetting.settings()), [])

  const open = (m: Mode) => {
    setProblem(null)
    form.resetFields()
    setMode(m)
  }

  const submit = async (v: Record<string, unknown>) => {
    setSaving(true)
    try {
      if (mode?.kind === 'add') {
        await unwrap(api.negatives.add({ personId, itemCode: String(v.itemCode ?? ''), department: String(v.department ?? ''), evidence: String(v.evidence ?? ''), foundOn: dateText(v.foundOn as dayjs.Dayjs) ?? '' }))
      } else if (mode?.kind === 'decide') {
        await unwrap(
          api.negatives.decide({
            id: mode.finding.id,
            decision: v.decision as (typeof FINDING_DECISIONS)[number],
            decidedBy: String(v.decidedBy ?? ''),
            decidedOn: dateText(v.decidedOn as dayjs.Dayjs) ?? '',
            note: String(v.note ?? '')
          })
        )
      }
      setMode(null)
      message.success('已保存')
      onChanged()
    } catch (e) {
      setProblem(showFormErrors(form, e))
    } finally {
      setSaving(false)
    }
  }

  const remove = (f: FindingRecord) =>
    modal.confirm({
      title: `删除负面清单情形“${f.itemText}”？`,
      content: '仅用于更正登记错误。删除会记入操作日志。',
      okText: '删除',
      cancelText: '取消',
      okButtonProps: { danger: true },
      onOk: async () => {
        await unwrap(api.negatives.remove({ id: f.id }))
        onChanged()
      }
    })

  return (
    <Card
      size="small"
      title="负面清单"
      extra={
        <Button size="small" icon={<PlusOutlined />} onClick={() => open({ kind: 'add' })}>
          登记情形
        </Button>
      }
    >
      <Table<FindingRecord>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={findings}
        locale={{ emptyText: '未发现负面清单情形' }}
        columns={[
          { title: '类别', dataIndex: 'severity', width: 70, render: (s: string) => <Tag color={s === '不能' ? 'red' : 'orange'}>{s}</Tag> },
          { title: '情形', key: 'item', render: (_, f) => `${f.itemCode} ${f.itemText}` },
          { title: '来源部门', dataIndex: 'department', width: 100 },
          { title: '依据', dataIndex: 'evidence' },
          { title: '发现日期', dataIndex: 'foundOn', width: 110 },
          {
            title: '研究决定',
            key: 'decision',
            width: 220,
            render: (_, f) =>
              f.severity === '不能' ? (
                '取消资格'
              ) : f.decision ? (
                `${f.decision}（${f.decidedBy}，${f.decidedOn}）`
              ) : (
                <Button size="small" type="primary" ghost onClick={() => open({ kind: 'decide', finding: f })}>
                  作出研究决定
                </Button>
              )
          },
          { title: '', key: 'ops', width: 60, render: (_, f) => <a onClick={() => remove(f)}>删除</a> }
        ]}
      />
      <Modal
        open={mode !== null}
        title={mode?.kind === 'decide' ? `研究决定：${mode.finding.itemText}` : '登记负面清单情形'}
        okText="保存"
        cancelText="取消"
        confirmLoading={saving}
        onOk={() => form.submit()}
        onCancel={() => setMode(null)}
        destroyOnHidden
      >
        {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} />}
        <Form form={form} layout="vertical" onFinish={submit} initialValues={{ decision: '准予继续' }}>
          {mode?.kind === 'add' ? (
            <>
              <Form.Item name="itemCode" label="负面清单条目" rules={[{ required: true, message: '请选择条目' }]}>
                <Select
                  options={(settings.data?.negativeList ?? []).map((i) => ({ value: i.code, label: `【${i.severity}】${i.code} ${i.text}` }))}
                  aria-label="负面清单条目"
                />
              </Form.Item>
              <Form.Item name="department" label="来源部门" rules={[{ required: true, message: '请填写来源部门' }]}>
                <Select
                  showSearch
                  options={(settings.data?.reviewDepartments ?? []).map((d) => ({ value: d, label: d }))}
                  aria-label="来源部门"
                />
              </Form.Item>
              <Form.Item name="evidence" label="依据或证据" rules={[{ required: true, whitespace: true, message: '请填写依据' }]}>
                <Input.TextArea rows={3} maxLength={2000} />
              </Form.Item>
              <Form.Item name="foundOn" label="发现日期" rules={[{ required: true, message: '请选择日期' }]}>
                <StepDate />
              </Form.Item>
            </>
          ) : (
            <>
              <Form.Item name="decision" label="研究决定">
                <Radio.Group optionType="button" options={FINDING_DECISIONS.map((d) => ({ value: d, label: d }))} />
              </Form.Item>
              <Form.Item name="decidedBy" label="决定机构" rules={[{ required: true, whitespace: true, message: '请填写决定机构' }]}>
                <Input maxLength={100} placeholder="如 乡镇党委会" />
              </Form.Item>
              <Form.Item name="decidedOn" label="决定日期" rules={[{ required: true, message: '请选择日期' }]}>
                <StepDate after={mode?.kind === 'decide' ? mode.finding.foundOn : null} />
              </Form.Item>
              <Form.Item name="note" label="说明">
                <Input.TextArea rows={2} maxLength={1000} />
              </Form.Item>
            </>
          )}
          <button type="submit" hidden aria-hidden />
        </Form>
      </Modal>
    </Card>
  )
}
