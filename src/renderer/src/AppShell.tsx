import { App, Button, Layout, Menu, Result, Spin } from 'antd'
import { Suspense, useEffect, useState } from 'react'
import { setLeaveAsker } from './lib/unsavedEdits'
import { FirstRunGuide } from './pages/first-run/FirstRunGuide'
import { PAGES } from './pages/registry'

const { Sider, Content } = Layout

function currentKey(): string {
  const key = window.location.hash.replace(/^#\/?/, '').split('/')[0]
  return PAGES.some((p) => p.key === key) ? key : PAGES[0].key
}

export function AppShell() {
  const [key, setKey] = useState(currentKey)
  const { modal } = App.useApp()
  const [guideAsked, setGuideAsked] = useState(0)

  useEffect(
    () =>
      setLeaveAsker((leave) =>
        modal.confirm({
          title: '有未保存的修改',
          content: '离开此页，刚才的修改不会保存。',
          okText: '放弃修改并离开',
          okButtonProps: { danger: true },
          cancelText: '留在此页',
          onOk: leave
        })
      ),
    [modal]
  )

  useEffect(() => {
    const onHash = () => setKey(currentKey())
    window.addEventListener('hashchange', onHash)
    return () => window.removeEventListener('hashchange', onHash)
  }, [])

  const page = PAGES.find((p) => p.key === key)
  return (
    <Layout style={{ height: '100vh' }}>
      <Sider width={200} theme="dark">
        <div className="app-brand">换届工作台</div>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={[key]}
          items={PAGES.map((p) => ({ key: p.key, icon: p.icon, label: p.label }))}
          onClick={({ key: k }) => {
            window.location.hash = `#/${k}`
          }}
        />
        <Button type="text" className="guide-button" onClick={() => setGuideAsked((n) => n + 1)}>
          新手向导
        </Button>
      </Sider>
      <Layout>
        <Content style={{ background: '#fff', overflow: 'auto' }}>
          <FirstRunGuide reopen={guideAsked} onClosed={() => setGuideAsked(0)} />
          {page ? (
            <Suspense fallback={<Spin style={{ display: 'block', margin: '120px auto' }} tip="正在打开…" />}>
              <page.Component />
            </Suspense>
          ) : (
            <Result status="404" title="页面不存在" />
          )}
        </Content>
      </Layout>
    </Layout>
  )
}
