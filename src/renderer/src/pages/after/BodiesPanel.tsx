import { App, Button, Card, Col, Form, Input, Row, Select, Space, Table, Tag } from 'antd'
import { useState } from 'react'
import { BODY_LABELS, BODY_POSTS, bodyCounts, OTHER_BODIES, type BodyMemberRow, type OtherBody } from '../../../../shared/bodies'
import { api, unwrap } from '../../api/client'
import { useResource } from '../../api/useResource'
import { FormModal } from '../../components/FormModal'
import { LoadState } from '../../components/LoadState'
import { VillageSelect } from '../../components/VillageSelect'
import { showFormErrors } from '../../components/formErrors'
import { ExportButton } from '../exports/ExportButton'

interface Values {
  post: string
  name: string
  idNumber: string
  sex: '男' | '女' | null
  groupName: string
  note: string
}

/** 监督委员会, 村民代表, 村民小组长 of one village: who sits where, with the law's checks shown beside. */
export function BodiesPanel() {
  const { message, modal } = App.useApp()
  const [villageId, setVillageId] = useState<number | null>(null)
  const [adding, setAdding] = useState<OtherBody | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [form] = Form.useForm<Values>()
  const roster = useResource(() => unwrap(api.bodies.roster({ body: null, villageId })), [villageId])
  const rows = roster.data ?? []
  const c = bodyCounts(rows)

  const submit = async (v: Values) => {
    if (!adding || villageId === null) return
    setProblem(null)
    try {
      await unwrap(api.bodies.create({ ...v, villageId, body: adding }))
      setAdding(null)
      roster.reload()
    } catch (e) {
      setProblem(showFormErrors(form, e))
    }
  }

  const remove = (r: BodyMemberRow) =>
    modal.confirm({
      title: `将“${r.name}”移出${BODY_LABELS[r.body]}？`,
      content: '人员本身仍保留在人员库中。',
      okText: '移出',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: async () => {
        const res = await api.bodies.remove({ id: r.id })
        if (res.ok) roster.reload()
        else message.error(res.error.message)
      }
    })

  const flags = [
    c.supervisors > 0 && !c.supervisorsComplete ? '监督委员会应有3至5名成员并设主任' : null,
    !c.womenShareMet ? `女性村民代表${c.womenRepresentatives}/${c.representatives}名，不足三分之一` : null
  ].filter(Boolean)

  return (
    <LoadState loading={roster.loading && !roster.data} error={roster.error} onRetry={roster.reload}>
      <div className="toolbar">
        <Space>
          <VillageSelect allowAll value={villageId} onChange={setVillageId} ariaLabel="其他组织村社" />
          {flags.map((f) => (
            <Tag color="red" key={f}>
              {f}
            </Tag>
          ))}
        </Space>
        <ExportButton tables={['supervisors', 'representatives', 'group-leaders']} />
      </div>
      <Row gutter={16}>
        {OTHER_BODIES.map((body) => (
          <Col span={8} key={body}>
            <Card
              size="small"
              title={`${BODY_LABELS[body]}（${rows.filter((r) => r.body === body).length}）`}
              extra={
                <Button size="small" disabled={villageId === null} title={villageId === null ? '请先选择村社' : undefined} onClick={() => {
                  setProblem(null)
                  setAdding(body)
                }}>
                  登记
                </Button>
              }
            >
              <Table
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={rows.filter((r) => r.body === body)}
                locale={{ emptyText: '尚未登记' }}
                columns={[
                  ...(villageId === null ? [{ title: '村社', dataIndex: 'villageName' }] : []),
                  { title: '姓名', dataIndex: 'name' },
                  { title: '性别', dataIndex: 'sex', width: 50 },
                  { title: body === '监督委员会' ? '职务' : '小组', render: (_: unknown, r: BodyMemberRow) => (body === '监督委员会' ? r.post : r.groupName) },
                  { title: '', width: 50, render: (_: unknown, r: BodyMemberRow) => <Button type="link" size="small" danger onClick={() => remove(r)}>移出</Button> }
                ]}
              />
            </Card>
          </Col>
        ))}
      </Row>
      <FormModal
        open={adding !== null}
        title={adding ? `登记${BODY_LABELS[adding]}成员` : ''}
        form={form}
        values={{ post: adding ? BODY_POSTS[adding][BODY_POSTS[adding].length - 1] : '', name: '', idNumber: '', sex: null, groupName: '', note: '' }}
        session={adding ?? ''}
        problem={problem}
        onClose={() => setAdding(null)}
      >
        <Form form={form} layout="vertical" onFinish={submit} aria-label="组织成员">
          <Form.Item name="name" label="姓名" rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}>
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item name="idNumber" label="公民身份号码">
            <Input maxLength={18} />
          </Form.Item>
          <Form.Item name="sex" label="性别" tooltip="填写身份证号时按号码确定">
            <Select aria-label="性别" allowClear options={[{ value: '男', label: '男' }, { value: '女', label: '女' }]} />
          </Form.Item>
          <Form.Item name="post" label="职务">
            <Select aria-label="职务" options={(adding ? BODY_POSTS[adding] : []).map((p) => ({ value: p, label: p }))} />
          </Form.Item>
          {adding !== '监督委员会' && (
            <Form.Item name="groupName" label="村民小组" rules={adding === '村民小组长' ? [{ required: true, whitespace: true, message: '请填写村民小组' }] : []}>
              <Input maxLength={30} />
            </Form.Item>
          )}
          <Form.Item name="note" label="备注">
            <Input maxLength={500} />
          </Form.Item>
          <button type="submit" hidden aria-hidden />
        </Form>
      </FormModal>
    </LoadState>
  )
}
