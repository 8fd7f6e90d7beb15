import { Col, DatePicker, Form, Input, Row } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useState } from 'react'
import { HANDOVER_ITEM_LABELS, type HandoverItemKey, type HandoverItemRecord } from '../../../../shared/handover'
import { api, unwrap } from '../../api/client'
import { FormModal } from '../../components/FormModal'
import { showFormErrors } from '../../components/formErrors'
import { dateProps, fromIso, toIso } from '../../lib/dates'

interface Values {
  handedBy: string
  receivedBy: string
  supervisedBy: string
  handedOn: Dayjs | null
  note: string
}

/** The three who sign for an item; the 监交人 is the township's. */
const PEOPLE = [
  ['handedBy', '移交人', undefined],
  ['receivedBy', '接收人', undefined],
  ['supervisedBy', '监交人', '乡镇（街道）监交人员']
] as const

/** Records one item of a village's handover: who handed it over, who received it, the township's 监交人, when. */
export function HandoverItemForm({
  villageId,
  item,
  record,
  last,
  onClose,
  onSaved
}: {
  villageId: number
  item: HandoverItemKey | null
  record: HandoverItemRecord | null
  /** The item recorded before: the same three people usually sign for every item. */
  last: HandoverItemRecord | null
  onClose: () => void
  onSaved: () => void
}) {
  const [form] = Form.useForm<Values>()
  const [problem, setProblem] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const from = record ?? last
  const values: Values = {
    handedBy: from?.handedBy ?? '',
    receivedBy: from?.receivedBy ?? '',
    supervisedBy: from?.supervisedBy ?? '',
    handedOn: fromIso(from?.handedOn) ?? dayjs(),
    note: record?.note ?? ''
  }

  const submit = async (v: Values) => {
    if (!item) return
    setSaving(true)
    setProblem(null)
    try {
      await unwrap(api.handover.record({ ...v, villageId, item, handedOn: toIso(v.handedOn) ?? '' }))
      onSaved()
    } catch (e) {
      setProblem(showFormErrors(form, e))
    } finally {
      setSaving(false)
    }
  }

  return (
    <FormModal
      open={item !== null}
      title={item ? `登记移交：${HANDOVER_ITEM_LABELS[item]}` : ''}
      width={640}
      form={form}
      values={values}
      session={item ?? ''}
      saving={saving}
      problem={problem}
      onClose={onClose}
    >
      <Form form={form} layout="vertical" onFinish={submit} aria-label="移交事项">
        <Row gutter={16}>
          {PEOPLE.map(([name, label, tip]) => (
            <Col span={8} key={name}>
              <Form.Item name={name} label={label} tooltip={tip} rules={[{ required: true, whitespace: true, message: `请填写${label}` }]}>
                <Input maxLength={50} />
              </Form.Item>
            </Col>
          ))}
          <Col span={8}>
            <Form.Item name="handedOn" label="移交日期" rules={[{ required: true, message: '请选择移交日期' }]}>
              <DatePicker {...dateProps} aria-label="移交日期" />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item name="note" label="备注" tooltip="数量、清单页数、遗留问题等">
              <Input maxLength={1000} />
            </Form.Item>
          </Col>
        </Row>
        <button type="submit" hidden aria-hidden />
      </Form>
    </FormModal>
  )
}
