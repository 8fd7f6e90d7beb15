import { Button, Form, Input, Radio, Select, Space } from 'antd'
import type { Dayjs } from 'dayjs'
import { useState } from 'react'
import { RECORDED_STAGES, type RecordedStage } from '../../../../shared/candidate'
import { api, unwrap } from '../../api/client'
import { showFormErrors } from '../../components/formErrors'
import { FormModal } from '../../components/FormModal'
import { StepDate } from '../../components/StepDate'
import { dateText, type CandidateView } from './vetting-ui'

type Action = { kind: 'send' } | { kind: 'stage'; stage: RecordedStage }

interface Values {
  stage: RecordedStage
  result: '通过' | '不通过'
  level: string
  decidedOn: Dayjs | null
  decider: string
  docNo: string
  note: string
}

/** The stages a batch records with one result for all (选举 is recorded from the results, 公示 has its own period). */
const BATCH_STAGES = RECORDED_STAGES.filter((s) => s !== '选举' && s !== '公示')

/** The latest date among the selected candidates' last steps: a batch date before it would be refused. */
const latestStep = (rows: CandidateView[]) => rows.map((c) => c.progress.lastDate ?? c.proposedOn).sort().at(-1) ?? null

/**
 * Batch actions over the selected candidates: 送初审 … 确定为正式候选人 and 送县级联审, one date for all.
 * The API checks each candidate exactly as the one-candidate forms do, and saves all or none.
 */
export function BatchActions({ selected, meetingLevels, onDone }: { selected: CandidateView[]; meetingLevels: string[]; onDone: () => void }) {
  const [action, setAction] = useState<Action | null>(null)
  const [form] = Form.useForm<Values>()
  const [saving, setSaving] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const stage = Form.useWatch('stage', form)
  const result = Form.useWatch('result', form)

  const open = (a: Action) => {
    setProblem(null)
    setAction(a)
  }
  const submit = async (v: Values) => {
    if (!action) return
    setSaving(true)
    setProblem(null)
    const candidateIds = selected.map((c) => c.id)
    try {
      if (action.kind === 'send') await unwrap(api.review.sendMany({ candidateIds, sentOn: dateText(v.decidedOn) ?? '' }))
      else
        await unwrap(
          api.vetting.recordStages({
            candidateIds,
            stage: v.stage,
            level: v.stage === '会审' ? (v.level ?? '') : '',
            result: v.result,
            decidedOn: dateText(v.decidedOn) ?? '',
            decider: v.decider ?? '',
            docNo: v.docNo ?? '',
            note: v.note ?? ''
          })
        )
      setAction(null)
      onDone()
    } catch (e) {
      setProblem(showFormErrors(form, e))
    } finally {
      setSaving(false)
    }
  }

  const n = selected.length
  const title = action?.kind === 'send' ? `送县级联审（已选 ${n} 人）` : `批量记录环节（已选 ${n} 人）`
  return (
    <>
      <Space aria-label="批量操作">
        <span>已选 {n} 人</span>
        <Button disabled={n === 0} onClick={() => open({ kind: 'stage', stage: '资格初审' })}>
          资格初审
        </Button>
        <Button disabled={n === 0} onClick={() => open({ kind: 'send' })}>
          送县级联审
        </Button>
        <Button disabled={n === 0} onClick={() => open({ kind: 'stage', stage: '考察' })}>
          记录其他环节
        </Button>
      </Space>
      <FormModal
        open={action !== null}
        title={title}
        form={form}
        saving={saving}
        problem={problem}
        session={action ? `${action.kind}:${action.kind === 'stage' ? action.stage : ''}` : ''}
        values={{ stage: action?.kind === 'stage' ? action.stage : undefined, result: '通过', level: '', decidedOn: null, decider: action?.kind === 'stage' && action.stage === '资格初审' ? '乡镇党委' : '', docNo: '', note: '' }}
        onClose={() => setAction(null)}
      >
        <Form form={form} layout="vertical" onFinish={submit} aria-label={title}>
          {action?.kind === 'stage' && (
            <>
              <Form.Item name="stage" label="环节">
                <Select options={BATCH_STAGES.map((s) => ({ value: s, label: s }))} aria-label="批量环节" />
              </Form.Item>
              {stage === '会审' && (
                <Form.Item name="level" label="会审层级" rules={[{ required: true, message: '请选择会审层级' }]}>
                  <Select options={meetingLevels.map((l) => ({ value: l, label: l }))} aria-label="会审层级" />
                </Form.Item>
              )}
              <Form.Item name="result" label="结果">
                <Radio.Group optionType="button" options={['通过', '不通过'].map((r) => ({ value: r, label: r }))} />
              </Form.Item>
            </>
          )}
          <Form.Item name="decidedOn" label={action?.kind === 'send' ? '送审日期' : '日期'} rules={[{ required: true, message: '请选择日期' }]} extra="所选人选共用这一日期">
            <StepDate after={latestStep(selected)} aria-label="批量日期" />
          </Form.Item>
          {action?.kind === 'stage' && (
            <>
              <Form.Item name="decider" label="决定人/机构" rules={[{ required: true, whitespace: true, message: '请填写' }]}>
                <Input maxLength={100} />
              </Form.Item>
              <Form.Item name="docNo" label="文号">
                <Input maxLength={100} />
              </Form.Item>
              <Form.Item name="note" label={result === '不通过' ? '原因' : '意见'} rules={[{ required: result === '不通过', whitespace: true, message: '不通过时请写明原因' }]}>
                <Input.TextArea rows={2} maxLength={5000} />
              </Form.Item>
            </>
          )}
        </Form>
      </FormModal>
    </>
  )
}
