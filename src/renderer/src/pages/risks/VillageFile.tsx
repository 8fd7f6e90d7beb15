import { HistoryOutlined, PlusOutlined } from '@ant-design/icons'
import { App, Alert, Button, Card, Descriptions, Empty, Form, Input, Popover, Select, Space, Table, Tabs, Tag, Timeline } from 'antd'
import { FormModal } from '../../components/FormModal'
import { useState } from 'react'
import { VILLAGE_GRADES, type VillageGrade } from '../../../../shared/village'
import { api, unwrap } from '../../api/client'
import { useResource } from '../../api/useResource'
import { LoadState } from '../../components/LoadState'
import { showFormErrors } from '../../components/formErrors'
import { GRADE_COLORS } from '../villages/VillagesPage'
import { RecordSections } from './RecordSections'
import { RiskItemDrawer } from './RiskItemDrawer'
import { RiskItemForm } from './RiskItemForm'
import { VillagePlan } from './VillagePlan'
import { useOnOpen } from '../../lib/useOnOpen'

export const STATUS_COLORS: Record<string, string> = { 未化解: 'red', 化解中: 'orange', 已化解: 'green' }

/** One village's whole risk file: grade with its history, risk items, the plan and the plain records. */
export function VillageFile({ villageId, onVillage }: { villageId: number | null; onVillage: (id: number) => void }) {
  const villages = useResource(() => unwrap(api.villages.list({})), [])
  const file = useResource(() => (villageId ? unwrap(api.risks.villageFile({ villageId })) : Promise.resolve(null)), [villageId])
  const [gradeOpen, setGradeOpen] = useState(false)
  const [itemForm, setItemForm] = useState(false)
  const [openItem, setOpenItem] = useState<number | null>(null)
  const f = file.data

  return (
    <div>
      <div className="toolbar">
        <Select
          showSearch
          placeholder="选择村社"
          style={{ width: 260 }}
          value={villageId ?? undefined}
          optionFilterProp="label"
          aria-label="选择村社"
          options={(villages.data ?? []).map((v) => ({ value: v.id, label: v.name }))}
          onChange={(id: number) => onVillage(id)}
          notFoundContent="没有村社"
        />
        {f && (
          <>
            <Tag color={GRADE_COLORS[f.village.grade]} style={{ fontSize: 14, padding: '2px 10px' }} data-testid="village-grade">
              {f.village.grade}
            </Tag>
            <Button onClick={() => setGradeOpen(true)}>调整分级</Button>
            <Popover
              title="分级记录"
              content={
                f.gradeHistory.length === 0 ? (
                  '还没有分级记录'
                ) : (
                  <Timeline
                    items={f.gradeHistory.map((g) => ({
                      color: GRADE_COLORS[g.grade],
                      content: `${g.setAt.replace('T', ' ').slice(0, 16)} ${g.setBy}：${g.previousGrade ?? ''} → ${g.grade}。理由：${g.reason}`
                    }))}
                  />
                )
              }
            >
              <Button icon={<HistoryOutlined />}>分级记录</Button>
            </Popover>
          </>
        )}
      </div>
      {!villageId ? (
        <Empty description="请选择一个村社查看其风险档案" />
      ) : (
        <LoadState loading={file.loading && !f} error={file.error} onRetry={file.reload}>
          {f && (
            <>
              {f.unattended.length > 0 && (
                <Alert
                  type="warning"
                  showIcon
                  style={{ marginBottom: 12 }}
                  title={`超过 ${f.talkIntervalDays} 天未谈话的重点人员：${f.unattended.map((u) => `${u.name}（${u.lastTalkOn ?? '从未谈话'}）`).join('、')}`}
                />
              )}
              <Descriptions size="small" column={4} style={{ marginBottom: 12 }}>
                <Descriptions.Item label="包村领导">{f.village.leader || '—'}</Descriptions.Item>
                <Descriptions.Item label="驻村干部">{f.village.residentCadre || '—'}</Descriptions.Item>
                <Descriptions.Item label="走访户数">{f.workTotals.households}</Descriptions.Item>
                <Descriptions.Item label="谈话人次">{f.workTotals.talks}</Descriptions.Item>
              </Descriptions>
              <Tabs
                items={[
                  {
                    key: 'items',
                    label: `风险事项（${f.items.filter((i) => i.status !== '已化解').length} 未化解）`,
                    children: (
                      <Card
                        size="small"
                        title="风险事项（一账一策一人）"
                        extra={
                          <Button type="primary" icon={<PlusOutlined />} onClick={() => setItemForm(true)}>
                            登记风险事项
                          </Button>
                        }
                      >
                        <Table
                          rowKey="id"
                          size="small"
                          pagination={false}
                          dataSource={f.items}
                          locale={{ emptyText: '该村还没有登记风险事项' }}
                          rowClassName={(r) => (r.overdue ? 'row-overdue' : '')}
                          onRow={(r) => ({ onClick: () => setOpenItem(r.id), style: { cursor: 'pointer' } })}
                          columns={[
                            { title: '类型', dataIndex: 'type', width: 90 },
                            { title: '描述', dataIndex: 'description', ellipsis: true },
                            { title: '重点人员', dataIndex: 'keyPersonNames', width: 140, ellipsis: true },
                            { title: '责任领导', dataIndex: 'responsibleLeader', width: 80 },
                            { title: '责任干部', dataIndex: 'responsibleCadre', width: 80 },
                            {
                              title: '时限',
                              dataIndex: 'deadline',
                              width: 120,
                              render: (d: string | null, r) => (r.overdue ? <Tag color="red">{d} 逾期</Tag> : (d ?? '—'))
                            },
                            { title: '状态', dataIndex: 'status', width: 80, render: (s: string) => <Tag color={STATUS_COLORS[s]}>{s}</Tag> }
                          ]}
                        />
                      </Card>
                    )
                  },
                  { key: 'plan', label: '倒排工期', children: <VillagePlan villageId={f.village.id} /> },
                  { key: 'records', label: '应急预案与工作记录', children: <RecordSections villageId={f.village.id} onChanged={file.reload} /> }
                ]}
              />
              <GradeModal
                open={gradeOpen}
                villageId={f.village.id}
                current={f.village.grade}
                onClose={() => setGradeOpen(false)}
                onSaved={() => {
                  setGradeOpen(false)
                  file.reload()
                }}
              />
              <RiskItemForm
                open={itemForm}
                villageId={f.village.id}
                item={null}
                onClose={() => setItemForm(false)}
                onSaved={(id) => {
                  setItemForm(false)
                  file.reload()
                  setOpenItem(id)
                }}
              />
              <RiskItemDrawer id={openItem} onClose={() => setOpenItem(null)} onChanged={file.reload} />
            </>
          )}
        </LoadState>
      )}
    </div>
  )
}

