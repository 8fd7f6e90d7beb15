import { Col, Form, Input, Row, Select, Switch } from 'antd'
import { FormModal } from '../../components/FormModal'
import dayjs, { type Dayjs } from 'dayjs'
import { useEffect, useState } from 'react'
import { POOLS, SOURCE_UNKNOWN, SOURCES, type CandidateInput } from '../../../../shared/candidate'
import { COMMITTEE_SEAT_POSTS, isCrossServing, isOneShoulder, PARTY_SEAT_POSTS } from '../../../../shared/seats'
import { api, unwrap } from '../../api/client'
import { useResource } from '../../api/useResource'
import { showFormErrors } from '../../components/formErrors'
import { VillageSelect } from '../../components/VillageSelect'
import { dateText, type CandidateView } from './vetting-ui'
import { StepDate } from '../../components/StepDate'

type FormValues = Omit<CandidateInput, 'proposedOn'> & { proposedOn: Dayjs | null }

/** Proposes a person for a post in a village, or edits a proposal. */
export function ProposeForm({
  open,
  candidate,
  personId,
  villageId,
  onClose,
  onSaved
}: {
  open: boolean
  candidate: CandidateView | null
  personId?: number
  villageId?: number | null
  onClose: () => void
  onSaved: (c: CandidateView) => void
}) {
  const [form] = Form.useForm<FormValues>()
  const [saving, setSaving] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const [search, setSearch] = useState('')
  const people = useResource(() => unwrap(api.persons.list({ search })), [search])

  useEffect(() => {
    if (!open) return
    setProblem(null)
    form.resetFields()
    form.setFieldsValue(
      candidate
        ? { ...candidate, proposedOn: dayjs(candidate.proposedOn) } as FormValues
        : { personId, villageId: villageId ?? undefined, incumbent: false, pool: '初步人选', proposedOn: null } as FormValues
    )
  }, [open, candidate, personId, villageId, form])

  const submit = async (v: FormValues) => {
    setSaving(true)
    setProblem(null)
    try {
      const data = { ...v, partyPost: v.partyPost ?? null, committeePost: v.committeePost ?? null, proposedOn: dateText(v.proposedOn) ?? '', note: v.note ?? '' }
      const saved = candidate ? await unwrap(api.candidates.update({ id: candidate.id, data })) : await unwrap(api.candidates.propose(data))
      onSaved(saved)
    } catch (e) {
      setProblem(showFormErrors(form, e, 'data.'))
    } finally {
      setSaving(false)
    }
  }

  const partyPost = Form.useWatch('partyPost', form) ?? null
  const committeePost = Form.useWatch('committeePost', form) ?? null
  const seats = { partyPost, committeePost }
  const pairing = isOneShoulder(seats) ? '一肩挑（书记兼主任）' : isCrossServing(seats) ? '交叉任职' : '两边都任职时同时选择'
  const personOptions = (people.data ?? []).map((p) => ({ value: p.id, label: `${p.name}　${p.idNumber || '（无身份证号）'}` }))
  if (candidate && !personOptions.some((o) => o.value === candidate.personId)) personOptions.unshift({ value: candidate.personId, label: candidate.name })
  return (
    <FormModal open={open} title={candidate ? `修改提名：${candidate.name}` : '提名人选'} width={720} form={form} saving={saving} problem={problem} onClose={onClose}>
      <Form form={form} layout="vertical" onFinish={submit} aria-label="提名信息">
        <Row gutter={16}>
          <Col span={14}>
            <Form.Item name="personId" label="人员" rules={[{ required: true, message: '请选择人员' }]} extra="按姓名、拼音首字母或身份证号前几位查找">
              <Select
                showSearch={{ filterOption: false, onSearch: setSearch }}
                disabled={Boolean(candidate) || Boolean(personId)}
                options={personOptions}
                notFoundContent="没有找到，请先在“人员”中登记"
                aria-label="人员"
              />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item name="villageId" label="村社" rules={[{ required: true, message: '请选择村社' }]}>
              <VillageSelect width="100%" ariaLabel="村社" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="partyPost" label="拟任党组织职务">
              <Select allowClear placeholder="不任" options={PARTY_SEAT_POSTS.map((p) => ({ value: p, label: `党组织${p}` }))} aria-label="拟任党组织职务" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="committeePost" label="拟任村(居)委会职务" extra={pairing}>
              <Select allowClear placeholder="不任" options={COMMITTEE_SEAT_POSTS.map((p) => ({ value: p, label: `村(居)委会${p}` }))} aria-label="拟任村(居)委会职务" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="source" label="人选来源" rules={[{ required: true, message: '请选择来源' }]}>
              <Select
                options={[...SOURCES.map((s) => ({ value: s as string, label: s as string })), { value: SOURCE_UNKNOWN, label: '待补充' }]}
                aria-label="人选来源"
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="pool" label="人选类别">
              <Select options={POOLS.filter((p) => p !== '正式候选人').map((p) => ({ value: p, label: p }))} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="incumbent" label="现任干部" valuePropName="checked" extra="现任干部须经民主测评">
              <Switch checkedChildren="现任" unCheckedChildren="新提名" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="proposedOn" label="摸排日期" rules={[{ required: true, message: '请选择日期' }]}>
              <StepDate />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="note" label="备注">
              <Input.TextArea rows={2} maxLength={500} />
            </Form.Item>
          </Col>
        </Row>
        <button type="submit" hidden aria-hidden />
      </Form>
    </FormModal>
  )
}
