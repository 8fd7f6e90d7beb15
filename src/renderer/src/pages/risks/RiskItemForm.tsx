import { AutoComplete, Col, DatePicker, Form, Input, Row, Select } from 'antd'
import { FormModal } from '../../components/FormModal'
import dayjs, { type Dayjs } from 'dayjs'
import { useOnOpen } from '../../lib/useOnOpen'
import { useState } from 'react'
import type { RiskItem } from '../../../../shared/risk'
import { RISK_SOURCES } from '../../../../shared/risk-rules'
import { api, unwrap } from '../../api/client'
import { useResource } from '../../api/useResource'
import { showFormErrors } from '../../components/formErrors'
import { dateProps, fromIso, toIso } from '../../lib/dates'
import { LEDGER_WORDS, ledgerApi, type Ledger } from './ledger'

interface Values {
  type: string
  description: string
  source: string
  measures: string
  responsibleLeader: string
  responsibleCadre: string
  deadline: Dayjs | null
  foundOn: Dayjs | null
}

/** Registers or edits one risk item; the types come from the settings. */
export function RiskItemForm({ ledger = 'risks', open, villageId, item, onClose, onSaved }: { ledger?: Ledger; open: boolean; villageId: number; item: RiskItem | null; onClose: () => void; onSaved: (id: number) => void }) {
  const [form] = Form.useForm<Values>()
  const [problem, setProblem] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const words = LEDGER_WORDS[ledger]
  const types = useResource(() => (ledger === 'lookback' ? unwrap(api.lookback.kinds()) : unwrap(api.risks.settings()).then((s) => s.riskTypes)), [open])

  const submit = async (v: Values) => {
    setSaving(true)
    setProblem(null)
    const data = { ...v, villageId, deadline: toIso(v.deadline), foundOn: toIso(v.foundOn) ?? '' }
    try {
      const items = ledgerApi(ledger)
      const saved = item ? await unwrap(items.update({ id: item.id, data })) : await unwrap(items.create(data))
      onSaved(saved.id)
    } catch (e) {
      setProblem(showFormErrors(form, e, 'data.'))
    } finally {
      setSaving(false)
    }
  }

  useOnOpen(open, () => {
    setProblem(null)
    form.setFieldsValue(
    item
    ? { ...item, deadline: fromIso(item.deadline), foundOn: fromIso(item.foundOn) }
    : { type: undefined, description: '', source: '', measures: '', responsibleLeader: '', responsibleCadre: '', deadline: null, foundOn: dayjs() }
    )
  })
  return (
    <FormModal open={open} title={`${item ? '修改' : '登记'}${words.noun}`} width={760} form={form} saving={saving} problem={problem} onClose={onClose}>
      <Form form={form} layout="vertical" onFinish={submit} aria-label={words.noun}>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item name="type" label={words.type} rules={[{ required: true, message: `请选择${words.type}` }]}>
              <Select aria-label={words.type} options={(types.data ?? []).map((t) => ({ value: t, label: t }))} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="source" label="来源">
              <AutoComplete aria-label="来源" options={RISK_SOURCES.map((s) => ({ value: s }))} placeholder="走访、信访、联审、举报…" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="foundOn" label="发现日期" rules={[{ required: true, message: '请选择发现日期' }]}>
              <DatePicker {...dateProps} aria-label="发现日期" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="description" label={words.description} rules={[{ required: true, whitespace: true, message: `请填写${words.description}` }]}>
              <Input.TextArea rows={3} maxLength={2000} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="measures" label="一村一策措施">
              <Input.TextArea rows={3} maxLength={4000} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="responsibleLeader" label="责任领导">
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="responsibleCadre" label="责任干部">
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="deadline" label="化解时限">
              <DatePicker {...dateProps} aria-label="化解时限" />
            </Form.Item>
          </Col>
        </Row>
        <button type="submit" hidden aria-hidden />
      </Form>
    </FormModal>
  )
}
