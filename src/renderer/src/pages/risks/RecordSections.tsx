import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons'
import type { Rule } from 'antd/es/form'
import { inRange } from '../../components/range'
import { App, Button, Card, DatePicker, Form, Input, InputNumber, Select, Space, Table, type TableColumnsType } from 'antd'
import { FormModal } from '../../components/FormModal'
import dayjs from 'dayjs'
import { useOnOpen } from '../../lib/useOnOpen'
import { useState, type ReactNode } from 'react'
import { WORK_KINDS } from '../../../../shared/risk'
import type { Result } from '../../../../shared/result'
import { api, unwrap } from '../../api/client'
import { useResource } from '../../api/useResource'
import { LoadState } from '../../components/LoadState'
import { showFormErrors } from '../../components/formErrors'
import { dateProps, fromIso, toIso } from '../../lib/dates'

type Row = { id: number; villageId: number } & Record<string, unknown>

interface Field {
  name: string
  label: string
  kind: 'text' | 'area' | 'date' | 'count' | 'percent' | 'select'
  required?: boolean
  options?: readonly string[]
}

interface Methods {
  list: (i: { villageId: number }) => Promise<Result<Row[]>>
  create: (d: never) => Promise<Result<unknown>>
  update: (i: { id: number; data: never }) => Promise<Result<unknown>>
  remove: (i: { id: number }) => Promise<Result<unknown>>
}

interface SectionDef {
  title: string
  noun: string
  methods: Methods
  fields: Field[]
  columns: TableColumnsType<Row>
  defaults: () => Record<string, unknown>
}

const pct = (v: unknown) => (v === null || v === undefined ? '—' : `${v}%`)

const SECTIONS: SectionDef[] = [
  {
    title: '应急预案',
    noun: '预案',
    methods: api.risks.emergencyPlans as unknown as Methods,
    fields: [
      { name: 'scenario', label: '可能发生的情形', kind: 'area', required: true },
      { name: 'response', label: '处置措施', kind: 'area', required: true },
      { name: 'personInCharge', label: '责任人', kind: 'text', required: true },
      { name: 'contact', label: '联系方式', kind: 'text' }
    ],
    columns: [
      { title: '可能发生的情形', dataIndex: 'scenario' },
      { title: '处置措施', dataIndex: 'response' },
      { title: '责任人', dataIndex: 'personInCharge', width: 90 },
      { title: '联系方式', dataIndex: 'contact', width: 120 }
    ],
    defaults: () => ({ scenario: '', response: '', personInCharge: '', contact: '' })
  },
  {
    title: '走访谈话记录',
    noun: '记录',
    methods: api.risks.workRecords as unknown as Methods,
    fields: [
      { name: 'kind', label: '类型', kind: 'select', options: WORK_KINDS, required: true },
      { name: 'doneOn', label: '日期', kind: 'date', required: true },
      { name: 'doneBy', label: '工作人员', kind: 'text', required: true },
      { name: 'withWhom', label: '对象', kind: 'text' },
      { name: 'households', label: '走访户数', kind: 'count' },
      { name: 'people', label: '谈话人次', kind: 'count' },
      { name: 'notes', label: '情况记录', kind: 'area' }
    ],
    columns: [
      { title: '日期', dataIndex: 'doneOn', width: 100 },
      { title: '类型', dataIndex: 'kind', width: 60 },
      { title: '工作人员', dataIndex: 'doneBy', width: 90 },
      { title: '对象', dataIndex: 'withWhom', width: 120 },
      { title: '户数', dataIndex: 'households', width: 60, align: 'right' },
      { title: '人次', dataIndex: 'people', width: 60, align: 'right' },
      { title: '情况记录', dataIndex: 'notes' }
    ],
    defaults: () => ({ kind: '走访', doneOn: dayjs(), households: 0, people: 0 })
  },
  {
    title: '选情评估表',
    noun: '评估',
    methods: api.risks.assessments as unknown as Methods,
    fields: [
      { name: 'assessedOn', label: '评估日期', kind: 'date', required: true },
      { name: 'candidate', label: '拟推人选', kind: 'text', required: true },
      { name: 'post', label: '拟任职务', kind: 'text' },
      { name: 'partySupport', label: '党内支持率(%)', kind: 'percent' },
      { name: 'publicSupport', label: '党外支持率(%)', kind: 'percent' },
      { name: 'assessedBy', label: '评估人', kind: 'text' },
      { name: 'note', label: '说明', kind: 'area' }
    ],
    columns: [
      { title: '评估日期', dataIndex: 'assessedOn', width: 100 },
      { title: '拟推人选', dataIndex: 'candidate', width: 90 },
      { title: '拟任职务', dataIndex: 'post', width: 90 },
      { title: '党内支持率', dataIndex: 'partySupport', width: 100, render: pct },
      { title: '党外支持率', dataIndex: 'publicSupport', width: 100, render: pct },
      { title: '评估人', dataIndex: 'assessedBy', width: 80 },
      { title: '说明', dataIndex: 'note' }
    ],
    defaults: () => ({ assessedOn: dayjs(), partySupport: null, publicSupport: null })
  }
]

