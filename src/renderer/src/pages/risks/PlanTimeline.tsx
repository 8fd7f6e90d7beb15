import { PrinterOutlined } from '@ant-design/icons'
import { Button, Empty, Space, Tag, Tooltip } from 'antd'
import { shortStepName, type TimelineCell } from '../../../../shared/plan'
import { api, unwrap } from '../../api/client'
import { useResource } from '../../api/useResource'
import { LoadState } from '../../components/LoadState'
import { ExportButton } from '../exports/ExportButton'
import { GRADE_COLORS } from '../villages/VillagesPage'
import { STATE_COLORS, dayRange } from './planLook'

function cellClass(c: TimelineCell): string {
  if (c.breach) return 'tl-cell tl-breach'
  if (c.state === '已逾期') return 'tl-cell tl-late'
  if (c.state === '已完成') return 'tl-cell tl-done'
  if (c.today) return 'tl-cell tl-today'
  return 'tl-cell'
}

/** 选务作战图: villages × steps, today marked, late steps red; printed as it is shown. */
export function PlanTimeline({ onOpenVillage }: { onOpenVillage: (id: number) => void }) {
  const tl = useResource(() => unwrap(api.plans.timeline()), [])
  const t = tl.data
  return (
    <LoadState loading={tl.loading && !t} error={tl.error} onRetry={tl.reload}>
      {t && (
        <div className="print-area">
          <div className="toolbar">
            <h3 className="print-only" style={{ margin: 0 }}>
              选务作战图
            </h3>
            <span>
              今天：<Tag color="blue">{t.today}</Tag>
            </span>
            <Space size={4} className="legend">
              <span className="tl-cell tl-done legend-box">已完成</span>
              <span className="tl-cell tl-today legend-box">今日进行</span>
              <span className="tl-cell tl-late legend-box">逾期</span>
              <span className="tl-cell tl-breach legend-box">违反法定期限</span>
            </Space>
            <Button icon={<PrinterOutlined />} className="no-print" onClick={() => window.print()}>
              打印
            </Button>
            <ExportButton tables={['timeline']} />
          </div>
          {t.rows.length === 0 ? (
            <Empty description="还没有村社" />
          ) : (
            <div className="timeline-scroll">
              <table className="timeline-table" data-testid="timeline">
                <thead>
                  <tr>
                    <th className="tl-village">村社</th>
                    {t.steps.map((s) => (
                      <th key={s.key} className={s.side === '党组织' ? 'tl-party' : ''}>
                        <Tooltip title={`${s.side}：${s.name}${s.legal ? `（${s.legal}）` : ''}`}>
                          <span>{shortStepName(s.name)}</span>
                        </Tooltip>
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {t.rows.map((r) => (
                    <tr key={r.village.id}>
                      <th className="tl-village">
                        <a onClick={() => onOpenVillage(r.village.id)}>{r.village.name}</a>
                        <Tag color={GRADE_COLORS[r.village.grade]} style={{ marginLeft: 4 }}>
                          {r.village.grade.slice(0, -1)}
                        </Tag>
                      </th>
                      {t.steps.map((s) => {
                        const c = r.cells[s.key]
                        return (
                          <td key={s.key} className={cellClass(c)} title={`${s.name}：${c.state}${c.doneOn ? ` ${c.doneOn}` : ''}`}>
                            {c.doneOn ? `✓${c.doneOn.slice(5)}` : dayRange(c.start, c.end, true)}
                            {c.today && <div className="tl-today-mark">今天</div>}
                          </td>
                        )
                      })}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <div style={{ marginTop: 8, color: '#888' }} className="no-print">
            {Object.keys(STATE_COLORS).join(' · ')}；将鼠标停在步骤名上可看到法定期限。
          </div>
        </div>
      )}
    </LoadState>
  )
}
