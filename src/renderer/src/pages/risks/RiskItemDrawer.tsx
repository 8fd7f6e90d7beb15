import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons'
import { App, Button, DatePicker, Descriptions, Drawer, Form, Input, Radio, Select, Space, Table, Tag, Timeline } from 'antd'
import { FormModal } from '../../components/FormModal'
import dayjs, { type Dayjs } from 'dayjs'
import { useState } from 'react'
import { useOnOpen } from '../../lib/useOnOpen'
import type { RiskItemDetail } from '../../../../shared/risk'
import { TALK_KINDS, type RiskStatus } from '../../../../shared/risk-rules'
import { unwrap } from '../../api/client'
import { useResource } from '../../api/useResource'
import { LoadState } from '../../components/LoadState'
import { showFormErrors } from '../../components/formErrors'
import { dateProps, toIso } from '../../lib/dates'
import { KeyPersonPicker } from './KeyPersonPicker'
import { RiskItemForm } from './RiskItemForm'
import { STATUS_COLORS } from './VillageFile'
import { LEDGER_WORDS, ledgerApi, type Ledger } from './ledger'

type Action = { to: RiskStatus; title: string }

/** One risk item: its plan, people, talks and the whole status history; 销号 and reopening from here. */
export function RiskItemDrawer({ id, ledger = 'risks', onClose, onChanged }: { id: number | null; ledger?: Ledger; onClose: () => void; onChanged: () => void }) {
  const { message, modal } = App.useApp()
  const items = ledgerApi(ledger)
  const detail = useResource(() => (id ? unwrap(items.get({ id })) : Promise.resolve(null)), [id])
  const [action, setAction] = useState<Action | null>(null)
  const [editing, setEditing] = useState(false)
  const [picker, setPicker] = useState(false)
  const [talkOpen, setTalkOpen] = useState(false)
  const d = detail.data
  const changed = () => {
    detail.reload()
    onChanged()
  }

  const removePerson = (linkId: number, name: string) =>
    modal.confirm({
      title: `将“${name}”移出重点人员？`,
      content: '人员本身仍保留在人员库中，已有的谈话记录也会保留。',
      okText: '移出',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: async () => {
        const r = await items.removeKeyPerson({ id: linkId })
        if (r.ok) changed()
        else message.error(r.error.message)
      }
    })

  return (
    <Drawer open={id !== null} onClose={onClose} size={760} title={d ? `${d.villageName}·${d.type}` : LEDGER_WORDS[ledger].noun} destroyOnHidden>
      <LoadState loading={detail.loading && !d} error={detail.error} onRetry={detail.reload}>
        {d && (
          <>
            <Space style={{ marginBottom: 12 }} wrap>
              <Tag color={STATUS_COLORS[d.status]} style={{ fontSize: 14 }} data-testid="item-status">
                {d.status}
              </Tag>
              {d.overdue && <Tag color="red">已逾期（时限 {d.deadline}）</Tag>}
              {d.status === '未化解' && <Button onClick={() => setAction({ to: '化解中', title: '开始化解' })}>开始化解</Button>}
              {d.status !== '已化解' && (
                <Button type="primary" onClick={() => setAction({ to: '已化解', title: '销号' })}>
                  销号
                </Button>
              )}
              {d.status === '已化解' && <Button onClick={() => setAction({ to: '化解中', title: '重新打开' })}>重新打开</Button>}
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
                修改
              </Button>
            </Space>
            <Descriptions size="small" column={2} bordered style={{ marginBottom: 16 }}>
              <Descriptions.Item label={LEDGER_WORDS[ledger].description} span={2}>{d.description}</Descriptions.Item>
              <Descriptions.Item label="一村一策措施" span={2}>
                <span style={{ whiteSpace: 'pre-wrap' }}>{d.measures || '—'}</span>
              </Descriptions.Item>
              <Descriptions.Item label="来源">{d.source || '—'}</Descriptions.Item>
              <Descriptions.Item label="发现日期">{d.foundOn}</Descriptions.Item>
              <Descriptions.Item label="责任领导">{d.responsibleLeader || '—'}</Descriptions.Item>
              <Descriptions.Item label="责任干部">{d.responsibleCadre || '—'}</Descriptions.Item>
              <Descriptions.Item label="化解时限">{d.deadline ?? '—'}</Descriptions.Item>
              {d.status === '已化解' && <Descriptions.Item label="销号">{`${d.closedOn}（${d.closedBy}）：${d.closedEvidence}`}</Descriptions.Item>}
            </Descriptions>
            <KeyPersons detail={d} onAdd={() => setPicker(true)} onTalk={() => setTalkOpen(true)} onRemove={removePerson} />
            <h4>谈话记录</h4>
            <Table
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={d.talks}
              locale={{ emptyText: '还没有谈话记录' }}
              style={{ marginBottom: 16 }}
              columns={[
                { title: '日期', dataIndex: 'talkedOn', width: 100 },
                { title: '对象', dataIndex: 'personName', width: 80 },
                { title: '类型', dataIndex: 'kind', width: 90 },
                { title: '谈话人', dataIndex: 'talkedBy', width: 80 },
                { title: '内容摘要', dataIndex: 'summary' },
                {
                  title: '',
                  key: 'x',
                  width: 40,
                  render: (_, t) => (
                    <Button
                      type="text"
                      danger
                      size="small"
                      icon={<DeleteOutlined />}
                      aria-label="删除谈话记录"
                      onClick={() =>
                        modal.confirm({
                          title: '删除这条谈话记录？',
                          okText: '删除',
                          okButtonProps: { danger: true },
                          cancelText: '取消',
                          onOk: async () => {
                            const r = await items.removeTalk({ id: t.id })
                            if (r.ok) changed()
                            else message.error(r.error.message)
                          }
                        })
                      }
                    />
                  )
                }
              ]}
            />
            <h4>状态记录</h4>
            <Timeline
              items={d.events.map((e) => ({
                color: STATUS_COLORS[e.toStatus],
                content: `${e.on} ${e.fromStatus ? `${e.fromStatus} → ` : ''}${e.toStatus}${e.evidence ? `，依据：${e.evidence}` : ''}${e.by ? `，销号人：${e.by}` : ''}${e.note ? `（${e.note}）` : ''} — ${e.actor}`
              }))}
            />
            <StatusModal ledger={ledger} item={d} action={action} onClose={() => setAction(null)} onSaved={() => { setAction(null); changed() }} />
            <RiskItemForm ledger={ledger} open={editing} villageId={d.villageId} item={d} onClose={() => setEditing(false)} onSaved={() => { setEditing(false); changed() }} />
            <KeyPersonPicker ledger={ledger} open={picker} item={d} onClose={() => setPicker(false)} onSaved={() => { setPicker(false); changed() }} />
            <TalkModal ledger={ledger} open={talkOpen} item={d} onClose={() => setTalkOpen(false)} onSaved={() => { setTalkOpen(false); changed() }} />
          </>
        )}
      </LoadState>
    </Drawer>
  )
}

