import { DeleteOutlined, PlusOutlined } from '@ant-design/icons'
import { Alert, Button, Col, Divider, Drawer, Form, Input, Row, Select, Space } from 'antd'
import { useEffect, useState } from 'react'
import { DEFAULT_TAGS, EDUCATION_LEVELS, POLITICAL_STATUSES, type PersonRecordInput } from '../../../../shared/cadre'
import { checkIdNumber } from '../../../../shared/idcard'
import { SEXES } from '../../../../shared/person'
import { api, unwrap } from '../../api/client'
import { useResource } from '../../api/useResource'
import { showFormErrors } from '../../components/formErrors'
import { filterByLabel, type PersonPageData } from './vetting-ui'
import { markClean, useUnsavedEdits } from '../../lib/unsavedEdits'

const EMPTY: PersonRecordInput = {
  person: { idNumber: '', name: '', sex: null, birthDate: null, ethnicity: '汉族', villageId: null, phone: '' },
  profile: {},
  resume: [],
  family: [],
  tags: []
}

const ym = { placeholder: '如 1998.09', maxLength: 7 }

/** Adds or edits a person's whole cadre record; a valid ID fills birth date and sex as it is typed. */
export function PersonForm({
  open,
  record,
  onClose,
  onSaved
}: {
  open: boolean
  record: PersonPageData | null
  onClose: () => void
  onSaved: (personId: number) => void
}) {
  const [form] = Form.useForm<PersonRecordInput>()
  useUnsavedEdits(form, open)
  const [saving, setSaving] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const [idHint, setIdHint] = useState<string | null>(null)
  const villages = useResource(() => unwrap(api.villages.list({})), [])
  const tags = useResource(() => unwrap(api.persons.tags()), [])

  useEffect(() => {
    if (!open) return
    setProblem(null)
    setIdHint(null)
    form.resetFields()
    form.setFieldsValue(
      record
        ? { person: { ...record.person, idNumber: record.person.idNumber ?? '' }, profile: record.profile, resume: record.resume, family: record.family, tags: record.tags }
        : EMPTY
    )
  }, [open, record, form])

  const onIdChange = (raw: string) => {
    if (raw.trim().length < 15) return setIdHint(null)
    const r = checkIdNumber(raw)
    if (r.ok) {
      form.setFieldsValue({ person: { sex: r.sex, birthDate: r.birthDate } })
      form.setFields([{ name: ['person', 'idNumber'], errors: [] }])
      setIdHint(`出生日期 ${r.birthDate}，${r.sex}`)
    } else setIdHint(r.reason)
  }

  const submit = async (values: PersonRecordInput) => {
    setSaving(true)
    setProblem(null)
    try {
      const data = { ...values, person: { ...values.person, birthDate: values.person.birthDate || null, sex: values.person.sex ?? null } }
      const saved = record ? await unwrap(api.persons.update({ id: record.person.id, data })) : await unwrap(api.persons.create(data))
      // Saved: opening the new person's page is not leaving unsaved edits.
      markClean(form)
      onSaved(saved.person.id)
    } catch (e) {
      setProblem(showFormErrors(form, e, 'data.'))
    } finally {
      setSaving(false)
    }
  }

  const eduFields = (key: 'fullTimeEducation' | 'inServiceEducation', label: string) => (
    <>
      <Col span={6}>
        <Form.Item name={['profile', key, 'level']} label={`${label}学历`}>
          <Select allowClear options={EDUCATION_LEVELS.map((l) => ({ value: l, label: l }))} />
        </Form.Item>
      </Col>
      <Col span={6}>
        <Form.Item name={['profile', key, 'degree']} label="学位">
          <Input maxLength={30} />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item name={['profile', key, 'school']} label="毕业院校及专业">
          <Input maxLength={100} />
        </Form.Item>
      </Col>
    </>
  )

  return (
    <Drawer
      open={open}
      title={record ? `编辑人员：${record.person.name}` : '新增人员'}
      size={960}
      onClose={onClose}
      destroyOnHidden
      maskClosable={false}
      extra={
        <Space>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()}>
            保存
          </Button>
        </Space>
      }
    >
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={submit} requiredMark="optional" aria-label="人员信息">
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item name={['person', 'name']} label="姓名" rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}>
              <Input autoFocus maxLength={50} />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item
              name={['person', 'idNumber']}
              label="公民身份号码"
              extra={idHint}
              validateStatus={idHint && !idHint.startsWith('出生日期') ? 'warning' : undefined}
            >
              <Input maxLength={20} onChange={(e) => onIdChange(e.target.value)} placeholder="18位，末位可为X" />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name={['person', 'sex']} label="性别">
              <Select allowClear options={SEXES.map((s) => ({ value: s, label: s }))} aria-label="性别" />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name={['person', 'birthDate']} label="出生日期" rules={[{ pattern: /^\d{4}-\d{2}-\d{2}$/, message: '格式 YYYY-MM-DD' }]}>
              <Input placeholder="YYYY-MM-DD" maxLength={10} />
            </Form.Item>
          </Col>
          <Col span={4}>
            <Form.Item name={['person', 'ethnicity']} label="民族">
              <Input maxLength={20} />
            </Form.Item>
          </Col>
          <Col span={7}>
            <Form.Item name={['person', 'villageId']} label="所在村社">
              <Select
                allowClear
                showSearch={{ filterOption: filterByLabel }}
                options={(villages.data ?? []).map((v) => ({ value: v.id, label: v.name }))}
              />
            </Form.Item>
          </Col>
          <Col span={7}>
            <Form.Item name={['person', 'phone']} label="联系电话">
              <Input maxLength={30} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name={['profile', 'politicalStatus']} label="政治面貌">
              <Select allowClear options={POLITICAL_STATUSES.map((s) => ({ value: s, label: s }))} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name={['profile', 'partyJoined']} label="入党时间">
              <Input {...ym} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name={['profile', 'workStarted']} label="参加工作时间">
              <Input {...ym} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name={['profile', 'health']} label="健康状况">
              <Input maxLength={30} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name={['profile', 'nativePlace']} label="籍贯">
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name={['profile', 'birthPlace']} label="出生地">
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="tags" label="背景标签">
              <Select
                mode="tags"
                options={[...new Set([...DEFAULT_TAGS, ...(tags.data ?? [])])].map((t) => ({ value: t, label: t }))}
                aria-label="背景标签"
              />
            </Form.Item>
          </Col>
          {eduFields('fullTimeEducation', '全日制')}
          {eduFields('inServiceEducation', '在职')}
          <Col span={8}>
            <Form.Item name={['profile', 'professionalTitle']} label="专业技术职务">
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name={['profile', 'specialty']} label="熟悉专业有何专长">
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name={['profile', 'currentPosition']} label="现任职务">
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name={['profile', 'proposedPosition']} label="拟任职务" tooltip="提名为人选后，登记表按提名的拟任职务填写">
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name={['profile', 'dismissedPosition']} label="拟免职务">
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name={['profile', 'appointmentReason']} label="任免理由">
              <Input maxLength={1000} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name={['profile', 'rewards']} label="奖惩情况">
              <Input.TextArea rows={2} maxLength={2000} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name={['profile', 'appraisals']} label="年度考核结果">
              <Input.TextArea rows={2} maxLength={1000} />
            </Form.Item>
          </Col>
        </Row>
        <Divider titlePlacement="start">简历</Divider>
        <Form.List name="resume">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="start" style={{ display: 'flex' }}>
                  <Form.Item name={[f.name, 'start']} rules={[{ required: true, message: '起始年月' }]}>
                    <Input {...ym} style={{ width: 110 }} aria-label="起始年月" />
                  </Form.Item>
                  <span style={{ lineHeight: '32px' }}>--</span>
                  <Form.Item name={[f.name, 'end']}>
                    <Input placeholder="至今留空" maxLength={7} style={{ width: 110 }} aria-label="截止年月" />
                  </Form.Item>
                  <Form.Item name={[f.name, 'text']} rules={[{ required: true, message: '请填写经历' }]}>
                    <Input maxLength={200} style={{ width: 520 }} placeholder="单位及职务，如 某某村党支部委员" aria-label="经历" />
                  </Form.Item>
                  <Button icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label="删除此行" />
                </Space>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ start: '', end: '', text: '' })}>
                添加简历
              </Button>
            </>
          )}
        </Form.List>
        <Divider titlePlacement="start">家庭主要成员及重要社会关系</Divider>
        <Form.List name="family">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="start" style={{ display: 'flex' }}>
                  <Form.Item name={[f.name, 'relation']} rules={[{ required: true, message: '称谓' }]}>
                    <Input placeholder="称谓" maxLength={20} style={{ width: 80 }} aria-label="称谓" />
                  </Form.Item>
                  <Form.Item name={[f.name, 'name']} rules={[{ required: true, message: '姓名' }]}>
                    <Input placeholder="姓名" maxLength={50} style={{ width: 110 }} aria-label="成员姓名" />
                  </Form.Item>
                  <Form.Item name={[f.name, 'birthYearMonth']}>
                    <Input {...ym} style={{ width: 100 }} aria-label="出生年月" />
                  </Form.Item>
                  <Form.Item name={[f.name, 'politicalStatus']}>
                    <Input placeholder="政治面貌" maxLength={20} style={{ width: 110 }} aria-label="政治面貌" />
                  </Form.Item>
                  <Form.Item name={[f.name, 'workUnit']}>
                    <Input placeholder="工作单位及职务" maxLength={200} style={{ width: 300 }} aria-label="工作单位及职务" />
                  </Form.Item>
                  <Button icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label="删除此行" />
                </Space>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ relation: '', name: '', birthYearMonth: '', politicalStatus: '', workUnit: '' })}>
                添加家庭成员
              </Button>
            </>
          )}
        </Form.List>
        <button type="submit" hidden aria-hidden />
      </Form>
    </Drawer>
  )
}