/** The plain records of a village's file: 应急预案, 走访谈话记录 (走访户数/谈话人次), 选情评估 history. */
export function RecordSections({ villageId, onChanged }: { villageId: number; onChanged: () => void }) {
  return (
    <>
      {SECTIONS.map((s) => (
        <RecordSection key={s.title} def={s} villageId={villageId} onChanged={onChanged} />
      ))}
    </>
  )
}

function RecordSection({ def, villageId, onChanged }: { def: SectionDef; villageId: number; onChanged: () => void }) {
  const { message, modal } = App.useApp()
  const rows = useResource(() => unwrap(def.methods.list({ villageId })), [villageId])
  const [editing, setEditing] = useState<Row | 'new' | null>(null)
  const changed = () => {
    rows.reload()
    onChanged()
  }
  const actions: TableColumnsType<Row>[number] = {
    title: '',
    key: 'actions',
    width: 90,
    render: (_, r) => (
      <Space size={0}>
        <Button type="text" size="small" icon={<EditOutlined />} aria-label={`修改${def.noun}`} onClick={() => setEditing(r)} />
        <Button
          type="text"
          danger
          size="small"
          icon={<DeleteOutlined />}
          aria-label={`删除${def.noun}`}
          onClick={() =>
            modal.confirm({
              title: `删除这条${def.noun}？`,
              content: '删除会记入操作记录。',
              okText: '删除',
              okButtonProps: { danger: true },
              cancelText: '取消',
              onOk: async () => {
                const r2 = await def.methods.remove({ id: r.id })
                if (r2.ok) changed()
                else message.error(r2.error.message)
              }
            })
          }
        />
      </Space>
    )
  }
  return (
    <Card
      size="small"
      title={def.title}
      style={{ marginBottom: 16 }}
      extra={
        <Button size="small" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          新增{def.noun}
        </Button>
      }
    >
      <LoadState loading={rows.loading && !rows.data} error={rows.error} onRetry={rows.reload}>
        <Table rowKey="id" size="small" pagination={{ pageSize: 10, hideOnSinglePage: true }} dataSource={rows.data ?? []} columns={[...def.columns, actions]} locale={{ emptyText: `还没有${def.title}` }} />
      </LoadState>
      <RecordForm def={def} villageId={villageId} row={editing} onClose={() => setEditing(null)} onSaved={() => { setEditing(null); changed() }} />
    </Card>
  )
}

/** Numbers are refused outside their range, with the range said, never clamped by the input. */
const RANGES: Partial<Record<Field['kind'], Rule>> = { count: inRange(0), percent: inRange(0, 100, '%') }

function RecordForm({ def, villageId, row, onClose, onSaved }: { def: SectionDef; villageId: number; row: Row | 'new' | null; onClose: () => void; onSaved: () => void }) {
  const [form] = Form.useForm<Record<string, unknown>>()
  const [problem, setProblem] = useState<string | null>(null)
  const dates = def.fields.filter((f) => f.kind === 'date').map((f) => f.name)
  const input = (f: Field): ReactNode => {
    switch (f.kind) {
      case 'area':
        return <Input.TextArea rows={2} maxLength={2000} />
      case 'date':
        return <DatePicker {...dateProps} aria-label={f.label} />
      case 'count':
        return <InputNumber precision={0} style={{ width: '100%' }} />
      case 'percent':
        return <InputNumber style={{ width: '100%' }} />
      case 'select':
        return <Select options={(f.options ?? []).map((o) => ({ value: o, label: o }))} aria-label={f.label} />
      default:
        return <Input maxLength={200} />
    }
  }
  useOnOpen(row !== null, () => {
    if (row === null) return
    setProblem(null)
    form.resetFields()
    form.setFieldsValue(row === 'new' ? def.defaults() : { ...row, ...Object.fromEntries(dates.map((d) => [d, fromIso(row[d] as string)])) })
  })
  return (
    <FormModal open={row !== null} title={`${row === 'new' ? '新增' : '修改'}${def.title.replace(/表$/, '')}`} form={form} problem={problem} onClose={onClose}>
      <Form
        form={form}
        layout="vertical"
        aria-label={def.title}
        onFinish={async (v) => {
          const data: Record<string, unknown> = { ...v, villageId, ...Object.fromEntries(dates.map((d) => [d, toIso(v[d] as never)])) }
          for (const f of def.fields) if (data[f.name] === undefined) data[f.name] = f.kind === 'percent' ? null : f.kind === 'count' ? 0 : ''
          try {
            if (row === 'new') await unwrap(def.methods.create(data as never))
            else await unwrap(def.methods.update({ id: (row as Row).id, data: data as never }))
            onSaved()
          } catch (e) {
            setProblem(showFormErrors(form, e, 'data.'))
          }
        }}
      >
        {def.fields.map((f) => (
          <Form.Item key={f.name} name={f.name} label={f.label} rules={[...(f.required ? [{ required: true, message: `请填写${f.label}` }] : []), ...(RANGES[f.kind] ? [RANGES[f.kind]!] : [])]}>
            {input(f)}
          </Form.Item>
        ))}
        <button type="submit" hidden aria-hidden />
      </Form>
    </FormModal>
  )
}
