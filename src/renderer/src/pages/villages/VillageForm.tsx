import { App, Col, DatePicker, Form, Input, InputNumber, Row, Select } from 'antd'
import { FormModal } from '../../components/FormModal'
import dayjs, { type Dayjs } from 'dayjs'
import { useEffect, useState } from 'react'
import { COMMITTEE_SEATS, PARTY_SEATS, VILLAGE_GRADES, VILLAGE_KINDS, VILLAGE_LABELS as L, type Village, type VillageInput } from '../../../../shared/village'
import { api, unwrap } from '../../api/client'
import { showFormErrors } from '../../components/formErrors'
import { confirmChanges } from '../../components/confirmChanges'
import { fieldChanges } from '../../../../shared/changes'
import { inRange } from '../../components/range'

type FormValues = Omit<VillageInput, 'partyElectionDate' | 'committeeElectionDate'> & {
  partyElectionDate?: Dayjs | null
  committeeElectionDate?: Dayjs | null
}

const EMPTY: FormValues = {
  name: '',
  kind: '村',
  township: '',
  divisionCode: '',
  households: null,
  population: null,
  partyMembers: null,
  partySeats: null,
  committeeSeats: null,
  grade: '一般村',
  leader: '',
  residentCadre: '',
  firstSecretary: '',
  partyElectionDate: null,
  committeeElectionDate: null,
  note: ''
}

function toForm(v: Village): FormValues {
  return {
    ...v,
    divisionCode: v.divisionCode ?? '',
    partyElectionDate: v.partyElectionDate ? dayjs(v.partyElectionDate) : null,
    committeeElectionDate: v.committeeElectionDate ? dayjs(v.committeeElectionDate) : null
  }
}

function toInput(f: FormValues): VillageInput {
  const num = (x: unknown) => (x === undefined || x === null || x === '' ? null : Number(x))
  return {
    name: f.name ?? '',
    kind: f.kind,
    township: f.township ?? '',
    divisionCode: f.divisionCode ? String(f.divisionCode) : null,
    households: num(f.households),
    population: num(f.population),
    partyMembers: num(f.partyMembers),
    partySeats: num(f.partySeats),
    committeeSeats: num(f.committeeSeats),
    grade: f.grade,
    leader: f.leader ?? '',
    residentCadre: f.residentCadre ?? '',
    firstSecretary: f.firstSecretary ?? '',
    partyElectionDate: f.partyElectionDate ? f.partyElectionDate.format('YYYY-MM-DD') : null,
    committeeElectionDate: f.committeeElectionDate ? f.committeeElectionDate.format('YYYY-MM-DD') : null,
    note: f.note ?? ''
  }
}

export function VillageForm({
  open,
  village,
  defaultTownship,
  onClose,
  onSaved
}: {
  open: boolean
  village: Village | null
  defaultTownship: string
  onClose: () => void
  onSaved: (v: Village) => void
}) {
  const app = App.useApp()
  const [form] = Form.useForm<FormValues>()
  const [saving, setSaving] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)

  useEffect(() => setProblem(null), [open, village])
  const values = village ? toForm(village) : { ...EMPTY, township: defaultTownship }

  const submit = async (values: FormValues) => {
    setSaving(true)
    setProblem(null)
    try {
      const input = toInput(values)
      if (!village) return onSaved(await unwrap(api.villages.create(input)))
      const answer = await confirmChanges(app, `修改“${village.name}”的以下内容？`, fieldChanges({ ...village }, { ...input }, L))
      if (answer === 'unchanged') onClose()
      if (answer === 'save') onSaved(await unwrap(api.villages.update({ id: village.id, data: input })))
    } catch (e) {
      setProblem(showFormErrors(form, e, 'data.'))
    } finally {
      setSaving(false)
    }
  }

  const dateProps = { style: { width: '100%' }, format: 'YYYY-MM-DD', placeholder: '选择日期' }
  return (
    <FormModal open={open} title={village ? `编辑村社：${village.name}` : '新增村社'} width={820} form={form} values={values} session={village?.id ?? 'new'} saving={saving} problem={problem} onClose={onClose}>
      <Form form={form} layout="vertical" onFinish={submit} aria-label="村社信息">
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item name="name" label={L.name} rules={[{ required: true, whitespace: true, message: '请填写名称' }]}>
              <Input autoFocus maxLength={50} placeholder="如：龙山村" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="kind" label={L.kind} rules={[{ required: true }]}>
              <Select options={VILLAGE_KINDS.map((k) => ({ value: k, label: k }))} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="grade" label={L.grade}>
              <Select options={VILLAGE_GRADES.map((g) => ({ value: g, label: g }))} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="township" label={L.township}>
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="divisionCode" label={L.divisionCode} rules={[{ pattern: /^\d{12}$/, message: '应为12位数字' }]}>
              <Input maxLength={12} inputMode="numeric" placeholder="12位统计用区划代码，可不填" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="leader" label={L.leader}>
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          {(['households', 'population', 'partyMembers'] as const).map((k) => (
            <Col span={8} key={k}>
              <Form.Item name={k} label={L[k]} rules={[inRange(0)]}>
                <InputNumber precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          ))}
          <Col span={8}>
            <Form.Item name="partySeats" label={L.partySeats} rules={[inRange(PARTY_SEATS.min, PARTY_SEATS.max, '人')]}>
              <InputNumber precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="committeeSeats" label={L.committeeSeats} rules={[inRange(COMMITTEE_SEATS.min, COMMITTEE_SEATS.max, '人')]}>
              <InputNumber precision={0} style={{ width: '100%' }} placeholder="3至7人" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="firstSecretary" label={L.firstSecretary}>
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="residentCadre" label={L.residentCadre}>
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="partyElectionDate" label={L.partyElectionDate}>
              <DatePicker {...dateProps} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="committeeElectionDate" label={L.committeeElectionDate}>
              <DatePicker {...dateProps} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="note" label={L.note}>
              <Input.TextArea rows={2} maxLength={1000} />
            </Form.Item>
          </Col>
        </Row>
        <button type="submit" hidden aria-hidden />
      </Form>
    </FormModal>
  )
}
