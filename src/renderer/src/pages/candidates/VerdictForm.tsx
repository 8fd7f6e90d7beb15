import { Form, Input, Radio } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useEffect, useState } from 'react'
import { VERDICTS, type Verdict } from '../../../../shared/candidate'
import { api, unwrap } from '../../api/client'
import { showFormErrors } from '../../components/formErrors'
import { FormModal } from '../../components/FormModal'
import { StepDate } from '../../components/StepDate'
import { dateText } from './vetting-ui'

export interface VerdictTarget {
  candidateId: number
  name: string
  department: string
  verdict: Verdict
  reason: string
  decidedOn: string | null
  sentOn: string
}

/** One department's 联审 answer for one candidate. */
export function VerdictForm({ target, onClose, onSaved }: { target: VerdictTarget | null; onClose: () => void; onSaved: () => void }) {
  const [form] = Form.useForm<{ verdict: Verdict; reason: string; decidedOn: Dayjs | null }>()
  const [saving, setSaving] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const verdict = Form.useWatch('verdict', form)

  const session = target ? `${target.candidateId}:${target.department}` : ''
  useEffect(() => setProblem(null), [session])
  const values = target && {
    verdict: target.verdict === '待反馈' ? ('通过' as const) : target.verdict,
    reason: target.reason,
    decidedOn: target.decidedOn ? dayjs(target.decidedOn) : null
  }

  const submit = async (v: { verdict: Verdict; reason: string; decidedOn: Dayjs | null }) => {
    if (!target) return
    setSaving(true)
    try {
      await unwrap(api.review.record({ candidateId: target.candidateId, department: target.department, verdict: v.verdict, reason: v.reason ?? '', decidedOn: dateText(v.decidedOn) }))
      onSaved()
    } catch (e) {
      setProblem(showFormErrors(form, e))
    } finally {
      setSaving(false)
    }
  }

  return (
    <FormModal
      open={target !== null}
      title={target ? `联审意见：${target.department} — ${target.name}` : ''}
      form={form}
      saving={saving}
      values={values ?? undefined}
      session={session}
      problem={problem}
      onClose={onClose}
    >
      <Form form={form} layout="vertical" onFinish={submit} aria-label="联审意见">
        <Form.Item name="verdict" label="意见">
          <Radio.Group options={VERDICTS.map((v) => ({ value: v, label: v }))} optionType="button" />
        </Form.Item>
        <Form.Item name="reason" label="理由" rules={[{ required: verdict === '不通过', whitespace: true, message: '不通过时请写明理由' }]}>
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
        {verdict !== '待反馈' && (
          <Form.Item name="decidedOn" label="反馈日期" rules={[{ required: true, message: '请选择日期' }]}>
            <StepDate after={target?.sentOn} />
          </Form.Item>
        )}
      </Form>
    </FormModal>
  )
}
