import { PlusOutlined } from '@ant-design/icons'
import { Alert, Button, Empty, Input, Select, Space, Table, Tag, type TableColumnsType } from 'antd'
import { useState } from 'react'
import { POST_FILTER_LABELS, POST_FILTERS, sourceText, SOURCE_UNKNOWN, STAGES, type PostFilter, type Stage } from '../../../../shared/candidate'
import { hasSeat, seatsText } from '../../../../shared/seats'
import type { CandidateStatus } from '../../../../shared/vetting-rules'
import { api, unwrap } from '../../api/client'
import { useResource } from '../../api/useResource'
import { LoadState } from '../../components/LoadState'
import { BatchActions } from './BatchActions'
import { ProposeForm } from './ProposeForm'
import { filterByLabel, StatusTag, whereNow, type CandidateView } from './vetting-ui'

const STATUSES: CandidateStatus[] = ['进行中', '已停止', '正式候选人', '当选', '落选']

export const personLink = (personId: number) => `#/candidates/person/${personId}`

/** The pool, township-wide or for one village; with one village chosen, its rule checks sit above the list. */
export function CandidatePool() {
  const [search, setSearch] = useState('')
  const [villageId, setVillageId] = useState<number | null>(null)
  const [stage, setStage] = useState<Stage | null>(null)
  const [post, setPost] = useState<PostFilter | null>(null)
  const [tag, setTag] = useState<string | null>(null)
  const [status, setStatus] = useState<CandidateStatus | null>(null)
  const [formOpen, setFormOpen] = useState(false)
  const [selectedIds, setSelectedIds] = useState<number[]>([])
  const settings = useResource(() => unwrap(api.vetting.settings()), [])
  const villages = useResource(() => unwrap(api.villages.list({})), [])
  const tags = useResource(() => unwrap(api.persons.tags()), [])
  const list = useResource(
    () => unwrap(api.candidates.list({ search, villageId, stage, post, tag, status })),
    [search, villageId, stage, post, tag, status]
  )
  const checks = useResource(
    () => (villageId ? unwrap(api.candidates.villageChecks({ villageId })) : Promise.resolve(null)),
    [villageId, list.data]
  )
  const rows = list.data ?? []
  const pending = useResource(() => unwrap(api.candidates.list({ post: '职务待补充' })), [list.data])
  const incomplete = pending.data ?? []
  const selected = rows.filter((c) => selectedIds.includes(c.id))
  const filtered = Boolean(search || villageId || stage || post || tag || status)

  const columns: TableColumnsType<CandidateView> = [
    { title: '姓名', dataIndex: 'name', width: 90, fixed: 'left', render: (n: string, c) => <a href={personLink(c.personId)}>{n}</a> },
    { title: '身份证号', dataIndex: 'idNumber', width: 170 },
    { title: '性别', dataIndex: 'sex', width: 60 },
    { title: '年龄', dataIndex: 'age', width: 60, align: 'right' },
    { title: '村社', dataIndex: 'villageName', width: 100 },
    {
      title: '拟任职务',
      key: 'seats',
      width: 220,
      render: (_, c) => (hasSeat(c) ? seatsText(c) : <Tag color="orange">职务待补充</Tag>)
    },
    { title: '状态', key: 'status', width: 100, render: (_, c) => <StatusTag status={c.progress.status} /> },
    { title: '当前环节 / 停止原因', key: 'where', width: 320, render: (_, c) => whereNow(c) },
    { title: '现任/新提名', dataIndex: 'incumbent', width: 100, render: (i: boolean) => (i ? '现任' : '新提名') },
    { title: '来源', dataIndex: 'source', width: 90, render: (s: string) => (s === SOURCE_UNKNOWN ? <Tag color="gold">{sourceText(s)}</Tag> : s) },
    { title: '类别', dataIndex: 'pool', width: 100 },
    {
      title: '标签',
      dataIndex: 'tags',
      width: 160,
      render: (ts: string[]) => ts.map((t) => <Tag key={t}>{t}</Tag>)
    }
  ]

  return (
    <>
      <div className="toolbar">
        <Input.Search
          allowClear
          placeholder="姓名、拼音首字母或身份证号"
          style={{ width: 240 }}
          onChange={(e) => setSearch(e.target.value.trim())}
          aria-label="查找人选"
        />
        <Select
          allowClear
          placeholder="全部村社"
          style={{ width: 150 }}
          value={villageId}
          onChange={(v) => setVillageId(v ?? null)}
          showSearch={{ filterOption: filterByLabel }}
          options={(villages.data ?? []).map((v) => ({ value: v.id, label: v.name }))}
          aria-label="按村社筛选"
        />
        <Select allowClear placeholder="全部环节" style={{ width: 150 }} value={stage} onChange={(v) => setStage(v ?? null)} options={STAGES.map((s) => ({ value: s, label: s }))} aria-label="按环节筛选" />
        <Select allowClear placeholder="全部职务" style={{ width: 170 }} value={post} onChange={(v) => setPost(v ?? null)} options={POST_FILTERS.map((p) => ({ value: p, label: POST_FILTER_LABELS[p] }))} aria-label="按职务筛选" />
        <Select allowClear placeholder="全部标签" style={{ width: 130 }} value={tag} onChange={(v) => setTag(v ?? null)} options={(tags.data ?? []).map((t) => ({ value: t, label: t }))} aria-label="按标签筛选" />
        <Select allowClear placeholder="全部状态" style={{ width: 130 }} value={status} onChange={(v) => setStatus(v ?? null)} options={STATUSES.map((s) => ({ value: s, label: s === '已停止' ? '已停止(不通过)' : s }))} aria-label="按状态筛选" />
        <span style={{ color: '#888' }}>{list.data ? `共 ${rows.length} 人` : ''}</span>
        <BatchActions
          selected={selected}
          meetingLevels={settings.data?.meetingLevels ?? []}
          onDone={() => {
            setSelectedIds([])
            list.reload()
          }}
        />
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setFormOpen(true)} style={{ marginLeft: 'auto' }}>
          提名人选
        </Button>
      </div>
      {incomplete.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          aria-label="职务待补充"
          title={`${incomplete.length} 名人选的拟任职务待补充`}
          description={
            <span>
              以下人选原登记为“交叉任职”，没有写明党组织和村(居)委会各任什么职务，请打开个人页“修改提名”补充：
              {incomplete.map((c, i) => (
                <span key={c.id}>
                  {i > 0 ? '、' : ''}
                  <a href={personLink(c.personId)}>{`${c.villageName}${c.name}`}</a>
                </span>
              ))}
            </span>
          }
        />
      )}
      {checks.data && (
        <Space orientation="vertical" style={{ width: '100%', marginBottom: 12 }} size={4} aria-label="村规则检查">
          {checks.data.map((c) => (
            <Alert
              key={c.key}
              type={c.ok === true ? 'success' : c.ok === false ? 'warning' : 'info'}
              showIcon
              title={`${c.label}：${c.message}`}
            />
          ))}
        </Space>
      )}
      <LoadState loading={list.loading && !list.data} error={list.error} onRetry={list.reload}>
        <Table<CandidateView>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={rows}
          rowSelection={{ selectedRowKeys: selectedIds, onChange: (keys) => setSelectedIds(keys.map(Number)), selections: [Table.SELECTION_ALL, Table.SELECTION_NONE] }}
          scroll={{ x: 1600 }}
          pagination={{ defaultPageSize: 50, showSizeChanger: true, hideOnSinglePage: true }}
          locale={{ emptyText: <Empty description={filtered ? '没有符合条件的人选' : '还没有人选。点击“提名人选”把登记的人员提名到村。'} /> }}
        />
      </LoadState>
      <ProposeForm
        open={formOpen}
        candidate={null}
        villageId={villageId}
        onClose={() => setFormOpen(false)}
        onSaved={(c) => {
          setFormOpen(false)
          window.location.hash = personLink(c.personId)
        }}
      />
    </>
  )
}
