import { Tabs } from 'antd'
import { useEffect, useState } from 'react'
import { PlanTimeline } from './PlanTimeline'
import { TownshipBoard } from './TownshipBoard'
import { VillageFile } from './VillageFile'

type Tab = 'board' | 'village' | 'timeline'

/** The hash keeps the tab and the village: #/risks/village/12, so a reload or a link lands in the same place. */
function fromHash(): { tab: Tab; villageId: number | null } {
  const [, tab, id] = window.location.hash.replace(/^#\/?/, '').split('/')
  return { tab: tab === 'village' || tab === 'timeline' ? tab : 'board', villageId: id ? Number(id) || null : null }
}

export function RisksPage() {
  const [state, setState] = useState(fromHash)
  useEffect(() => {
    const onHash = () => setState(fromHash())
    window.addEventListener('hashchange', onHash)
    return () => window.removeEventListener('hashchange', onHash)
  }, [])
  const go = (tab: Tab, villageId: number | null = state.villageId) => {
    window.location.hash = `#/risks/${tab}${villageId ? `/${villageId}` : ''}`
  }
  return (
    <div className="page">
      <div className="page-header no-print">
        <h2>风险档案</h2>
      </div>
      <Tabs
        className="risk-tabs"
        activeKey={state.tab}
        onChange={(k) => go(k as Tab)}
        destroyOnHidden
        items={[
          { key: 'board', label: '挂图作战', children: <TownshipBoard onOpenVillage={(id) => go('village', id)} /> },
          { key: 'village', label: '村档案', children: <VillageFile villageId={state.villageId} onVillage={(id) => go('village', id)} /> },
          { key: 'timeline', label: '选务作战图', children: <PlanTimeline onOpenVillage={(id) => go('village', id)} /> }
        ]}
      />
    </div>
  )
}