function KeyPersons({ detail, onAdd, onTalk, onRemove }: { detail: RiskItemDetail; onAdd: () => void; onTalk: () => void; onRemove: (linkId: number, name: string) => void }) {
  return (
    <>
      <Space style={{ marginBottom: 8 }}>
        <h4 style={{ margin: 0 }}>重点人员</h4>
        <Button size="small" icon={<PlusOutlined />} onClick={onAdd}>
          添加重点人员
        </Button>
        <Button size="small" onClick={onTalk} disabled={detail.keyPersons.length === 0}>
          记录谈话
        </Button>
      </Space>
      <Table
        rowKey="linkId"
        size="small"
        pagination={false}
        dataSource={detail.keyPersons}
        locale={{ emptyText: '还没有重点人员' }}
        style={{ marginBottom: 16 }}
        columns={[
          { title: '姓名', dataIndex: 'name', width: 90 },
          { title: '身份/关系', dataIndex: 'role' },
          { title: '联系电话', dataIndex: 'phone', width: 120 },
          { title: '最近谈话', dataIndex: 'lastTalkOn', width: 110, render: (v: string | null) => v ?? <Tag color="orange">尚未谈话</Tag> },
          {
            title: '',
            key: 'x',
            width: 60,
            render: (_, k) => (
              <Button type="link" danger size="small" onClick={() => onRemove(k.linkId, k.name)}>
                移出
              </Button>
            )
          }
        ]}
      />
    </>
  )
}