function GradeModal({ open, villageId, current, onClose, onSaved }: { open: boolean; villageId: number; current: VillageGrade; onClose: () => void; onSaved: () => void }) {
  const { message } = App.useApp()
  const [form] = Form.useForm<{ grade: VillageGrade; reason: string }>()
  const [problem, setProblem] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  useOnOpen(open, () => {
    setProblem(null)
    form.setFieldsValue({ grade: current, reason: '' })
  })
  return (
    <FormModal open={open} title="调整村社分级" form={form} saving={saving} problem={problem} onClose={onClose}>
      <Form
        form={form}
        layout="vertical"
        aria-label="调整分级"
        onFinish={async (v) => {
          setSaving(true)
          try {
            await unwrap(api.risks.setGrade({ villageId, ...v }))
            message.success(`已定为${v.grade}`)
            onSaved()
          } catch (e) {
            setProblem(showFormErrors(form, e))
          } finally {
            setSaving(false)
          }
        }}
      >
        <Form.Item name="grade" label="分级" rules={[{ required: true }]}>
          <Select options={VILLAGE_GRADES.map((g) => ({ value: g, label: g }))} aria-label="分级" />
        </Form.Item>
        <Form.Item name="reason" label="定级理由" rules={[{ required: true, whitespace: true, message: '请填写定级理由' }]}>
          <Input.TextArea rows={3} maxLength={500} placeholder="如：宗族矛盾突出，上届选举曾发生争议" />
        </Form.Item>
        <Space style={{ color: '#888' }}>分级变更会记入分级记录和操作记录。</Space>
        <button type="submit" hidden aria-hidden />
      </Form>
    </FormModal>
  )
}
