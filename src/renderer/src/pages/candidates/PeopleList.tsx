import { PlusOutlined } from '@ant-design/icons'
import { Button, Empty, Input, Select, Table, Tag } from 'antd'
import { useState } from 'react'
import { api, unwrap } from '../../api/client'
import { useResource } from '../../api/useResource'
import { LoadState } from '../../components/LoadState'
import { personLink } from './CandidatePool'
import { PersonForm } from './PersonForm'

/** Everyone registered, candidates or not; ID numbers masked, findings only counted. */
export function PeopleList() {
  const [search, setSearch] = useState('')
  const [tag, setTag] = useState<string | null>(null)
  const [formOpen, setFormOpen] = useState(false)
  const tags = useResource(() => unwrap(api.persons.tags()), [])
  const villages = useResource(() => unwrap(api.villages.list({})), [])
  const list = useResource(() => unwrap(api.persons.list({ search, tag })), [search, tag])
  const villageName = new Map((villages.data ?? []).map((v) => [v.id, v.name]))
  return (
    <>
      <div className="toolbar">
        <Input.Search allowClear placeholder="姓名、拼音首字母或身份证号" style={{ width: 260 }} onChange={(e) => setSearch(e.target.value.trim())} aria-label="查找人员" />
        <Select allowClear placeholder="全部标签" style={{ width: 140 }} value={tag} onChange={(v) => setTag(v ?? null)} options={(tags.data ?? []).map((t) => ({ value: t, label: t }))} aria-label="按标签筛选人员" />
        <span style={{ color: '#888' }}>{list.data ? `共 ${list.data.length} 人` : ''}</span>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setFormOpen(true)} style={{ marginLeft: 'auto' }}>
          新增人员
        </Button>
      </div>
      <LoadState loading={list.loading && !list.data} error={list.error} onRetry={list.reload}>
        <Table
          rowKey="id"
          size="middle"
          dataSource={list.data ?? []}
          pagination={{ defaultPageSize: 50, hideOnSinglePage: true }}
          locale={{ emptyText: <Empty description={search || tag ? '没有符合条件的人员' : '还没有人员。点击“新增人员”登记。'} /> }}
          columns={[
            { title: '姓名', dataIndex: 'name', width: 100, render: (n: string, p) => <a href={personLink(p.id)}>{n}</a> },
            { title: '身份证号', dataIndex: 'idNumber', width: 180 },
            { title: '性别', dataIndex: 'sex', width: 60 },
            { title: '出生日期', dataIndex: 'birthDate', width: 110 },
            { title: '所在村社', dataIndex: 'villageId', width: 110, render: (id: number | null) => (id ? villageName.get(id) : '') },
            { title: '标签', dataIndex: 'tags', render: (ts: string[]) => ts.map((t) => <Tag key={t}>{t}</Tag>) },
            { title: '负面清单', dataIndex: 'findings', width: 100, render: (n: number) => (n > 0 ? <Tag color="red">有（详见个人页）</Tag> : '—') }
          ]}
        />
      </LoadState>
      <PersonForm
        open={formOpen}
        record={null}
        onClose={() => setFormOpen(false)}
        onSaved={(id) => {
          setFormOpen(false)
          window.location.hash = personLink(id)
        }}
      />
    </>
  )
}