function StatusModal({ ledger, item, action, onClose, onSaved }: { ledger: Ledger; item: RiskItemDetail; action: Action | null; onClose: () => void; onSaved: () => void }) {
  const [form] = Form.useForm<{ on: Dayjs; evidence: string; by: string; note: string }>()
  const [problem, setProblem] = useState<string | null>(null)
  const closing = action?.to === '已化解'
  const reopening = item.status === '已化解'
  useOnOpen(action !== null, () => {
    setProblem(null)
    form.setFieldsValue({ on: dayjs(), evidence: '', by: item.responsibleCadre, note: '' })
  })
  return (
    <FormModal open={action !== null} title={action ? `${action.title}：${item.villageName}·${item.type}` : ''} form={form} okText="确定" problem={problem} onClose={onClose}>
      <Form
        form={form}
        layout="vertical"
        aria-label={action?.title}
        onFinish={async (v) => {
          try {
            await unwrap(ledgerApi(ledger).changeStatus({ id: item.id, to: action!.to, on: toIso(v.on) ?? '', evidence: v.evidence ?? '', by: v.by ?? '', note: v.note ?? '' }))
            onSaved()
          } catch (e) {
            setProblem(showFormErrors(form, e))
          }
        }}
      >
        <Form.Item name="on" label={closing ? '销号日期' : '日期'} rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker {...dateProps} aria-label={closing ? '销号日期' : '日期'} />
        </Form.Item>
        {closing && (
          <>
            <Form.Item name="evidence" label="化解依据" rules={[{ required: true, whitespace: true, message: '销号须填写化解依据' }]}>
              <Input.TextArea rows={3} maxLength={2000} placeholder="如：双方签订调解协议，存档编号…" />
            </Form.Item>
            <Form.Item name="by" label="销号人" rules={[{ required: true, whitespace: true, message: '销号须填写销号人' }]}>
              <Input maxLength={50} />
            </Form.Item>
          </>
        )}
        <Form.Item name="note" label={reopening ? '重新打开的原因' : '说明'} rules={reopening ? [{ required: true, whitespace: true, message: '请说明重新打开的原因' }] : []}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
        <button type="submit" hidden aria-hidden />
      </Form>
    </FormModal>
  )
}

function TalkModal({ ledger, open, item, onClose, onSaved }: { ledger: Ledger; open: boolean; item: RiskItemDetail; onClose: () => void; onSaved: () => void }) {
  const [form] = Form.useForm<{ personId: number; kind: string; talkedOn: Dayjs; talkedBy: string; summary: string }>()
  const [problem, setProblem] = useState<string | null>(null)
  useOnOpen(open, () => {
    setProblem(null)
    form.setFieldsValue({ personId: item.keyPersons[0]?.personId, kind: '谈心谈话', talkedOn: dayjs(), talkedBy: item.responsibleLeader, summary: '' })
  })
  return (
    <FormModal open={open} title="记录谈话" form={form} problem={problem} onClose={onClose}>
      <Form
        form={form}
        layout="vertical"
        aria-label="谈话记录"
        onFinish={async (v) => {
          try {
            await unwrap(ledgerApi(ledger).addTalk({ ...v, riskItemId: item.id, kind: v.kind as (typeof TALK_KINDS)[number], talkedOn: toIso(v.talkedOn) ?? '' }))
            onSaved()
          } catch (e) {
            setProblem(showFormErrors(form, e))
          }
        }}
      >
        <Form.Item name="personId" label="谈话对象" rules={[{ required: true, message: '请选择谈话对象' }]}>
          <Select aria-label="谈话对象" options={item.keyPersons.map((k) => ({ value: k.personId, label: k.name }))} />
        </Form.Item>
        <Form.Item name="kind" label="类型">
          <Radio.Group options={TALK_KINDS.map((k) => ({ value: k, label: k }))} />
        </Form.Item>
        <Form.Item name="talkedOn" label="谈话日期" rules={[{ required: true, message: '请选择谈话日期' }]}>
          <DatePicker {...dateProps} aria-label="谈话日期" />
        </Form.Item>
        <Form.Item name="talkedBy" label="谈话人" rules={[{ required: true, whitespace: true, message: '请填写谈话人' }]}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="summary" label="内容摘要" rules={[{ required: true, whitespace: true, message: '请填写内容摘要' }]}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <button type="submit" hidden aria-hidden />
      </Form>
    </FormModal>
  )
}
