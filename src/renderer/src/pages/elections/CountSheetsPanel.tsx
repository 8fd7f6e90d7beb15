import { App, Button, Card, Form, Input, Radio, Space, Table, Tag } from 'antd'
import { useState } from 'react'
import type { CountSheet, SheetDifference, SheetStatus } from '../../../../shared/count-sheet'
import { api, unwrap } from '../../api/client'
import { showFormErrors } from '../../components/formErrors'

const STATUS_COLOR: Record<SheetStatus, string> = { 待第二次录入: 'gold', 有差异: 'red', 已确认: 'green' }

/** The count sheets of one committee still being keyed: who keyed them, and the differences to resolve. */
export function CountSheetsPanel({ sheets, onSecond, onResolved }: { sheets: CountSheet[]; onSecond: (s: CountSheet) => void; onResolved: () => void }) {
  const open = sheets.filter((s) => s.status !== '已确认')
  if (open.length === 0) return null
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {open.map((s) => (
        <Card
          key={s.id}
          size="small"
          type="inner"
          aria-label={`计票单${s.id}`}
          title={
            <Space>
              {`计票单：${s.heldOn} ${s.round}${s.version > 1 ? `（更正，第${s.version}版）` : ''}`}
              <Tag color={STATUS_COLOR[s.status]}>{s.status}</Tag>
              <span style={{ fontWeight: 400, color: '#666' }}>{s.entries.map((e) => `第${e.entryNo}次：${e.enteredBy}`).join('；')}</span>
            </Space>
          }
          extra={
            s.status === '待第二次录入' && (
              <Button type="primary" onClick={() => onSecond(s)}>
                第二次录入
              </Button>
            )
          }
        >
          {s.status === '有差异' ? <Resolve sheet={s} onResolved={onResolved} /> : '等待另一名工作人员对照同一张计票单第二次录入。'}
        </Card>
      ))}
    </Space>
  )
}

/** Each difference shown with both values; the resolver picks the one the paper shows and gives the reason. */
function Resolve({ sheet, onResolved }: { sheet: CountSheet; onResolved: () => void }) {
  const { message } = App.useApp()
  const [form] = Form.useForm<{ resolvedBy: string; reason: string }>()
  const [chosen, setChosen] = useState<Record<string, 1 | 2>>({})
  const [problem, setProblem] = useState<string | null>(null)
  const submit = async (v: { resolvedBy: string; reason: string }) => {
    const missing = sheet.differences.find((d) => !chosen[d.path])
    if (missing) return setProblem(`请为“${missing.label}”选择以哪一次录入为准`)
    try {
      await unwrap(api.countSheets.resolve({ sheetId: sheet.id, ...v, second: sheet.differences.filter((d) => chosen[d.path] === 2).map((d) => d.path) }))
      message.success('已裁定，选举结果已生成并锁定')
      onResolved()
    } catch (e) {
      setProblem(showFormErrors(form, e))
    }
  }
  return (
    <>
      <Table<SheetDifference>
        rowKey="path"
        size="small"
        pagination={false}
        aria-label="两次录入的差异"
        dataSource={sheet.differences}
        columns={[
          { title: '项目', dataIndex: 'label' },
          { title: `第一次（${sheet.entries[0]?.enteredBy}）`, dataIndex: 'first' },
          { title: `第二次（${sheet.entries[1]?.enteredBy}）`, dataIndex: 'second' },
          {
            title: '以哪次为准',
            render: (_, d) => (
              <Radio.Group
                aria-label={`${d.label}以哪次为准`}
                value={chosen[d.path]}
                onChange={(e) => setChosen({ ...chosen, [d.path]: e.target.value })}
                options={[
                  { value: 1, label: `第一次（${d.first}）` },
                  { value: 2, label: `第二次（${d.second}）` }
                ]}
              />
            )
          }
        ]}
      />
      <Form form={form} layout="inline" onFinish={submit} style={{ marginTop: 12 }} aria-label="裁定差异">
        <Form.Item name="resolvedBy" label="裁定人" rules={[{ required: true, whitespace: true, message: '请填写裁定人' }]}>
          <Input maxLength={30} style={{ width: 120 }} />
        </Form.Item>
        <Form.Item name="reason" label="裁定理由" rules={[{ required: true, whitespace: true, message: '请填写裁定理由' }]}>
          <Input maxLength={200} style={{ width: 360 }} placeholder="如：核对纸质计票单，以第一次录入为准" />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          确认裁定
        </Button>
      </Form>
      {problem && <div style={{ color: '#cf1322', marginTop: 8 }}>{problem}</div>}
    </>
  )
}
