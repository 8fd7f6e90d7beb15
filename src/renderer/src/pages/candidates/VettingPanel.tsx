import { Alert, App, Button, Card, Descriptions, Space, Table, Tag } from 'antd'
import type { Dayjs } from 'dayjs'
import { useState } from 'react'
import { RECORDED_STAGES, type RecordedStage } from '../../../../shared/candidate'
import { seatsText } from '../../../../shared/seats'
import type { Step, VerdictRecord } from '../../../../shared/vetting-rules'
import { api, unwrap } from '../../api/client'
import { useResource } from '../../api/useResource'
import { StepDate } from '../../components/StepDate'
import { EvaluationForm, ScoreView } from './EvaluationForm'
import { ProposeForm } from './ProposeForm'
import { StageForm } from './StageForm'
import { VerdictForm, type VerdictTarget } from './VerdictForm'
import { StatusTag, STEP_COLORS, dateText, type CandidateView } from './vetting-ui'

const isRecorded = (s: string | null): s is RecordedStage => RECORDED_STAGES.includes(s as RecordedStage)

/** One candidacy on the person's page: the path so far, why it stopped, and the form for the step that is due. */
export function VettingPanel({ candidate: c, onChanged }: { candidate: CandidateView; onChanged: () => void }) {
  const { message, modal } = App.useApp()
  const [editOpen, setEditOpen] = useState(false)
  const [sentOn, setSentOn] = useState<Dayjs | null>(null)
  const [verdict, setVerdict] = useState<VerdictTarget | null>(null)
  const settings = useResource(() => unwrap(api.vetting.settings()), [])
  const evaluation = useResource(() => (c.incumbent ? unwrap(api.evaluations.get({ candidateId: c.id })) : Promise.resolve(null)), [c])
  const board = useResource(() => unwrap(api.review.board({ villageId: c.villageId })), [c])
  const verdicts = board.data?.rows.find((r) => r.candidate.id === c.id)?.verdicts ?? {}
  const p = c.progress

  const run = async (work: Promise<unknown>, done: string) => {
    try {
      await work
      message.success(done)
      onChanged()
    } catch (e) {
      modal.error({ title: '未能完成', content: (e as Error).message, okText: '知道了' })
    }
  }

  const confirm = (title: string, content: string, action: () => Promise<unknown>, done: string) =>
    modal.confirm({ title, content, okText: '确定', cancelText: '取消', okButtonProps: { danger: true }, onOk: () => run(action(), done) })

  const sendToReview = () => (!sentOn ? message.warning('请先选择送审日期（纸质送审单上的日期）') : run(unwrap(api.review.send({ candidateId: c.id, sentOn: dateText(sentOn) ?? '' })), '已送县级联审'))

  const stepRows = p.steps.map((s, i) => ({ ...s, key: i }))
  const verdictRows = Object.values(verdicts).filter((v): v is VerdictRecord => v !== undefined)

  return (
    <Card
      title={
        <Space>
          <span>
            {c.villageName} · {seatsText(c)}
          </span>
          <StatusTag status={p.status} />
        </Space>
      }
      extra={
        <Space>
          <Button onClick={() => setEditOpen(true)}>修改提名</Button>
          <Button onClick={() => confirm('撤销最近一个环节的记录？', '只能撤销最近记录的一个环节（资格初审、考察、会审、公示、确定为正式候选人、选举）。撤销会记入操作日志。', () => unwrap(api.vetting.undoStage({ candidateId: c.id })), '已撤销')}>
            撤销上一环节
          </Button>
          <Button danger onClick={() => confirm(`撤回对“${c.name}”的提名？`, '已有审查记录的人选不能撤回。', () => unwrap(api.candidates.withdraw({ id: c.id })), '已撤回提名')}>
            撤回提名
          </Button>
        </Space>
      }
    >
      <Descriptions size="small" column={4} style={{ marginBottom: 12 }}>
        <Descriptions.Item label="现任/新提名">{c.incumbent ? '现任干部' : '新提名'}</Descriptions.Item>
        <Descriptions.Item label="人选来源">{c.source}</Descriptions.Item>
        <Descriptions.Item label="人选类别">{c.pool}</Descriptions.Item>
        <Descriptions.Item label="摸排日期">{c.proposedOn}</Descriptions.Item>
      </Descriptions>
      {p.stopped && <Alert type="error" showIcon title={`停止于“${p.stopped.stage}”`} description={p.stopped.reason} style={{ marginBottom: 12 }} role="alert" />}
      {p.pendingDecision && <Alert type="warning" showIcon title={p.pendingDecision} description="请在下方“负面清单”中作出研究决定。" style={{ marginBottom: 12 }} />}
      <Table<Step & { key: number }>
        size="small"
        pagination={false}
        dataSource={stepRows}
        aria-label="审查环节"
        columns={[
          { title: '环节', key: 'stage', width: 200, render: (_, s) => `${s.stage}${s.level ? `（${s.level}）` : ''}` },
          { title: '结果', dataIndex: 'state', width: 90, render: (st: Step['state']) => <Tag color={STEP_COLORS[st]}>{st === '当前' ? '待办' : st}</Tag> },
          { title: '日期', dataIndex: 'date', width: 110 },
          { title: '决定人/机构', dataIndex: 'decider', width: 160 },
          { title: '文号', dataIndex: 'docNo', width: 150 },
          { title: '意见/原因', dataIndex: 'note' }
        ]}
      />
      {evaluation.data && (
        <div style={{ marginTop: 12 }}>
          <h4>民主测评（{evaluation.data.votes.heldOn}）</h4>
          <ScoreView score={evaluation.data.score} />
        </div>
      )}
      {verdictRows.length > 0 && (
        <div style={{ marginTop: 12 }}>
          <h4>县级联审意见</h4>
          <Space wrap>
            {verdictRows.map((v) => (
              <Button
                key={v.department}
                size="small"
                danger={v.verdict === '不通过'}
                type={v.verdict === '通过' ? 'default' : 'dashed'}
                onClick={() => setVerdict({ candidateId: c.id, name: c.name, department: v.department, verdict: v.verdict, reason: v.reason, decidedOn: v.decidedOn, sentOn: v.sentOn })}
                aria-label={`${v.department}：${v.verdict}`}
              >
                {v.department}：{v.verdict}
              </Button>
            ))}
          </Space>
        </div>
      )}
      {!p.stopped && p.current && (
        <Card size="small" type="inner" title={`待办：${p.current}${p.currentLevel ? `（${p.currentLevel}）` : ''}`} style={{ marginTop: 16 }}>
          {p.current === '民主测评' && <EvaluationForm candidateId={c.id} onSaved={onChanged} />}
          {p.current === '县级联审' &&
            (verdictRows.length === 0 ? (
              <Space>
                <StepDate value={sentOn} onChange={setSentOn} after={p.lastDate} aria-label="送审日期" style={{ width: 160 }} />
                <Button type="primary" onClick={sendToReview}>
                  送县级联审（{settings.data?.reviewDepartments.length ?? ''}个部门）
                </Button>
              </Space>
            ) : (
              <span>待反馈：{p.awaiting.join('、')}。点击上方部门按钮录入意见，或在“联审看板”中录入。</span>
            ))}
          {isRecorded(p.current) && (
            <StageForm
              key={`${p.current}-${p.currentLevel ?? ''}`}
              candidateId={c.id}
              stage={p.current}
              level={p.currentLevel}
              publicityDays={settings.data?.publicityDays ?? 5}
              after={p.lastDate}
              onSaved={() => {
                message.success('已保存')
                onChanged()
              }}
            />
          )}
        </Card>
      )}
      <ProposeForm
        open={editOpen}
        candidate={c}
        onClose={() => setEditOpen(false)}
        onSaved={() => {
          setEditOpen(false)
          onChanged()
        }}
      />
      <VerdictForm
        target={verdict}
        onClose={() => setVerdict(null)}
        onSaved={() => {
          setVerdict(null)
          onChanged()
        }}
      />
    </Card>
  )
}
