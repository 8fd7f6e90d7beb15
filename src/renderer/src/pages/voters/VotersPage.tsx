import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons'
import { App, Button, Empty, Input, Select, Space, Statistic, Table, Tabs, Tag, Tooltip, type TableColumnsType } from 'antd'
import { useState } from 'react'
import { maskIdNumber } from '../../../../shared/person'
import { CATEGORY_NUMBERS, categoryLabel, VOTER_CATEGORIES, type VoterCounts, type VoterRow } from '../../../../shared/voter'
import { api, unwrap } from '../../api/client'
import { useResource } from '../../api/useResource'
import { LoadState } from '../../components/LoadState'
import { VillageSelect } from '../../components/VillageSelect'
import { ProxiesPanel } from './ProxiesPanel'
import { PublicationPanel } from './PublicationPanel'
import { VoterForm } from './VoterForm'
import { askRemoval } from './askRemoval'

export function VotersPage() {
  const [villageId, setVillageId] = useState<number | null>(null)
  const [tick, setTick] = useState(0)
  const counts = useResource(() => unwrap(api.voters.counts({ villageId })), [villageId, tick])
  return (
    <div className="page">
      <div className="page-header">
        <h2>选民登记</h2>
        <VillageSelect value={villageId} onChange={setVillageId} allowAll />
      </div>
      <LoadState loading={counts.loading && !counts.data} error={counts.error} onRetry={counts.reload}>
        {counts.data && <CountsBar c={counts.data.total} />}
      </LoadState>
      {villageId === null ? (
        <TownshipCounts rows={counts.data?.villages ?? []} onPick={setVillageId} />
      ) : (
        <Tabs
          items={[
            { key: 'list', label: '选民名单', children: <VoterList villageId={villageId} onChanged={() => setTick((t) => t + 1)} /> },
            { key: 'notice', label: '公布与申诉', children: <PublicationPanel villageId={villageId} /> },
            { key: 'proxies', label: '委托投票', children: <ProxiesPanel villageId={villageId} /> },
            { key: 'groups', label: '分组统计', children: <GroupCounts rows={counts.data?.groups ?? []} /> }
          ]}
        />
      )}
    </div>
  )
}

function CountsBar({ c }: { c: VoterCounts }) {
  return (
    <Space size={40} wrap style={{ marginBottom: 16 }} aria-label="选民统计">
      <Statistic title="选民数" value={c.eligible} suffix="人" />
      <Statistic title="其中女性" value={c.women} />
      <Statistic title="少数民族" value={c.minority} />
      {CATEGORY_NUMBERS.map((n) => (
        <Tooltip key={n} title={VOTER_CATEGORIES[n].full}>
          <div>
            <Statistic title={categoryLabel(n)} value={c.byCategory[n - 1]} />
          </div>
        </Tooltip>
      ))}
      <Statistic title="被剥夺政治权利" value={c.deprived} />
      <Statistic title="选举日未满龄" value={c.notOfAge} />
    </Space>
  )
}

const countColumns: TableColumnsType<VoterCounts> = [
  { title: '选民数', dataIndex: 'eligible', align: 'right' },
  { title: '女性', dataIndex: 'women', align: 'right' },
  { title: '少数民族', dataIndex: 'minority', align: 'right' },
  ...CATEGORY_NUMBERS.map((n) => ({ title: `${['一', '二', '三'][n - 1]}类`, key: `c${n}`, align: 'right' as const, render: (_: unknown, r: VoterCounts) => r.byCategory[n - 1] })),
  { title: '被剥夺政治权利', dataIndex: 'deprived', align: 'right' },
  { title: '在册合计', dataIndex: 'registered', align: 'right' }
]

function TownshipCounts({ rows, onPick }: { rows: VoterCounts[]; onPick: (id: number) => void }) {
  return (
    <Table<VoterCounts>
      rowKey={(r) => String(r.villageId)}
      size="small"
      dataSource={rows}
      pagination={false}
      locale={{ emptyText: <Empty description="还没有村社" /> }}
      columns={[
        { title: '村社', dataIndex: 'villageName', render: (n: string, r) => <a onClick={() => onPick(r.villageId!)}>{n}</a> },
        { title: '选举日', dataIndex: 'electionDate', render: (d: string | null) => d ?? <Tag color="orange">未定</Tag> },
        ...countColumns
      ]}
    />
  )
}

function GroupCounts({ rows }: { rows: VoterCounts[] }) {
  return (
    <Table<VoterCounts>
      rowKey={(r) => r.groupName ?? ''}
      size="small"
      dataSource={rows}
      pagination={false}
      locale={{ emptyText: '还没有选民' }}
      columns={[{ title: '村民小组', dataIndex: 'groupName', render: (g: string) => g || '（未分组）' }, ...countColumns]}
    />
  )
}

