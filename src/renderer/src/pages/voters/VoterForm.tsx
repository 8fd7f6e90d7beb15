import { App, Checkbox, Col, DatePicker, Form, Input, Row, Select } from 'antd'
import type { Dayjs } from 'dayjs'
import dayjs from 'dayjs'
import { useEffect, useState } from 'react'
import { APPROVAL_MEETINGS, CATEGORY_NUMBERS, categoryLabel, VOTER_CATEGORIES, type VoterInput, type VoterRow, VOTER_LABELS } from '../../../../shared/voter'
import { fieldChanges } from '../../../../shared/changes'
import { api, ApiError, unwrap } from '../../api/client'
import { confirmChanges } from '../../components/confirmChanges'
import { FormModal } from '../../components/FormModal'
import { showFormErrors } from '../../components/formErrors'

interface Values {
  idNumber: string
  name: string
  ethnicity: string
  groupName: string
  category: 1 | 2 | 3
  address: string
  approvalDate: Dayjs | null
  approvalMeeting: (typeof APPROVAL_MEETINGS)[number] | null
  deprived: boolean
  note: string
}

export function VoterForm({
  open,
  villageId,
  voter,
  onClose,
  onSaved,
  onOpenVoter
}: {
  open: boolean
  villageId: number
  voter: VoterRow | null
  onClose: () => void
  onSaved: (v: VoterRow) => void
  /** Shows the voter an add collided with, in this dialog. */
  onOpenVoter: (id: number) => void
}) {
  const app = App.useApp()
  const [form] = Form.useForm<Values>()
  const [saving, setSaving] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const category = Form.useWatch('category', form)

  useEffect(() => setProblem(null), [open, voter])
  const values: Partial<Values> = voter
    ? { ...voter, approvalDate: voter.approvalDate ? dayjs(voter.approvalDate) : null }
    : { category: 1, deprived: false }

  const save = async (data: VoterInput) => {
    if (!voter) return unwrap(api.voters.create(data))
    const changes = fieldChanges({ ...voter }, { ...data }, VOTER_LABELS, { category: (n) => categoryLabel(n as 1 | 2 | 3) })
    const answer = await confirmChanges(app, `修改选民“${voter.name}”的以下内容？`, changes)
    if (answer !== 'save') return answer
    return unwrap(api.voters.update({ id: voter.id, data }))
  }

  const offerExisting = (e: unknown) => {
    const existing = e instanceof ApiError ? e.error.existing : undefined
    if (existing?.kind !== 'voter') return false
    app.modal.confirm({
      title: '该身份证号已经登记',
      content: (e as ApiError).message,
      okText: '打开该选民',
      cancelText: '返回',
      onOk: () => onOpenVoter(existing.id)
    })
    return true
  }

  const submit = async (v: Values) => {
    setSaving(true)
    setProblem(null)
    const data = { ...v, villageId, approvalDate: v.approvalDate ? v.approvalDate.format('YYYY-MM-DD') : null, deprived: !!v.deprived }
    try {
      const saved = await save(data)
      if (saved === 'unchanged') onClose()
      else if (saved !== 'back') onSaved(saved)
    } catch (e) {
      const shown = showFormErrors(form, e, 'data.')
      if (!offerExisting(e)) setProblem(shown)
    } finally {
      setSaving(false)
    }
  }

  return (
    <FormModal open={open} title={voter ? `修改选民：${voter.name}` : '登记选民'} width={720} form={form} values={values} session={voter?.id ?? 'new'} saving={saving} problem={problem} onClose={onClose}>
      <Form form={form} layout="vertical" onFinish={submit} aria-label="选民信息">
        <Row gutter={16}>
          <Col span={10}>
            <Form.Item name="idNumber" label="公民身份号码" rules={[{ required: true, message: '请填写身份证号' }]} extra="性别和年龄按身份证号计算">
              <Input autoFocus maxLength={20} disabled={!!voter} />
            </Form.Item>
          </Col>
          <Col span={7}>
            <Form.Item name="name" label="姓名" rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}>
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col span={7}>
            <Form.Item name="ethnicity" label="民族">
              <Input maxLength={20} placeholder="如：汉族" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="groupName" label="村民小组">
              <Input maxLength={30} placeholder="如：一组" />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item name="address" label="住址">
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="category" label="登记类别" rules={[{ required: true }]}>
              <Select
                options={CATEGORY_NUMBERS.map((n) => ({ value: n, label: categoryLabel(n), title: VOTER_CATEGORIES[n].full }))}
              />
            </Form.Item>
          </Col>
          {category === 3 && (
            <>
              <Col span={12}>
                <Form.Item name="approvalMeeting" label="同意参加选举的会议" rules={[{ required: true, message: '三类选民须经会议同意' }]}>
                  <Select options={APPROVAL_MEETINGS.map((m) => ({ value: m, label: m }))} />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item name="approvalDate" label="同意日期" rules={[{ required: true, message: '请填写同意日期' }]}>
                  <DatePicker style={{ width: '100%' }} />
                </Form.Item>
              </Col>
            </>
          )}
          <Col span={24}>
            <Form.Item name="deprived" valuePropName="checked">
              <Checkbox>依法被剥夺政治权利（登记在册，但不列入选民名单）</Checkbox>
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="note" label="备注">
              <Input maxLength={200} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </FormModal>
  )
}
