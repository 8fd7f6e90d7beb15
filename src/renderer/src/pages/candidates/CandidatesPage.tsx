import { Tabs } from 'antd'
import { useEffect, useState } from 'react'
import { CandidatePool } from './CandidatePool'
import { PeopleList } from './PeopleList'
import { PersonPage } from './PersonPage'
import { ReviewBoard } from './ReviewBoard'

const TABS = [
  { key: 'pool', label: '人选', Component: CandidatePool },
  { key: 'people', label: '人员', Component: PeopleList },
  { key: 'review', label: '联审看板', Component: ReviewBoard }
]

/** #/candidates/<tab> or #/candidates/person/<id>: the address says what is shown, so Back works. */
function route(): { tab: string; personId: number | null } {
  const [, sub, id] = window.location.hash.replace(/^#\/?/, '').split('/')
  if (sub === 'person' && Number(id) > 0) return { tab: 'person', personId: Number(id) }
  return { tab: TABS.some((t) => t.key === sub) ? sub : 'pool', personId: null }
}

export function CandidatesPage() {
  const [r, setR] = useState(route)
  useEffect(() => {
    const onHash = () => setR(route())
    window.addEventListener('hashchange', onHash)
    return () => window.removeEventListener('hashchange', onHash)
  }, [])

  if (r.personId !== null) return <PersonPage key={r.personId} personId={r.personId} />
  return (
    <div className="page">
      <div className="page-header">
        <h2>人选库</h2>
      </div>
      <Tabs
        activeKey={r.tab}
        onChange={(k) => (window.location.hash = `#/candidates/${k}`)}
        destroyOnHidden
        items={TABS.map((t) => ({ key: t.key, label: t.label, children: <t.Component /> }))}
      />
    </div>
  )
}
