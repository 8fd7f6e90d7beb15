import { Card, Col, Empty, Row, Statistic, Table, Tag, Tooltip } from 'antd'
import ReactECharts from 'echarts-for-react'
import type { VillageGrade } from '../../../../shared/village'
import { api, unwrap } from '../../api/client'
import { useResource } from '../../api/useResource'
import { LoadState } from '../../components/LoadState'
import { ExportButton } from '../exports/ExportButton'
import { GRADE_COLORS } from '../villages/VillagesPage'

export const GRADE_TILE: Record<VillageGrade, string> = { 重难点村: 'tile-red', 一般村: 'tile-blue', 平稳村: 'tile-green' }

/** 挂图作战: the whole township at a glance; nothing late or unattended is left out of sight. */
export function TownshipBoard({ onOpenVillage }: { onOpenVillage: (id: number) => void }) {
  const board = useResource(() => unwrap(api.risks.township()), [])
  const b = board.data
  return (
    <LoadState loading={board.loading && !b} error={board.error} onRetry={board.reload}>
      {b && (
        <>
          <div className="toolbar" style={{ justifyContent: 'flex-end' }}>
            <ExportButton tables={['risks', 'focus-villages']} />
          </div>
          <Row gutter={12} style={{ marginBottom: 16 }}>
            {[
              { title: '重难点村', value: b.totals.focusVillages, suffix: `/ ${b.totals.villages}`, danger: b.totals.focusVillages > 0 },
              { title: '未化解事项', value: b.totals.open, testId: 'stat-open' },
              { title: '逾期事项', value: b.totals.overdue, danger: b.totals.overdue > 0, testId: 'stat-overdue' },
              { title: `超${b.talkIntervalDays}天未谈话重点人员`, value: b.totals.unattended, danger: b.totals.unattended > 0 },
              { title: '已销号', value: b.totals.closed },
              { title: '走访户数', value: b.work.households },
              { title: '谈话人次', value: b.work.talks }
            ].map((s) => (
              <Col flex="1" key={s.title}>
                <Card size="small" data-testid={s.testId}>
                  <Statistic title={s.title} value={s.value} suffix={s.suffix} styles={{ content: { color: s.danger ? '#cf1322' : undefined } }} />
                </Card>
              </Col>
            ))}
          </Row>
          <Card size="small" title="村社分布（按分级着色，点击进入村档案）" style={{ marginBottom: 16 }}>
            {b.villages.length === 0 ? (
              <Empty description="还没有村社。请先在“村社台账”中登记。" />
            ) : (
              <div className="village-tiles">
                {b.villages.map((v) => (
                  <button key={v.villageId} type="button" className={`village-tile ${GRADE_TILE[v.grade]}`} onClick={() => onOpenVillage(v.villageId)} aria-label={`${v.name} ${v.grade}`}>
                    <div className="tile-name">{v.name}</div>
                    <div className="tile-grade">{v.grade}</div>
                    <div className="tile-counts">
                      <span>未化解 {v.open}</span>
                      {v.overdue > 0 && <span className="tile-alert">逾期 {v.overdue}</span>}
                      {v.unattended > 0 && <span className="tile-alert">未谈话 {v.unattended}</span>}
                      {(v.planLate > 0 || v.planBreaches > 0) && (
                        <Tooltip title={`工作计划：逾期步骤 ${v.planLate} 个，法定期限问题 ${v.planBreaches} 个`}>
                          <span className="tile-alert">计划滞后 {v.planLate + v.planBreaches}</span>
                        </Tooltip>
                      )}
                    </div>
                  </button>
                ))}
              </div>
            )}
          </Card>
          <Row gutter={16}>
            <Col span={14}>
              <Card size="small" title={<span style={{ color: '#cf1322' }}>逾期未化解事项</span>} style={{ marginBottom: 16 }}>
                <Table
                  rowKey="id"
                  size="small"
                  data-testid="overdue-table"
                  pagination={false}
                  dataSource={b.overdueItems}
                  locale={{ emptyText: '没有逾期事项' }}
                  rowClassName={() => 'row-overdue'}
                  onRow={(r) => ({ onClick: () => onOpenVillage(r.villageId), style: { cursor: 'pointer' } })}
                  columns={[
                    { title: '村社', dataIndex: 'villageName', width: 90 },
                    { title: '类型', dataIndex: 'type', width: 90 },
                    { title: '描述', dataIndex: 'description', ellipsis: true },
                    { title: '责任干部', dataIndex: 'responsibleCadre', width: 80 },
                    { title: '时限', dataIndex: 'deadline', width: 100 },
                    { title: '状态', dataIndex: 'status', width: 80, render: (s: string) => <Tag color="red">{s}</Tag> }
                  ]}
                />
              </Card>
              <Card size="small" title={`超过 ${b.talkIntervalDays} 天未谈话的重点人员`}>
                <Table
                  rowKey={(r) => `${r.personId}-${r.villageId}`}
                  size="small"
                  pagination={false}
                  dataSource={b.unattended}
                  locale={{ emptyText: '重点人员都已按时谈话' }}
                  onRow={(r) => ({ onClick: () => onOpenVillage(r.villageId), style: { cursor: 'pointer' } })}
                  columns={[
                    { title: '姓名', dataIndex: 'name', width: 90 },
                    { title: '村社', dataIndex: 'villageName', width: 90 },
                    { title: '涉及事项', dataIndex: 'items' },
                    { title: '最近谈话', dataIndex: 'lastTalkOn', width: 110, render: (d: string | null) => d ?? <Tag color="red">从未谈话</Tag> }
                  ]}
                />
              </Card>
            </Col>
            <Col span={10}>
              <Card size="small" title="未化解事项走势">
                <ReactECharts
                  style={{ height: 280 }}
                  option={{
                    grid: { left: 36, right: 16, top: 20, bottom: 30 },
                    tooltip: { trigger: 'axis' },
                    xAxis: { type: 'category', data: b.trend.map((p) => p.date.slice(5)) },
                    yAxis: { type: 'value', minInterval: 1 },
                    series: [{ name: '未化解事项', type: 'line', data: b.trend.map((p) => p.open), areaStyle: { opacity: 0.15 }, color: '#b71c1c' }]
                  }}
                />
              </Card>
              <div style={{ marginTop: 8, color: '#888' }}>
                {(['重难点村', '一般村', '平稳村'] as const).map((g) => (
                  <Tag key={g} color={GRADE_COLORS[g]}>
                    {g}
                  </Tag>
                ))}
                统计日期 {b.today}
              </div>
            </Col>
          </Row>
        </>
      )}
    </LoadState>
  )
}
