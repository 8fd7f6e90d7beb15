import { Tabs } from 'antd'
import { HandoverPanel } from './HandoverPanel'
import { BodiesPanel } from './BodiesPanel'
import { LookbackPanel } from './LookbackPanel'

/** 换届后: what the township sees through after election day. */
export function AfterVotePage() {
  return (
    <div className="page">
      <h2>换届后工作</h2>
      <Tabs
        items={[
          { key: 'handover', label: '工作移交', children: <HandoverPanel /> },
          { key: 'lookback', label: '回头看', children: <LookbackPanel /> },
          { key: 'bodies', label: '其他组织', children: <BodiesPanel /> }
        ]}
      />
    </div>
  )
}
