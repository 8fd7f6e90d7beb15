import { Button, Card, Col, Row, Space, Table, Tag } from 'antd'
import { useState } from 'react'
import type { RiskItemRow } from '../../../../main/core/risks'
import { api, unwrap } from '../../api/client'
import { useResource } from '../../api/useResource'
import { LoadState } from '../../components/LoadState'
import { VillageSelect } from '../../components/VillageSelect'
import { ExportButton } from '../exports/ExportButton'
import { RiskItemDrawer } from '../risks/RiskItemDrawer'
import { RiskItemForm } from '../risks/RiskItemForm'
import { STATUS_COLORS } from '../risks/VillageFile'

/**
 * 回头看: the problems found after the vote, each kept, worked on and closed (销号) as a risk item is, and the
 * villages with problems still open (换届后重点关注村).
 */
export function LookbackPanel() {
  const [villageId, setVillageId] = useState<number | null>(null)
  const [adding, setAdding] = useState(false)
  const [openItem, setOpenItem] = useState<number | null>(null)
  const items = useResource(() => unwrap(api.lookback.list({ villageId, status: null })), [villageId])
  const focus = useResource(() => unwrap(api.lookback.focus()), [])
  const reload = () => {
    items.reload()
    focus.reload()
  }
  return (
    <LoadState loading={items.loading && !items.data} error={items.error ?? focus.error} onRetry={reload}>
      <div className="toolbar">
        <Space>
          <VillageSelect allowAll value={villageId} onChange={setVillageId} ariaLabel="回头看村社" />
          <Button type="primary" disabled={villageId === null} title={villageId === null ? '请先选择村社' : undefined} onClick={() => setAdding(true)}>
            登记回头看问题
          </Button>
        </Space>
        <ExportButton tables={['lookback', 'focus-after']} />
      </div>
      <Row gutter={16}>
        <Col span={16}>
          <Card size="small" title="回头看问题台账（点击查看、整改、销号）">
            <Table<RiskItemRow>
              rowKey="id"
              size="small"
              data-testid="lookback-items"
              pagination={false}
              dataSource={items.data ?? []}
              locale={{ emptyText: '没有登记回头看问题' }}
              rowClassName={(r) => (r.overdue ? 'row-overdue' : '')}
              onRow={(r) => ({ onClick: () => setOpenItem(r.id), style: { cursor: 'pointer' } })}
              columns={[
                { title: '村社', dataIndex: 'villageName', width: 90 },
                { title: '问题类型', dataIndex: 'type', width: 120 },
                { title: '问题描述', dataIndex: 'description', ellipsis: true },
                { title: '责任干部', dataIndex: 'responsibleCadre', width: 80 },
                { title: '整改时限', dataIndex: 'deadline', width: 100 },
                { title: '状态', dataIndex: 'status', width: 80, render: (s: string) => <Tag color={STATUS_COLORS[s]}>{s}</Tag> }
              ]}
            />
          </Card>
        </Col>
        <Col span={8}>
          <Card size="small" title="换届后重点关注村">
            <Table
              rowKey="村社"
              size="small"
              data-testid="focus-after"
              pagination={false}
              dataSource={(focus.data ?? []).filter((f) => !f.isTotal)}
              locale={{ emptyText: '没有未整改问题的村' }}
              columns={[
                { title: '村社', dataIndex: '村社' },
                { title: '未整改', dataIndex: '未整改', width: 70 },
                { title: '逾期', dataIndex: '逾期', width: 60, render: (n: number) => (n > 0 ? <span className="text-overdue">{n}</span> : n) }
              ]}
            />
          </Card>
        </Col>
      </Row>
      {villageId !== null && (
        <RiskItemForm
          ledger="lookback"
          open={adding}
          villageId={villageId}
          item={null}
          onClose={() => setAdding(false)}
          onSaved={(id) => {
            setAdding(false)
            reload()
            setOpenItem(id)
          }}
        />
      )}
      <RiskItemDrawer ledger="lookback" id={openItem} onClose={() => setOpenItem(null)} onChanged={reload} />
    </LoadState>
  )
}
