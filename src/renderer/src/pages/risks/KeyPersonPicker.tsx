import { Alert, Form, Input, Modal, Radio, Select } from 'antd'
import { useState } from 'react'
import { maskIdNumber } from '../../../../shared/person'
import type { RiskItemDetail } from '../../../../shared/risk'
import { api, unwrap } from '../../api/client'
import { useResource } from '../../api/useResource'
import { showFormErrors } from '../../components/formErrors'
import { useOnOpen } from '../../lib/useOnOpen'
import { ledgerApi, type Ledger } from './ledger'

interface Values {
  personId?: number
  name?: string
  idNumber?: string
  phone?: string
  role?: string
}

/** Picks a key person from the persons register (by name, pinyin or ID number), or adds a new one to it. */
export function KeyPersonPicker({ ledger = 'risks', open, item, onClose, onSaved }: { ledger?: Ledger; open: boolean; item: RiskItemDetail; onClose: () => void; onSaved: () => void }) {
  const [form] = Form.useForm<Values>()
  const [mode, setMode] = useState<'existing' | 'new'>('existing')
  const [search, setSearch] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const found = useResource(() => (open ? unwrap(api.risks.searchPersons({ search, villageId: search ? null : item.villageId })) : Promise.resolve([])), [open, search])

  useOnOpen(open, () => setProblem(null))

  const submit = async (v: Values) => {
    setProblem(null)
    try {
      await unwrap(
        ledgerApi(ledger).addKeyPerson({
          riskItemId: item.id,
          role: v.role ?? '',
          personId: mode === 'existing' ? (v.personId ?? null) : null,
          newPerson: mode === 'new' ? { name: v.name ?? '', idNumber: v.idNumber || null, phone: v.phone ?? '', villageId: item.villageId } : null
        })
      )
      form.resetFields()
      onSaved()
    } catch (e) {
      setProblem(showFormErrors(form, e, 'newPerson.'))
    }
  }

  return (
    <Modal open={open} title="添加重点人员" okText="添加" cancelText="取消" onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} />}
      <Radio.Group value={mode} onChange={(e) => setMode(e.target.value)} style={{ marginBottom: 12 }} optionType="button">
        <Radio value="existing">从人员库选择</Radio>
        <Radio value="new">新增人员</Radio>
      </Radio.Group>
      <Form form={form} layout="vertical" onFinish={submit} aria-label="重点人员">
        {mode === 'existing' ? (
          <Form.Item name="personId" label="人员" rules={[{ required: true, message: '请选择人员' }]} extra="输入姓名、拼音首字母或身份证号查找；未输入时列出本村人员">
            <Select
              showSearch={{ filterOption: false, onSearch: setSearch }}
              aria-label="查找人员"
              loading={found.loading}
              notFoundContent={found.loading ? '正在查找…' : '人员库中没有找到，可改为“新增人员”'}
              options={(found.data ?? []).map((p) => ({ value: p.id, label: `${p.name}${p.idNumber ? `（${maskIdNumber(p.idNumber)}）` : ''}` }))}
            />
          </Form.Item>
        ) : (
          <>
            <Form.Item name="name" label="姓名" rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}>
              <Input maxLength={50} />
            </Form.Item>
            <Form.Item name="idNumber" label="公民身份号码" extra="可不填；填写后会校验，并自动得出性别和出生日期">
              <Input maxLength={18} />
            </Form.Item>
            <Form.Item name="phone" label="联系电话">
              <Input maxLength={30} />
            </Form.Item>
          </>
        )}
        <Form.Item name="role" label="身份/关系">
          <Input maxLength={50} placeholder="如：赵姓族长、上访户" />
        </Form.Item>
        <button type="submit" hidden aria-hidden />
      </Form>
    </Modal>
  )
}
