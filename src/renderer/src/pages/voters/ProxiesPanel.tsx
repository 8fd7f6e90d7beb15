import { App, Button, Checkbox, DatePicker, Form, Popconfirm, Select, Table, Tag } from 'antd'
import type { Dayjs } from 'dayjs'
import { useState } from 'react'
import { NEAR_RELATIVE_KINDS, type Proxy } from '../../../../shared/voter'
import { api, unwrap } from '../../api/client'
import { useResource } from '../../api/useResource'
import { LoadState } from '../../components/LoadState'
import { useUnsavedEdits } from '../../lib/unsavedEdits'

/** Finds a voter of the village as the clerk types a name, initials or ID digits. */
function VoterPicker({ villageId, label, value, onChange }: { villageId: number; label: string; value?: number; onChange?: (id: number) => void }) {
  const [search, setSearch] = useState('')
  const found = useResource(() => unwrap(api.voters.list({ villageId, search, pageSize: 20 })), [villageId, search])
  return (
    <Select<number>
      showSearch={{ filterOption: false, onSearch: setSearch }}
      aria-label={label}
      placeholder={label}
      style={{ width: 200 }}
      value={value}
      onChange={onChange}
      loading={found.loading}
      notFoundContent="没有找到"
      options={(found.data?.rows ?? []).filter((v) => v.eligible).map((v) => ({ value: v.id, label: `${v.name}（${v.groupName || '未分组'}）` }))}
    />
  )
}

export function ProxiesPanel({ villageId }: { villageId: number }) {
  const { message } = App.useApp()
  const [form] = Form.useForm()
  useUnsavedEdits(form)
  const rules = useResource(() => unwrap(api.elections.rules()), [])
  const proxies = useResource(() => unwrap(api.voters.proxies({ villageId })), [villageId])
  const add = async (v: { principalId: number; holderId: number; relation: string; written: boolean; signedOn?: Dayjs }) => {
    try {
      await unwrap(api.voters.addProxy({ ...v, written: !!v.written, signedOn: v.signedOn ? v.signedOn.format('YYYY-MM-DD') : null }))
      form.resetFields()
      proxies.reload()
      message.success('已登记委托投票')
    } catch (e) {
      message.error((e as Error).message)
    }
  }
  return (
    <>
      <Form form={form} layout="inline" onFinish={add} style={{ marginBottom: 12, rowGap: 8 }} aria-label="登记委托投票">
        <Form.Item name="principalId" rules={[{ required: true, message: '请选择委托人' }]}>
          <VoterPicker villageId={villageId} label="委托人" />
        </Form.Item>
        <Form.Item name="holderId" rules={[{ required: true, message: '请选择受托人' }]}>
          <VoterPicker villageId={villageId} label="受托人" />
        </Form.Item>
        <Form.Item name="relation" rules={[{ required: true, message: '请选择关系' }]}>
          <Select placeholder="关系（近亲属）" aria-label="关系" style={{ width: 130 }} options={NEAR_RELATIVE_KINDS.map((k) => ({ value: k, label: k }))} />
        </Form.Item>
        <Form.Item name="signedOn">
          <DatePicker placeholder="委托书日期" aria-label="委托书日期" />
        </Form.Item>
        <Form.Item name="written" valuePropName="checked">
          <Checkbox>有书面委托书</Checkbox>
        </Form.Item>
        <Button htmlType="submit" type="primary">
          登记委托
        </Button>
      </Form>
      <p style={{ color: '#888' }}>每名受托人接受委托不得超过 {rules.data?.proxyLimit ?? '—'} 人（可在“设置”中修改）。</p>
      <LoadState loading={proxies.loading && !proxies.data} error={proxies.error} onRetry={proxies.reload}>
        <Table<Proxy>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={proxies.data ?? []}
          locale={{ emptyText: '没有委托投票' }}
          columns={[
            { title: '受托人', dataIndex: 'holderName' },
            {
              title: '已受托',
              dataIndex: 'holderCount',
              render: (n: number) => <Tag color={n >= (rules.data?.proxyLimit ?? 3) ? 'orange' : 'default'}>{n} 人</Tag>
            },
            { title: '委托人', dataIndex: 'principalName' },
            { title: '关系', dataIndex: 'relation' },
            { title: '委托书日期', dataIndex: 'signedOn' },
            {
              title: '操作',
              key: 'a',
              render: (_, p) => (
                <Popconfirm
                  title={`撤销${p.principalName}对${p.holderName}的委托？`}
                  okText="撤销"
                  cancelText="取消"
                  onConfirm={async () => {
                    await unwrap(api.voters.removeProxy({ id: p.id }))
                    proxies.reload()
                  }}
                >
                  <Button type="link" danger>
                    撤销
                  </Button>
                </Popconfirm>
              )
            }
          ]}
        />
      </LoadState>
    </>
  )
}
