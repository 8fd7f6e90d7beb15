import { App, Button, Card, Col, InputNumber, Row, Space, Table, Tag } from 'antd'
import { useState } from 'react'
import { HANDOVER_ITEM_LABELS, HANDOVER_ITEMS, type HandoverItemKey, type HandoverState } from '../../../../shared/handover'
import type { HandoverVillage } from '../../../../main/core/handover'
import { api, unwrap } from '../../api/client'
import { useResource } from '../../api/useResource'
import { LoadState } from '../../components/LoadState'
import { ExportButton } from '../exports/ExportButton'
import { HandoverItemForm } from './HandoverItemForm'

const STATE_COLOR: Record<HandoverState, string> = { 未选举: 'default', 未开始: 'orange', 进行中: 'blue', 已完成: 'green', 逾期: 'red' }

const stateTag = (v: HandoverVillage) => (
  <Tag color={v.late ? 'red' : STATE_COLOR[v.state]} data-testid={`handover-state-${v.villageName}`}>
    {v.state === '已完成' && v.late ? '逾期完成' : v.state}
  </Tag>
)

const daysLeft = (v: HandoverVillage) =>
  v.daysLeft === null || v.state === '已完成' ? '' : v.daysLeft < 0 ? <span className="text-overdue">逾期 {-v.daysLeft} 天</span> : `${v.daysLeft} 天`

/** 工作移交: every village's handover against its window, and the chosen village's checklist item by item. */
export function HandoverPanel() {
  const { message, modal } = App.useApp()
  const board = useResource(() => unwrap(api.handover.board()), [])
  const [villageId, setVillageId] = useState<number | null>(null)
  const [editing, setEditing] = useState<HandoverItemKey | null>(null)
  const [days, setDays] = useState<number | null>(null)
  const villages = board.data?.villages ?? []
  const chosen = villages.find((v) => v.villageId === villageId) ?? null

  const saveDays = async () => {
    if (days === null) return
    try {
      await unwrap(api.handover.saveSettings({ days }))
      message.success(`移交时限已改为 ${days} 天`)
      setDays(null)
      board.reload()
    } catch (e) {
      message.error((e as Error).message)
    }
  }

  const clear = (item: HandoverItemKey) =>
    modal.confirm({
      title: `撤销“${item}”的移交登记？`,
      content: '撤销后该事项视为尚未移交，操作记录中保留原登记。',
      okText: '撤销登记',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: async () => {
        try {
          await unwrap(api.handover.clear({ villageId: chosen!.villageId, item }))
          board.reload()
        } catch (e) {
          message.error((e as Error).message)
        }
      }
    })

  return (
    <LoadState loading={board.loading && !board.data} error={board.error} onRetry={board.reload}>
      <div className="toolbar">
        <Space>
          <span>移交时限：新一届村(居)委会选举之日起</span>
          <InputNumber aria-label="移交时限天数" min={1} max={60} value={days ?? board.data?.days} onChange={(d) => setDays(d)} style={{ width: 70 }} />
          <span>日内</span>
          {days !== null && days !== board.data?.days && <Button onClick={() => void saveDays()}>保存时限</Button>}
        </Space>
        <ExportButton tables={['handover-board', 'handover']} />
      </div>
      <Row gutter={16}>
        <Col span={11}>
          <Card size="small" title="交接进度（点击查看移交清单）">
            <Table
              rowKey="villageId"
              size="small"
              data-testid="handover-board"
              pagination={false}
              dataSource={villages}
              locale={{ emptyText: '还没有村社' }}
              rowClassName={(v) => `${v.late && v.state !== '已完成' ? 'row-overdue' : ''} ${v.villageId === villageId ? 'ant-table-row-selected' : ''}`}
              onRow={(v) => ({ onClick: () => setVillageId(v.villageId), style: { cursor: 'pointer' } })}
              columns={[
                { title: '村社', dataIndex: 'villageName' },
                { title: '选举日', dataIndex: 'electedOn', width: 100 },
                { title: '时限', dataIndex: 'dueOn', width: 100 },
                { title: '已移交', width: 70, render: (_: unknown, v: HandoverVillage) => (v.electedOn ? `${v.done}/${v.total}` : '') },
                { title: '剩余', width: 90, render: (_: unknown, v: HandoverVillage) => daysLeft(v) },
                { title: '状态', width: 90, render: (_: unknown, v: HandoverVillage) => stateTag(v) }
              ]}
            />
          </Card>
        </Col>
        <Col span={13}>
          {chosen ? (
            <Card
              size="small"
              title={`${chosen.villageName} 移交清单`}
              extra={chosen.electedOn ? <span>选举日 {chosen.electedOn}，时限 {chosen.dueOn}</span> : null}
            >
              {chosen.electedOn === null ? (
                <p>尚未选出新一届村(居)委会。录入村(居)委会选举结果后即开始计算移交时限。</p>
              ) : (
                <Table
                  rowKey={(r) => r}
                  size="small"
                  data-testid="handover-items"
                  pagination={false}
                  dataSource={[...HANDOVER_ITEMS]}
                  columns={[
                    { title: '移交事项', render: (k: HandoverItemKey) => HANDOVER_ITEM_LABELS[k] },
                    ...(['handedBy', 'receivedBy', 'supervisedBy', 'handedOn', 'note'] as const).map((field, i) => ({
                      title: ['移交人', '接收人', '监交人', '日期', '备注'][i],
                      render: (k: HandoverItemKey) => chosen.items.find((r) => r.item === k)?.[field] ?? ''
                    })),
                    {
                      title: '',
                      width: 120,
                      render: (k: HandoverItemKey) => {
                        const done = chosen.items.some((r) => r.item === k)
                        return (
                          <Space size={0}>
                            <Button type="link" size="small" aria-label={`${done ? '修改' : '登记'}${k}`} onClick={() => setEditing(k)}>
                              {done ? '修改' : '登记'}
                            </Button>
                            {done && (
                              <Button type="link" size="small" danger onClick={() => clear(k)}>
                                撤销
                              </Button>
                            )}
                          </Space>
                        )
                      }
                    }
                  ]}
                />
              )}
            </Card>
          ) : (
            <Card size="small">
              <p>在左侧选择村社，逐项登记公章、文书档案、三资、未了事项、债权债务的移交。</p>
            </Card>
          )}
        </Col>
      </Row>
      {chosen && (
        <HandoverItemForm
          villageId={chosen.villageId}
          item={editing}
          record={chosen.items.find((r) => r.item === editing) ?? null}
          last={chosen.items.at(-1) ?? null}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null)
            board.reload()
          }}
        />
      )}
    </LoadState>
  )
}
