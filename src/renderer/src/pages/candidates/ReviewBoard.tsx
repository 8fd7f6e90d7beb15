import { Button, Card, Col, Empty, Row, Select, Statistic, Table, Tag, Tooltip, type TableColumnsType } from 'antd'
import { useState } from 'react'
import type { VerdictRecord } from '../../../../shared/vetting-rules'
import { api, unwrap, type Api } from '../../api/client'
import { useResource } from '../../api/useResource'
import { LoadState } from '../../components/LoadState'
import { personLink } from './CandidatePool'
import { DepartmentSheet } from './DepartmentSheet'
import { VerdictForm, type VerdictTarget } from './VerdictForm'
import { filterByLabel } from './vetting-ui'

type Board = Extract<Awaited<ReturnType<Api['review']['board']>>, { ok: true }>['value']
type BoardRow = Board['rows'][number]

const VERDICT_COLORS = { 通过: 'green', 不通过: 'red', 待反馈: 'orange' } as const

/** 联审 at a glance: every candidate sent, every department's answer, and who has kept them waiting how long. */
export function ReviewBoard() {
  const [villageId, setVillageId] = useState<number | null>(null)
  const [editing, setEditing] = useState<VerdictTarget | null>(null)
  const [sheetOpen, setSheetOpen] = useState(false)
  const villages = useResource(() => unwrap(api.villages.list({})), [])
  const board = useResource(() => unwrap(api.review.board({ villageId })), [villageId])
  const b = board.data

  const cell = (row: BoardRow, department: string) => {
    const v: VerdictRecord | undefined = row.verdicts[department]
    if (!v) return <span style={{ color: '#bbb' }}>未送</span>
    const label = <Tag color={VERDICT_COLORS[v.verdict]}>{v.verdict}</Tag>
    return (
      <a
        onClick={() => setEditing({ candidateId: row.candidate.id, name: row.candidate.name, department, verdict: v.verdict, reason: v.reason, decidedOn: v.decidedOn, sentOn: v.sentOn })}
        aria-label={`${row.candidate.name}${department}意见`}
      >
        {v.reason ? <Tooltip title={v.reason}>{label}</Tooltip> : label}
      </a>
    )
  }

  const columns: TableColumnsType<BoardRow> = [
    { title: '姓名', key: 'name', fixed: 'left', width: 90, render: (_, r) => <a href={personLink(r.candidate.personId)}>{r.candidate.name}</a> },
    { title: '村社', key: 'village', fixed: 'left', width: 90, render: (_, r) => r.candidate.villageName },
    ...(b?.departments ?? []).map((d) => ({ title: d, key: d, width: 90, align: 'center' as const, render: (_: unknown, r: BoardRow) => cell(r, d) }))
  ]

  const waiting = (b?.pendingByDepartment ?? []).filter((d) => d.pending > 0)
  return (
    <>
      <div className="toolbar">
        <Select
          allowClear
          placeholder="全乡镇"
          style={{ width: 160 }}
          value={villageId}
          onChange={(v) => setVillageId(v ?? null)}
          showSearch={{ filterOption: filterByLabel }}
          options={(villages.data ?? []).map((v) => ({ value: v.id, label: v.name }))}
          aria-label="联审看板村社"
        />
        {b && <span style={{ color: '#888' }}>已送审 {b.rows.length} 人</span>}
        <Button type="primary" style={{ marginLeft: 'auto' }} onClick={() => setSheetOpen(true)} disabled={!b || b.rows.length === 0}>
          录入部门回复
        </Button>
      </div>
      <LoadState loading={board.loading && !b} error={board.error} onRetry={board.reload}>
        {b && b.rows.length === 0 ? (
          <Empty description="还没有送县级联审的人选。资格初审通过后，在人员页点击“送县级联审”。" />
        ) : (
          b && (
            <>
              <Row gutter={12} style={{ marginBottom: 12 }}>
                <Col span={12}>
                  <Card size="small" title="未反馈的部门">
                    {waiting.length === 0 ? (
                      <span style={{ color: '#389e0d' }}>各部门均已反馈</span>
                    ) : (
                      waiting.map((d) => (
                        <Tag key={d.department} color={d.oldestDays !== null && d.oldestDays > 3 ? 'red' : 'orange'} style={{ marginBottom: 4 }}>
                          {d.department}：{d.pending} 人未复，最久 {d.oldestDays} 天
                        </Tag>
                      ))
                    )}
                  </Card>
                </Col>
                <Col span={12}>
                  <Card size="small" title="各村待反馈">
                    <Row gutter={8}>
                      {b.pendingByVillage.map((v) => (
                        <Col key={v.villageId} span={8}>
                          <Statistic title={v.villageName} value={v.pending} suffix={v.oldestDays !== null ? `项 · ${v.oldestDays}天` : '项'} />
                        </Col>
                      ))}
                    </Row>
                  </Card>
                </Col>
              </Row>
              <Table<BoardRow> rowKey={(r) => r.candidate.id} size="small" columns={columns} dataSource={b.rows} scroll={{ x: 200 + b.departments.length * 90 }} pagination={false} bordered />
            </>
          )
        )}
      </LoadState>
      <DepartmentSheet
        open={sheetOpen}
        departments={b?.departments ?? []}
        onClose={() => setSheetOpen(false)}
        onSaved={() => {
          setSheetOpen(false)
          board.reload()
        }}
      />
      <VerdictForm
        target={editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null)
          board.reload()
        }}
      />
    </>
  )
}
