import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons'
import { Alert, App, Button, Card, Empty, Space, Tag } from 'antd'
import { useState } from 'react'
import type { ElectionRecord, VillageResultReport } from '../../../../shared/election'
import { BODY_NAMES, type Body } from '../../../../shared/election-rules'
import { api, unwrap } from '../../api/client'
import { useResource } from '../../api/useResource'
import { LoadState } from '../../components/LoadState'
import { VillageSelect } from '../../components/VillageSelect'
import type { CountSheet } from '../../../../shared/count-sheet'
import { CountSheetsPanel } from './CountSheetsPanel'
import { DecisionView } from './DecisionView'
import { ElectionForm, type SheetEntry } from './ElectionForm'

export function ElectionsPage() {
  const [villageId, setVillageId] = useState<number | null>(null)
  return (
    <div className="page">
      <div className="page-header">
        <h2>选举结果</h2>
        <VillageSelect value={villageId} onChange={setVillageId} />
      </div>
      {villageId === null ? <Empty description="请先选择村社，再录入或查看该村的选举结果" /> : <VillageResults villageId={villageId} />}
    </div>
  )
}

function VillageResults({ villageId }: { villageId: number }) {
  const { message, modal } = App.useApp()
  const report = useResource(() => unwrap(api.elections.report({ villageId })), [villageId])
  const rules = useResource(() => unwrap(api.elections.rules()), [])
  const village = useResource(() => unwrap(api.villages.get({ id: villageId })), [villageId])
  const counts = useResource(() => unwrap(api.voters.counts({ villageId })), [villageId])
  const sheets = useResource(() => unwrap(api.countSheets.list({ villageId })), [villageId])
  const [editing, setEditing] = useState<{ body: Body; election: ElectionRecord | null; sheet?: SheetEntry } | null>(null)
  const reload = () => {
    report.reload()
    sheets.reload()
  }

  const remove = (e: ElectionRecord) =>
    modal.confirm({
      title: `删除${e.heldOn}${e.round}的结果？`,
      content: '由这次选举产生的本届两委成员也会一并删除。',
      okText: '删除',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: async () => {
        await unwrap(api.elections.remove({ id: e.id }))
        message.success('已删除')
        report.reload()
      }
    })

  const defaults = (body: Body) => ({
    heldOn: (body === '党组织' ? village.data?.partyElectionDate : village.data?.committeeElectionDate) ?? null,
    registered: body === '党组织' ? (village.data?.partyMembers ?? null) : counts.data?.total.eligible || null
  })

  return (
    <LoadState loading={report.loading && !report.data} error={report.error} onRetry={report.reload}>
      {report.data && (
        <Space orientation="vertical" style={{ width: '100%' }} size={16}>
          {report.data.bodies.map((b) => (
            <BodyCard
              key={b.body}
              data={b}
              sheets={(sheets.data ?? []).filter((s) => s.body === b.body)}
              onAdd={() => setEditing({ body: b.body, election: null })}
              onEnter={() => setEditing({ body: b.body, election: null, sheet: { sheetId: null, entryNo: 1, correcting: null } })}
              onSecond={(s: CountSheet) => setEditing({ body: b.body, election: null, sheet: { sheetId: s.id, entryNo: 2, correcting: null } })}
              onCorrect={(e) => setEditing({ body: b.body, election: e, sheet: { sheetId: null, entryNo: 1, correcting: e } })}
              onResolved={reload}
              onEdit={(e) => setEditing({ body: b.body, election: e })}
              onRemove={remove}
            />
          ))}
        </Space>
      )}
      {editing && (
        <ElectionForm
          open
          villageId={villageId}
          body={editing.body}
          election={editing.election}
          sheet={editing.sheet ?? null}
          defaults={defaults(editing.body)}
          thresholds={rules.data?.thresholds}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            setEditing(null)
            message.success(saved ? '已保存选举结果，本届两委成员已按当选结果更新' : '已保存本次录入')
            reload()
          }}
        />
      )}
    </LoadState>
  )
}

function BodyCard({
  data,
  sheets,
  onAdd,
  onEnter,
  onSecond,
  onCorrect,
  onResolved,
  onEdit,
  onRemove
}: {
  data: VillageResultReport['bodies'][number]
  sheets: CountSheet[]
  onAdd: () => void
  onEnter: () => void
  onSecond: (s: CountSheet) => void
  onCorrect: (e: ElectionRecord) => void
  onResolved: () => void
  onEdit: (e: ElectionRecord) => void
  onRemove: (e: ElectionRecord) => void
}) {
  return (
    <Card
      title={BODY_NAMES[data.body]}
      extra={
        <Space>
          <Button type="primary" icon={<PlusOutlined />} onClick={onEnter}>
            双人录入{data.body}计票单
          </Button>
          <Button icon={<PlusOutlined />} onClick={onAdd}>
            录入{data.body}选举结果
          </Button>
        </Space>
      }
    >
      <CountSheetsPanel sheets={sheets} onSecond={onSecond} onResolved={onResolved} />
      {data.elections.length === 0 ? (
        <Empty description="还没有录入选举结果" />
      ) : (
        <Space orientation="vertical" style={{ width: '100%' }} size={12}>
          <div aria-label={`${data.body}当选人员`}>
            当选：
            {data.elected.length === 0
              ? '无'
              : data.elected.map((m) => (
                  <Tag key={`${m.electionId}-${m.post}-${m.name}`} color={m.sex === '女' ? 'magenta' : 'blue'}>
                    {m.post} {m.name}
                    {m.round === '另行选举' ? '（另行选举）' : ''}
                  </Tag>
                ))}
          </div>
          {data.flags.map((f) => (
            <Alert key={f} type="warning" showIcon title={f} />
          ))}
          {data.elections.map((e) => (
            <Card
              key={e.id}
              size="small"
              type="inner"
              title={
                <Space>
                  {`${e.heldOn} ${e.round}`}
                  {e.locked ? <Tag color="green">双人核对一致 · 已锁定 · 第{e.version}版</Tag> : <Tag>单人录入，未双人核对</Tag>}
                </Space>
              }
              extra={
                e.locked ? (
                  <Button type="link" icon={<EditOutlined />} onClick={() => onCorrect(e)}>
                    更正
                  </Button>
                ) : (
                  <Space size={0}>
                    <Button type="link" icon={<EditOutlined />} onClick={() => onEdit(e)}>
                      修改
                    </Button>
                    <Button type="link" danger icon={<DeleteOutlined />} onClick={() => onRemove(e)}>
                      删除
                    </Button>
                  </Space>
                )
              }
            >
              <p style={{ marginTop: 0, color: '#555' }}>
                {e.body === '党组织' ? `应到会${e.registered}人，实到${e.present}人` : `登记选民${e.registered}人`}；发出选票{e.issued}张，收回{e.returned}张，有效{e.valid}张，无效{e.invalid}张
              </p>
              <DecisionView decision={e.decision} />
            </Card>
          ))}
        </Space>
      )}
    </Card>
  )
}
