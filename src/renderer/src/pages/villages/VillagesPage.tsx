import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons'
import { App, Button, Empty, Input, Segmented, Space, Table, Tag, type TableColumnsType } from 'antd'
import { useMemo, useState } from 'react'
import { naturalCompare } from '../../../../shared/natural-order'
import { VILLAGE_GRADES, type Village, type VillageGrade } from '../../../../shared/village'
import { api, unwrap } from '../../api/client'
import { useResource } from '../../api/useResource'
import { LoadState } from '../../components/LoadState'
import { announceRegisterChanged } from '../../lib/registerChanged'
import { VillageForm } from './VillageForm'
import { Can, useCan } from '../../access/AccessGate'

export const GRADE_COLORS: Record<VillageGrade, string> = { 重难点村: 'red', 一般村: 'blue', 平稳村: 'green' }

const byNumber = (k: keyof Village) => (a: Village, b: Village) => ((a[k] as number | null) ?? -1) - ((b[k] as number | null) ?? -1)
const byText = (k: keyof Village) => (a: Village, b: Village) => naturalCompare(String(a[k] ?? ''), String(b[k] ?? ''))
const byName = byText('name')

export function VillagesPage() {
  const { message, modal } = App.useApp()
  const canWrite = useCan('write')
  const [search, setSearch] = useState('')
  const [grade, setGrade] = useState<VillageGrade | '全部'>('全部')
  const [editing, setEditing] = useState<Village | null>(null)
  const [formOpen, setFormOpen] = useState(false)
  const list = useResource(() => unwrap(api.villages.list({ search, grade: grade === '全部' ? null : grade })), [search, grade])
  const villages = list.data ?? []
  const defaultTownship = useMemo(() => villages.find((v) => v.township)?.township ?? '', [villages])

  const openForm = (v: Village | null) => {
    setEditing(v)
    setFormOpen(true)
  }

  const confirmDelete = (v: Village) => {
    modal.confirm({
      title: `删除村社“${v.name}”？`,
      content: '删除后台账中不再显示该村社，操作记录会保留在审计日志中。仍有人员或记录引用的村社不能删除。',
      okText: '删除',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: async () => {
        const r = await api.villages.remove({ id: v.id })
        if (r.ok) {
          message.success(`已删除“${v.name}”`)
          list.reload()
        } else {
          modal.error({ title: '不能删除', content: r.error.message, okText: '知道了' })
        }
      }
    })
  }

  const columns: TableColumnsType<Village> = [
    { title: '名称', dataIndex: 'name', sorter: byName, fixed: 'left', width: 130, ellipsis: { showTitle: true } },
    { title: '类型', dataIndex: 'kind', width: 60 },
    { title: '行政区划代码', dataIndex: 'divisionCode', width: 130, sorter: byText('divisionCode') },
    {
      title: '分级',
      dataIndex: 'grade',
      width: 90,
      sorter: (a, b) => VILLAGE_GRADES.indexOf(a.grade) - VILLAGE_GRADES.indexOf(b.grade),
      render: (g: VillageGrade) => <Tag color={GRADE_COLORS[g]}>{g}</Tag>
    },
    {
      // Three counts in one column, so the register fits a 1360 px window with 第一书记 in view.
      title: '户数 / 人口 / 党员',
      key: 'counts',
      width: 150,
      align: 'center',
      sorter: byNumber('households'),
      render: (_, v) => [v.households, v.population, v.partyMembers].map((n) => n ?? '—').join(' / ')
    },
    {
      title: '职数(党/村)',
      key: 'seats',
      width: 100,
      align: 'center',
      render: (_, v) => `${v.partySeats ?? '—'} / ${v.committeeSeats ?? '—'}`
    },
    { title: '包村领导', dataIndex: 'leader', width: 90, ellipsis: { showTitle: true } },
    { title: '第一书记', dataIndex: 'firstSecretary', width: 100, ellipsis: { showTitle: true } },
    { title: '村委会选举', dataIndex: 'committeeElectionDate', width: 110, sorter: byText('committeeElectionDate') },
    ...(!canWrite ? [] : [{
      title: '操作',
      key: 'actions',
      fixed: 'right',
      width: 130,
      render: (_, v) => (
        <Space size={0}>
          <Button type="link" icon={<EditOutlined />} onClick={() => openForm(v)} aria-label={`编辑${v.name}`}>
            编辑
          </Button>
          <Button type="link" danger icon={<DeleteOutlined />} onClick={() => confirmDelete(v)} aria-label={`删除${v.name}`}>
            删除
          </Button>
        </Space>
      )
    } as TableColumnsType<Village>[number]])
  ]

  const filtered = search !== '' || grade !== '全部'
  return (
    <div className="page">
      <div className="page-header">
        <h2>村社台账</h2>
        <Can need="write">
          <Button type="primary" icon={<PlusOutlined />} onClick={() => openForm(null)}>
            新增村社
          </Button>
        </Can>
      </div>
      <div className="toolbar">
        <Input.Search
          allowClear
          placeholder="按名称、拼音或首字母查找，如 lsc"
          style={{ width: 320 }}
          onSearch={(v) => setSearch(v.trim())}
          onChange={(e) => setSearch(e.target.value.trim())}
          aria-label="查找村社"
        />
        <Segmented<VillageGrade | '全部'>
          options={['全部', ...VILLAGE_GRADES]}
          value={grade}
          onChange={(v) => setGrade(v)}
          aria-label="按分级筛选"
        />
        <span style={{ color: '#888' }}>{list.data ? `共 ${villages.length} 个村社` : ''}</span>
      </div>
      <LoadState loading={list.loading && !list.data} error={list.error} onRetry={list.reload}>
        <Table<Village>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={villages}
          scroll={{ x: 'max-content' }}
          pagination={{ defaultPageSize: 50, showSizeChanger: true, hideOnSinglePage: true }}
          locale={{
            emptyText: (
              <Empty
                description={filtered ? '没有找到符合条件的村社' : '还没有村社。点击“新增村社”登记第一个村社。'}
              />
            ),
            triggerDesc: '点击降序',
            triggerAsc: '点击升序',
            cancelSort: '取消排序'
          }}
        />
      </LoadState>
      <VillageForm
        open={formOpen}
        village={editing}
        defaultTownship={defaultTownship}
        onClose={() => setFormOpen(false)}
        onSaved={(v) => {
          setFormOpen(false)
          message.success(editing ? `已保存“${v.name}”` : `已新增“${v.name}”`)
          list.reload()
          announceRegisterChanged()
        }}
      />
    </div>
  )
}
