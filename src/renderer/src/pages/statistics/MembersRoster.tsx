import { App, Button, DatePicker, Form, Input, Modal, Popconfirm, Segmented, Select, Table, Tag } from 'antd'
import type { Dayjs } from 'dayjs'
import { useState } from 'react'
import { ALL_POSTS, type MemberRow, type Term } from '../../../../shared/election'
import { BODIES, POSTS } from '../../../../shared/election-rules'
import { maskIdNumber } from '../../../../shared/person'
import { EDUCATION_LEVELS, POLITICAL_STATUSES } from '../../../../shared/structure-stats'
import { api, unwrap } from '../../api/client'
import { useResource } from '../../api/useResource'
import { LoadState } from '../../components/LoadState'
import { showFormErrors } from '../../components/formErrors'
import { VillageSelect } from '../../components/VillageSelect'
import { useUnsavedEdits } from '../../lib/unsavedEdits'

const options = (xs: readonly string[]) => [{ value: '', label: '（未填）' }, ...xs.map((x) => ({ value: x, label: x }))]

/** The members of both committees by term; 政治面貌 and 学历 are completed here for the statistics. */
export function MembersRoster() {
  const { message } = App.useApp()
  const [term, setTerm] = useState<Term>('本届')
  const [adding, setAdding] = useState(false)
  const roster = useResource(() => unwrap(api.members.roster({ term })), [term])

  const setAttr = async (m: MemberRow, patch: Partial<Pick<MemberRow, 'politicalStatus' | 'education' | 'fulltimeEducation'>>) => {
    try {
      await unwrap(api.members.updateAttributes({ id: m.id, politicalStatus: m.politicalStatus, education: m.education, fulltimeEducation: m.fulltimeEducation, ...patch } as never))
      roster.reload()
    } catch (e) {
      message.error((e as Error).message)
    }
  }

  return (
    <>
      <div className="toolbar">
        <Segmented<Term> options={['本届', '上届']} value={term} onChange={setTerm} aria-label="届别" />
        <Button onClick={() => setAdding(true)}>登记{term}成员</Button>
        <span style={{ color: '#888' }}>本届成员由选举结果自动产生；上届成员请登记或导入。</span>
      </div>
      <LoadState loading={roster.loading && !roster.data} error={roster.error} onRetry={roster.reload}>
        <Table<MemberRow>
          rowKey="id"
          size="small"
          dataSource={roster.data ?? []}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          locale={{ emptyText: `还没有${term}两委成员` }}
          columns={[
            { title: '村社', dataIndex: 'villageName', width: 100 },
            { title: '组织', dataIndex: 'body', width: 80 },
            { title: '职务', dataIndex: 'post', width: 70 },
            { title: '姓名', dataIndex: 'name', width: 80 },
            { title: '性别', dataIndex: 'sex', width: 60 },
            { title: '年龄', dataIndex: 'age', width: 60, render: (a: number | null, m) => (a === null ? <Tag>不详</Tag> : <span title={`按${m.referenceDate}计算`}>{a}</span>) },
            { title: '身份证号', dataIndex: 'idNumber', width: 180, render: (id: string | null) => maskIdNumber(id) },
            {
              title: '政治面貌',
              dataIndex: 'politicalStatus',
              width: 140,
              render: (v: string, m) => <Select size="small" aria-label={`${m.name}政治面貌`} value={v} style={{ width: 128 }} options={options(POLITICAL_STATUSES)} onChange={(x) => setAttr(m, { politicalStatus: x })} />
            },
            {
              title: '最高学历',
              dataIndex: 'education',
              width: 120,
              render: (v: string, m) => <Select size="small" aria-label={`${m.name}最高学历`} value={v} style={{ width: 108 }} options={options(EDUCATION_LEVELS)} onChange={(x) => setAttr(m, { education: x })} />
            },
            {
              title: '全日制学历',
              dataIndex: 'fulltimeEducation',
              width: 120,
              render: (v: string, m) => <Select size="small" aria-label={`${m.name}全日制学历`} value={v} style={{ width: 108 }} options={options(EDUCATION_LEVELS)} onChange={(x) => setAttr(m, { fulltimeEducation: x })} />
            },
            {
              title: '来源',
              key: 'src',
              width: 140,
              render: (_, m) =>
                m.electionId !== null ? (
                  <Tag color="blue">选举结果 {m.electedOn}</Tag>
                ) : (
                  <Popconfirm title={`删除${m.name}的成员记录？`} okText="删除" cancelText="取消" onConfirm={async () => (await unwrap(api.members.remove({ id: m.id })), roster.reload())}>
                    <Button type="link" danger size="small">
                      删除
                    </Button>
                  </Popconfirm>
                )
            }
          ]}
        />
      </LoadState>
      <AddMember open={adding} term={term} onClose={() => setAdding(false)} onSaved={() => (setAdding(false), roster.reload())} />
    </>
  )
}

function AddMember({ open, term, onClose, onSaved }: { open: boolean; term: Term; onClose: () => void; onSaved: () => void }) {
  const [form] = Form.useForm()
  useUnsavedEdits(form, open)
  const [villageId, setVillageId] = useState<number | null>(null)
  const body = Form.useWatch('body', form) as (typeof BODIES)[number] | undefined
  const [problem, setProblem] = useState<string | null>(null)
  return (
    <Modal open={open} title={`登记${term}两委成员`} okText="保存" cancelText="取消" onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      {problem && <div style={{ color: '#b71c1c', marginBottom: 8 }}>{problem}</div>}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ body: '村委会', post: '委员', politicalStatus: '', education: '', fulltimeEducation: '' }}
        onFinish={async (v: Record<string, unknown> & { electedOn?: Dayjs }) => {
          if (!villageId) return setProblem('请选择村社')
          try {
            await unwrap(api.members.create({ ...(v as object), villageId, term, electedOn: v.electedOn ? v.electedOn.format('YYYY-MM-DD') : null } as Parameters<typeof api.members.create>[0]))
            onSaved()
          } catch (e) {
            setProblem(showFormErrors(form, e))
          }
        }}
      >
        <Form.Item label="村社" required>
          <VillageSelect value={villageId} onChange={setVillageId} width={300} />
        </Form.Item>
        <Form.Item name="body" label="组织">
          <Segmented options={[...BODIES]} />
        </Form.Item>
        <Form.Item name="post" label="职务">
          <Select options={(body ? POSTS[body] : ALL_POSTS).map((p) => ({ value: p, label: p }))} />
        </Form.Item>
        <Form.Item name="name" label="姓名" rules={[{ required: true, message: '请填写姓名' }]}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="idNumber" label="公民身份号码" extra="性别和年龄按身份证号计算">
          <Input maxLength={20} />
        </Form.Item>
        <Form.Item name="electedOn" label="当选日期（年龄按此日计算）">
          <DatePicker />
        </Form.Item>
        <Form.Item name="politicalStatus" label="政治面貌">
          <Select options={options(POLITICAL_STATUSES)} />
        </Form.Item>
        <Form.Item name="education" label="最高学历">
          <Select options={options(EDUCATION_LEVELS)} />
        </Form.Item>
        <Form.Item name="fulltimeEducation" label="全日制学历">
          <Select options={options(EDUCATION_LEVELS)} />
        </Form.Item>
      </Form>
    </Modal>
  )
}
