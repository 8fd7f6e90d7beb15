import { ArrowLeftOutlined, DeleteOutlined, EditOutlined, FilePdfOutlined, UploadOutlined } from '@ant-design/icons'
import { App, Button, Card, Col, Descriptions, Empty, Image, Row, Space, Table, Tag } from 'antd'
import { useRef, useState } from 'react'
import { PROFILE_LABELS as L } from '../../../../shared/cadre'
import { todayIso } from '../../../../shared/dates'
import { ageOn } from '../../../../shared/idcard'
import { api, unwrap } from '../../api/client'
import { useResource } from '../../api/useResource'
import { LoadState } from '../../components/LoadState'
import { useSaveExported } from '../exports/ExportButton'
import { FindingsCard } from './FindingsCard'
import { PersonForm } from './PersonForm'
import { ProposeForm } from './ProposeForm'
import { VettingPanel } from './VettingPanel'

const edu = (e: { level: string | null; degree: string; school: string }) => [e.level, e.degree, e.school].filter(Boolean).join('　')

/** Everything about one person, unmasked: the cadre record, photo, 负面清单 and the candidacy with its vetting. */
export function PersonPage({ personId }: { personId: number }) {
  const { message, modal } = App.useApp()
  const [editOpen, setEditOpen] = useState(false)
  const [proposeOpen, setProposeOpen] = useState(false)
  const [exporting, setExporting] = useState(false)
  const save = useSaveExported()
  const fileInput = useRef<HTMLInputElement>(null)
  const page = useResource(() => unwrap(api.persons.get({ id: personId })), [personId])
  const villages = useResource(() => unwrap(api.villages.list({})), [])
  const photo = useResource(() => unwrap(api.persons.photo({ id: personId })), [personId, page.data?.hasPhoto])
  const d = page.data
  const villageName = (id: number | null) => villages.data?.find((v) => v.id === id)?.name ?? ''

  const upload = async (file: File | undefined) => {
    if (!file) return
    const bytes = new Uint8Array(await file.arrayBuffer())
    let binary = ''
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
    const r = await api.persons.setPhoto({ id: personId, base64: btoa(binary) })
    if (r.ok) {
      message.success('照片已保存')
      page.reload()
      photo.reload()
    } else modal.error({ title: '照片未保存', content: r.error.message, okText: '知道了' })
  }

  /** The candidate's own 人选登记表, through the same export as the batches. */
  const exportDossier = async (candidateId: number) => {
    setExporting(true)
    try {
      await save(await unwrap(api.exports.file({ table: 'dossier', format: 'pdf', villageId: null, candidateId })))
    } catch (e) {
      message.error((e as Error).message)
    } finally {
      setExporting(false)
    }
  }

  const remove = () =>
    modal.confirm({
      title: `删除人员“${d?.person.name}”？`,
      content: '删除后其干部信息、简历、家庭成员和照片一并删除；已被提名的人员不能删除。',
      okText: '删除',
      cancelText: '取消',
      okButtonProps: { danger: true },
      onOk: async () => {
        const r = await api.persons.remove({ id: personId })
        if (r.ok) {
          message.success('已删除')
          window.location.hash = '#/candidates/people'
        } else modal.error({ title: '不能删除', content: r.error.message, okText: '知道了' })
      }
    })

  return (
    <div className="page">
      <div className="page-header">
        <Space>
          <Button icon={<ArrowLeftOutlined />} href="#/candidates" aria-label="返回人选库" />
          <h2>{d ? d.person.name : '人员'}</h2>
          {d?.tags.map((t) => <Tag key={t}>{t}</Tag>)}
        </Space>
        {d && (
          <Space>
            {d.candidacy && (
              <Button icon={<FilePdfOutlined />} loading={exporting} onClick={() => void exportDossier(d.candidacy!.id)}>
                导出人选登记表
              </Button>
            )}
            <Button icon={<EditOutlined />} onClick={() => setEditOpen(true)}>
              编辑
            </Button>
            <Button danger icon={<DeleteOutlined />} onClick={remove}>
              删除
            </Button>
          </Space>
        )}
      </div>
      <LoadState loading={page.loading && !d} error={page.error} onRetry={page.reload}>
        {d && (
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Card size="small" title="基本信息">
              <Row gutter={16}>
                <Col flex="auto">
                  <Descriptions size="small" column={3} bordered aria-label="基本信息">
                    <Descriptions.Item label="公民身份号码">{d.person.idNumber ?? '未登记'}</Descriptions.Item>
                    <Descriptions.Item label="性别">{d.person.sex ?? ''}</Descriptions.Item>
                    <Descriptions.Item label="出生日期">
                      {d.person.birthDate ?? ''}
                      {d.person.birthDate ? `（${ageOn(d.person.birthDate, todayIso())}岁）` : ''}
                    </Descriptions.Item>
                    <Descriptions.Item label="民族">{d.person.ethnicity}</Descriptions.Item>
                    <Descriptions.Item label="所在村社">{villageName(d.person.villageId)}</Descriptions.Item>
                    <Descriptions.Item label="联系电话">{d.person.phone}</Descriptions.Item>
                    <Descriptions.Item label={L.politicalStatus}>{d.profile.politicalStatus ?? ''}</Descriptions.Item>
                    <Descriptions.Item label={L.partyJoined}>{d.profile.partyJoined}</Descriptions.Item>
                    <Descriptions.Item label={L.workStarted}>{d.profile.workStarted}</Descriptions.Item>
                    <Descriptions.Item label={L.nativePlace}>{d.profile.nativePlace}</Descriptions.Item>
                    <Descriptions.Item label={L.birthPlace}>{d.profile.birthPlace}</Descriptions.Item>
                    <Descriptions.Item label={L.health}>{d.profile.health}</Descriptions.Item>
                    <Descriptions.Item label={L.fullTimeEducation} span={3}>{edu(d.profile.fullTimeEducation)}</Descriptions.Item>
                    <Descriptions.Item label={L.inServiceEducation} span={3}>{edu(d.profile.inServiceEducation)}</Descriptions.Item>
                    <Descriptions.Item label={L.professionalTitle}>{d.profile.professionalTitle}</Descriptions.Item>
                    <Descriptions.Item label={L.specialty}>{d.profile.specialty}</Descriptions.Item>
                    <Descriptions.Item label={L.currentPosition}>{d.profile.currentPosition}</Descriptions.Item>
                    <Descriptions.Item label={L.dismissedPosition}>{d.profile.dismissedPosition}</Descriptions.Item>
                    <Descriptions.Item label={L.appointmentReason}>{d.profile.appointmentReason}</Descriptions.Item>
                    <Descriptions.Item label={L.rewards} span={3}>{d.profile.rewards}</Descriptions.Item>
                    <Descriptions.Item label={L.appraisals} span={3}>{d.profile.appraisals}</Descriptions.Item>
                  </Descriptions>
                </Col>
                <Col flex="160px" style={{ textAlign: 'center' }}>
                  {photo.data ? (
                    <Image width={132} src={`data:${photo.data.mime};base64,${photo.data.base64}`} alt="照片" />
                  ) : (
                    <div style={{ width: 132, height: 176, border: '1px dashed #ccc', display: 'flex', alignItems: 'center', justifyContent: 'center', color: '#999', margin: '0 auto' }}>
                      无照片
                    </div>
                  )}
                  <input ref={fileInput} type="file" accept="image/jpeg,image/png" hidden onChange={(e) => upload(e.target.files?.[0])} aria-label="选择照片" />
                  <Button size="small" icon={<UploadOutlined />} style={{ marginTop: 8 }} onClick={() => fileInput.current?.click()}>
                    上传照片
                  </Button>
                  {photo.data && (
                    <Button size="small" type="link" danger onClick={async () => (await api.persons.removePhoto({ id: personId }), page.reload())}>
                      删除照片
                    </Button>
                  )}
                </Col>
              </Row>
            </Card>
            <Row gutter={16}>
              <Col span={12}>
                <Card size="small" title="简历">
                  {d.resume.length === 0 ? (
                    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="未填写简历" />
                  ) : (
                    d.resume.map((l, i) => (
                      <div key={i} style={{ lineHeight: 1.9 }}>
                        <span style={{ display: 'inline-block', width: 140, fontFamily: 'monospace' }}>
                          {l.start}--{l.end || '　　　　'}
                        </span>
                        {l.text}
                      </div>
                    ))
                  )}
                </Card>
              </Col>
              <Col span={12}>
                <Card size="small" title="家庭主要成员及重要社会关系">
                  <Table
                    size="small"
                    pagination={false}
                    rowKey={(_, i) => String(i)}
                    dataSource={d.family}
                    locale={{ emptyText: '未填写' }}
                    columns={[
                      { title: '称谓', dataIndex: 'relation', width: 60 },
                      { title: '姓名', dataIndex: 'name', width: 80 },
                      { title: '出生年月', dataIndex: 'birthYearMonth', width: 80 },
                      { title: '政治面貌', dataIndex: 'politicalStatus', width: 90 },
                      { title: '工作单位及职务', dataIndex: 'workUnit' }
                    ]}
                  />
                </Card>
              </Col>
            </Row>
            <FindingsCard personId={personId} findings={d.findings} onChanged={page.reload} />
            {d.candidacy ? (
              <VettingPanel candidate={d.candidacy} onChanged={page.reload} />
            ) : (
              <Card size="small" title="人选">
                <Empty description="此人尚未被提名为人选">
                  <Button type="primary" onClick={() => setProposeOpen(true)}>
                    提名为人选
                  </Button>
                </Empty>
              </Card>
            )}
          </Space>
        )}
      </LoadState>
      <PersonForm
        open={editOpen}
        record={d ?? null}
        onClose={() => setEditOpen(false)}
        onSaved={() => {
          setEditOpen(false)
          message.success('已保存')
          page.reload()
        }}
      />
      <ProposeForm
        open={proposeOpen}
        candidate={null}
        personId={personId}
        villageId={d?.person.villageId}
        onClose={() => setProposeOpen(false)}
        onSaved={() => {
          setProposeOpen(false)
          message.success('已提名')
          page.reload()
        }}
      />
    </div>
  )
}
