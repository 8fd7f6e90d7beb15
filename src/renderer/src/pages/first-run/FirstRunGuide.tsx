import { Button, Card, Steps } from 'antd'
import { useEffect, useState } from 'react'
import { api, unwrap } from '../../api/client'
import { REGISTER_CHANGED } from '../../lib/registerChanged'

const DISMISSED = 'huanjie.firstRunGuide.dismissed'

const STEPS = [
  {
    title: '乡镇和村社',
    description: (
      <>
        先建村社台账：<a href="#/import-export">导入村(社区)名册</a>，或<a href="#/villages">在台账中逐个登记</a>。其他名册都按村社归属。
      </>
    )
  },
  {
    title: '关键设置',
    description: (
      <>
        在<a href="#/settings">设置</a>中填写全乡镇统一选举日（选民年龄、法定期限按它计算）和县级联审部门。
      </>
    )
  },
  {
    title: '首批名册',
    description: (
      <>
        再<a href="#/import-export">导入</a>人员、初步人选、选民名册；每次导入的结果和下一步会留在页面上。
      </>
    )
  }
]

/**
 * The first-run walk-through: shown while the register has no village, until the office dismisses it;
 * the menu's 新手向导 opens it again at any time.
 */
export function FirstRunGuide({ reopen, onClosed }: { reopen: number; onClosed: () => void }) {
  const [empty, setEmpty] = useState(false)
  const [dismissed, setDismissed] = useState(() => localStorage.getItem(DISMISSED) === '1')
  const [asked, setAsked] = useState(false)

  useEffect(() => {
    const look = () => void unwrap(api.villages.list({})).then((v) => setEmpty(v.length === 0), () => undefined)
    look()
    window.addEventListener(REGISTER_CHANGED, look)
    window.addEventListener('hashchange', look)
    return () => {
      window.removeEventListener(REGISTER_CHANGED, look)
      window.removeEventListener('hashchange', look)
    }
  }, [])
  useEffect(() => {
    if (reopen > 0) setAsked(true)
  }, [reopen])

  if (!asked && (dismissed || !empty)) return null
  const close = () => {
    localStorage.setItem(DISMISSED, '1')
    setDismissed(true)
    setAsked(false)
    onClosed()
  }
  return (
    <Card
      size="small"
      className="first-run-guide"
      title={empty ? '第一次使用：按这三步开始' : '新手向导'}
      extra={<Button size="small" onClick={close}>收起向导</Button>}
      role="region"
      aria-label="新手向导"
      style={{ margin: '16px 24px 0' }}
    >
      <Steps size="small" current={empty ? 0 : 1} items={STEPS} />
    </Card>
  )
}
