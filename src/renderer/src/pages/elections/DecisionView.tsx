import { Alert, Space, Table, Tag } from 'antd'
import type { CandidateDecision, CandidateStatus, ElectionDecision } from '../../../../shared/election-rules'

const STATUS_COLOR: Record<CandidateStatus, string> = { 当选: 'green', 未当选: 'default', 得票相等待定: 'orange', 选举无效: 'red' }

/** Who is elected and why, post by post, in the words of the law. */
export function DecisionView({ decision }: { decision: ElectionDecision }) {
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Alert type={decision.valid ? 'success' : 'error'} showIcon title={decision.validity} />
      {decision.races.map((r) => (
        <section key={r.post} aria-label={`${r.post}计票结果`}>
          <div style={{ margin: '8px 0 4px', fontWeight: 600 }}>
            {r.post}（应选{r.seats}名，当选{r.elected}名） <span style={{ fontWeight: 400, color: '#666' }}>{r.thresholdText}</span>
          </div>
          <Table<CandidateDecision>
            rowKey="key"
            size="small"
            pagination={false}
            dataSource={r.candidates}
            columns={[
              { title: '名次', dataIndex: 'rank', width: 60, align: 'center' },
              { title: '姓名', dataIndex: 'name', width: 110, render: (n: string, c) => (c.writeIn ? `${n}（另选他人）` : n) },
              { title: '得票', dataIndex: 'votes', width: 80, align: 'right' },
              { title: '结果', dataIndex: 'status', width: 120, render: (s: CandidateStatus) => <Tag color={STATUS_COLOR[s]}>{s}</Tag> },
              { title: '依据', dataIndex: 'reason' }
            ]}
          />
        </section>
      ))}
      {decision.notes.map((n) => (
        <Alert key={n} type="warning" showIcon title={n} />
      ))}
    </Space>
  )
}
