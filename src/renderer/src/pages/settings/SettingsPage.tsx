import { Card, Descriptions, Table, Tag } from 'antd'
import { api, unwrap } from '../../api/client'
import { useResource } from '../../api/useResource'
import { LoadState } from '../../components/LoadState'
import { RiskPlanSettings } from '../risks/RiskPlanSettings'
import { TownshipDaysCard } from './TownshipDaysCard'
import { VotingRulesCard } from './VotingRulesCard'
import { OfficialCalendarCard } from './OfficialCalendarCard'
import { VettingSettings } from '../candidates/VettingSettings'

const ACTIONS: Record<string, { label: string; color: string }> = {
  create: { label: '新增', color: 'green' },
  update: { label: '修改', color: 'blue' },
  delete: { label: '删除', color: 'red' },
  import: { label: '导入', color: 'purple' },
  backup: { label: '备份', color: 'default' }
}

export function SettingsPage() {
  const info = useResource(() => unwrap(api.app.info()), [])
  const audit = useResource(() => unwrap(api.audit.list({ limit: 200 })), [])
  return (
    <div className="page">
      <div className="page-header">
        <h2>设置</h2>
      </div>
      <Card title="数据文件" size="small" style={{ marginBottom: 16 }}>
        <LoadState loading={info.loading} error={info.error} onRetry={info.reload}>
          {info.data && (
            <Descriptions column={1} size="small">
              <Descriptions.Item label="数据库文件">{info.data.dbPath}</Descriptions.Item>
              <Descriptions.Item label="数据版本">
                {info.data.dataVersion}（本程序支持到 {info.data.supportedVersion}）
              </Descriptions.Item>
              {info.data.backupBeforeMigration && (
                <Descriptions.Item label="升级前备份">{info.data.backupBeforeMigration}</Descriptions.Item>
              )}
            </Descriptions>
          )}
        </LoadState>
      </Card>
      <VettingSettings />
      <RiskPlanSettings />
      <TownshipDaysCard />
      <VotingRulesCard />
      <OfficialCalendarCard />
      <Card title="操作记录（最近 200 条）" size="small">
        <LoadState loading={audit.loading} error={audit.error} onRetry={audit.reload}>
          <Table
            rowKey="id"
            size="small"
            dataSource={audit.data ?? []}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            locale={{ emptyText: '还没有操作记录' }}
            columns={[
              { title: '时间', dataIndex: 'at', width: 200, render: (t: string) => t.replace('T', ' ').slice(0, 19) },
              { title: '操作人', dataIndex: 'actor', width: 100 },
              {
                title: '操作',
                dataIndex: 'action',
                width: 80,
                render: (a: string) => <Tag color={ACTIONS[a]?.color}>{ACTIONS[a]?.label ?? a}</Tag>
              },
              { title: '内容', dataIndex: 'summary' }
            ]}
          />
        </LoadState>
      </Card>
    </div>
  )
}