function VoterList({ villageId, onChanged }: { villageId: number; onChanged: () => void }) {
  const { message } = App.useApp()
  const app = App.useApp()
  const [search, setSearch] = useState('')
  const [status, setStatus] = useState<'在册' | '已除名'>('在册')
  const [page, setPage] = useState(1)
  const [pageSize, setPageSize] = useState(50)
  const [editing, setEditing] = useState<VoterRow | null>(null)
  const [formOpen, setFormOpen] = useState(false)
  const list = useResource(() => unwrap(api.voters.list({ villageId, search, status, page, pageSize })), [villageId, search, status, page, pageSize])

  const changed = () => {
    list.reload()
    onChanged()
  }
  const columns: TableColumnsType<VoterRow> = [
    { title: '村民小组', dataIndex: 'groupName', width: 90 },
    { title: '姓名', dataIndex: 'name', width: 90 },
    { title: '性别', dataIndex: 'sex', width: 60 },
    { title: '选举日年龄', dataIndex: 'ageOnElectionDay', width: 96, align: 'right' },
    { title: '民族', dataIndex: 'ethnicity', width: 70 },
    { title: '身份证号', dataIndex: 'idNumber', width: 190, render: (id: string) => maskIdNumber(id) },
    { title: '登记类别', dataIndex: 'category', width: 190, render: (n: 1 | 2 | 3) => <Tooltip title={VOTER_CATEGORIES[n].full}>{categoryLabel(n)}</Tooltip> },
    { title: '住址', dataIndex: 'address', ellipsis: true },
    {
      title: '资格',
      key: 'eligible',
      width: 110,
      render: (_, v) =>
        v.status === '已除名' ? (
          <Tooltip title={v.removedReason}>
            <Tag>已除名</Tag>
          </Tooltip>
        ) : v.eligible ? (
          <Tag color="green">有选举权</Tag>
        ) : (
          <Tooltip title={v.ineligibleReason}>
            <Tag color="red">{v.deprived ? '被剥夺政治权利' : '不符合'}</Tag>
          </Tooltip>
        )
    },
    {
      title: '操作',
      key: 'actions',
      width: 150,
      render: (_, v) =>
        v.status === '在册' && (
          <Space size={0}>
            <Button type="link" icon={<EditOutlined />} aria-label={`修改${v.name}`} onClick={() => (setEditing(v), setFormOpen(true))}>
              修改
            </Button>
            <Button type="link" danger icon={<DeleteOutlined />} aria-label={`除名${v.name}`} onClick={() => askRemoval(app, v, changed)}>
              除名
            </Button>
          </Space>
        )
    }
  ]
  return (
    <>
      <div className="toolbar">
        <Input.Search
          allowClear
          placeholder="按姓名、拼音首字母或身份证号查找"
          style={{ width: 320 }}
          aria-label="查找选民"
          onSearch={(v) => (setSearch(v.trim()), setPage(1))}
        />
        <Select value={status} onChange={(s) => (setStatus(s), setPage(1))} options={[{ value: '在册' }, { value: '已除名' }]} aria-label="状态" style={{ width: 100 }} />
        <Button type="primary" icon={<PlusOutlined />} onClick={() => (setEditing(null), setFormOpen(true))}>
          登记选民
        </Button>
      </div>
      <LoadState loading={list.loading && !list.data} error={list.error} onRetry={list.reload}>
        <Table<VoterRow>
          rowKey="id"
          size="small"
          loading={list.loading && !!list.data}
          columns={columns}
          dataSource={list.data?.rows ?? []}
          scroll={{ x: 1200 }}
          pagination={{
            current: page,
            pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            // A dense search counts only its first matches (voters.list's `capped`): say so, and how to find fewer.
            showTotal: (t) => (list.data?.capped ? `超过 ${t} 人，只列出前 ${t} 人；请输入更多字缩小查找范围` : `共 ${t} 人`),
            onChange: (p, s) => (setPage(p), setPageSize(s))
          }}
          locale={{ emptyText: <Empty description={search ? '没有找到符合条件的选民' : '还没有选民。点击“登记选民”，或在导入导出中导入选民名册。'} /> }}
        />
      </LoadState>
      <VoterForm
        open={formOpen}
        villageId={villageId}
        voter={editing}
        onClose={() => setFormOpen(false)}
        onOpenVoter={(id) => void unwrap(api.voters.get({ id })).then(setEditing, (e: Error) => message.error(e.message))}
        onSaved={(v) => {
          setFormOpen(false)
          message.success(`已保存选民“${v.name}”`)
          changed()
        }}
      />
    </>
  )
}
