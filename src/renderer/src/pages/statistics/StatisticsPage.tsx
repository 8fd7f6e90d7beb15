import { App, Button, Card, Empty, Space, Statistic, Table, Tabs, Tag, Tooltip, type TableColumnsType } from 'antd'
import { shareText, type Share, type StructureStats, type TrendItem } from '../../../../shared/structure-stats'
import { api, unwrap } from '../../api/client'
import { saveFile } from '../../api/platform'
import { useResource } from '../../api/useResource'
import { LoadState } from '../../components/LoadState'
import { MembersRoster } from './MembersRoster'
import { StructureCharts } from './StructureCharts'

type Row = { villageId: number | null; villageName: string; incoming: StructureStats; outgoing: StructureStats }

const shareCol = (title: string, pick: (s: StructureStats) => Share): TableColumnsType<Row>[number] => ({
  title,
  key: title,
  align: 'right',
  render: (_, r) => (
    <Tooltip title={`上届：${shareText(pick(r.outgoing))}`}>
      <span>{shareText(pick(r.incoming))}</span>
    </Tooltip>
  )
})

const COLUMNS: TableColumnsType<Row> = [
  { title: '村社', dataIndex: 'villageName', fixed: 'left', width: 110 },
  { title: '两委成员', key: 'members', align: 'right', render: (_, r) => `${r.incoming.members}（上届${r.outgoing.members}）` },
  shareCol('一肩挑', (s) => s.oneShoulder),
  shareCol('交叉任职', (s) => s.cross),
  shareCol('党员', (s) => s.party),
  shareCol('女性', (s) => s.women),
  { title: '女书记/女主任', key: 'wf', align: 'right', render: (_, r) => `${r.incoming.womenSecretaries}/${r.incoming.womenDirectors}` },
  {
    title: '平均年龄',
    key: 'age',
    align: 'right',
    render: (_, r) => `${r.incoming.averageAge ?? '—'}（上届${r.outgoing.averageAge ?? '—'}）`
  },
  shareCol('35岁及以下', (s) => s.age35),
  shareCol('45岁及以下', (s) => s.age45),
  shareCol('50岁及以下', (s) => s.age50),
  shareCol('60岁以上', (s) => s.over60),
  shareCol('大专及以上', (s) => s.college),
  shareCol('全日制本科及以上', (s) => s.fulltimeBachelor)
]

function TrendTable({ items }: { items: TrendItem[] }) {
  return (
    <section aria-label="五升一降">
    <Table<TrendItem>
      rowKey="label"
      size="small"
      pagination={false}
      dataSource={items}
      columns={[
        { title: '项目', dataIndex: 'label', render: (l: string, t) => `${l}（${t.direction}）` },
        { title: '上届', dataIndex: 'outgoing', align: 'right' },
        { title: '本届', dataIndex: 'incoming', align: 'right' },
        {
          title: '结果',
          dataIndex: 'met',
          render: (m: boolean | null) => (m === null ? <Tag>无法比较</Tag> : m ? <Tag color="green">达成</Tag> : <Tag color="red">未达成</Tag>)
        },
        { title: '说明', dataIndex: 'reason' }
      ]}
    />
    </section>
  )
}

export function StatisticsPage() {
  const { message } = App.useApp()
  const data = useResource(() => unwrap(api.statistics.structure()), [])
  const t = data.data?.township
  const exportStructure = () =>
    unwrap(api.exports.file({ table: 'structure', format: 'xlsx' }))
      .then((f) => saveFile(f.fileName, f.base64, f.mime))
      .catch((e: Error) => message.error(e.message))
  return (
    <div className="page">
      <div className="page-header">
        <h2>结构统计</h2>
        <Button onClick={() => void exportStructure()}>导出换届结构统计表</Button>
      </div>
      <Tabs
        destroyOnHidden
        onChange={data.reload}
        items={[
          {
            key: 'structure',
            label: '换届结构统计',
            children: (
              <LoadState loading={data.loading && !data.data} error={data.error} onRetry={data.reload}>
                {t && t.incoming.members + t.outgoing.members === 0 ? (
                  <Empty description="还没有两委成员。录入选举结果，或在“两委成员”中登记上届成员后，这里显示结构统计。" />
                ) : (
                  t && (
                    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
                      <Card size="small" title="全乡镇（本届）">
                        <Space size={36} wrap aria-label="全乡镇结构">
                          <Statistic title="两委成员" value={t.incoming.members} suffix="人" />
                          <Statistic title="一肩挑" value={shareText(t.incoming.oneShoulder)} />
                          <Statistic title="交叉任职" value={shareText(t.incoming.cross)} />
                          <Statistic title="党员" value={shareText(t.incoming.party)} />
                          <Statistic title="女性" value={shareText(t.incoming.women)} />
                          <Statistic title="平均年龄" value={t.incoming.averageAge ?? '—'} suffix={t.incoming.averageAge === null ? '' : '岁'} />
                        </Space>
                      </Card>
                      <Card size="small" title="“五升一降”对照">
                        <TrendTable items={t.trend} />
                      </Card>
                      <Card size="small">
                        <StructureCharts incoming={t.incoming} outgoing={t.outgoing} />
                      </Card>
                      <Card size="small" title="分村统计（本届；鼠标停留显示上届）">
                        <Table<Row>
                          rowKey={(r) => String(r.villageId)}
                          size="small"
                          scroll={{ x: 1500 }}
                          pagination={false}
                          dataSource={[...data.data!.villages, t]}
                          columns={COLUMNS}
                        />
                      </Card>
                    </Space>
                  )
                )}
              </LoadState>
            )
          },
          { key: 'members', label: '两委成员', children: <MembersRoster /> }
        ]}
      />
    </div>
  )
}
