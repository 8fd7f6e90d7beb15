import { Alert, Button, Card, Form, Input, Modal, Spin, Typography } from 'antd'
import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react'
import { roleAllows, type Account, type Need } from '../../../shared/accounts'
import { LOCKED_EVENT, session, setSession } from '../api/client'

interface Status {
  register: 'missing' | 'plain' | 'encrypted'
  open: boolean
}

interface Me {
  account: Account
  idleMinutes: number
  locked: boolean
}

/** The signed-in account, for pages that show or hide what its role allows. */
export const AccountContext = createContext<Account | null>(null)
export const useAccount = (): Account | null => useContext(AccountContext)

/** Whether the signed-in account's role allows `need`: the one rule every page asks before it shows an edit button. */
export function useCan(need: Need): boolean {
  const account = useAccount()
  return account !== null && roleAllows(account.role, need)
}

/** Shows its children only to an account whose role allows `need` (the main process refuses the call anyway). */
export function Can({ need, children }: { need: Need; children: ReactNode }) {
  return useCan(need) ? <>{children}</> : null
}

type Stage = { kind: 'loading' } | { kind: 'setup'; plain: boolean } | { kind: 'login' } | { kind: 'recovery'; key: string } | { kind: 'in' }

/**
 * Nothing of the register shows before an account signs in: first start sets up the 管理员 (and shows the 恢复密钥
 * once), later starts ask for a name and password, and a window left idle is covered until the password is given.
 */
export function AccessGate({ children }: { children: ReactNode }) {
  const [stage, setStage] = useState<Stage>({ kind: 'loading' })
  const [me, setMe] = useState<Me | null>(null)
  const [locked, setLocked] = useState(false)

  const refresh = useCallback(async () => {
    const mine = await session.call<Me | null>('me')
    if (mine.ok && mine.value) {
      setMe(mine.value)
      setLocked(mine.value.locked)
      setStage({ kind: 'in' })
      return
    }
    const status = await session.call<Status>('status')
    if (status.ok && status.value.register !== 'encrypted') setStage({ kind: 'setup', plain: status.value.register === 'plain' })
    else setStage({ kind: 'login' })
  }, [])

  useEffect(() => {
    void refresh()
  }, [refresh])

  useEffect(() => {
    const onLocked = () => setLocked(true)
    window.addEventListener(LOCKED_EVENT, onLocked)
    return () => window.removeEventListener(LOCKED_EVENT, onLocked)
  }, [])

  useIdleLock(stage.kind === 'in' && !locked ? (me?.idleMinutes ?? 10) : null, () => setLocked(true))

  if (stage.kind === 'loading') return <Spin style={{ display: 'block', margin: '160px auto' }} />
  if (stage.kind === 'setup') return <SetupPage plain={stage.plain} onDone={(key) => setStage({ kind: 'recovery', key })} />
  if (stage.kind === 'recovery') return <RecoveryKeyPage recoveryKey={stage.key} onDone={() => void refresh()} />
  if (stage.kind === 'login') return <LoginPage onDone={() => void refresh()} />
  return (
    <AccountContext.Provider value={me?.account ?? null}>
      {children}
      {locked && me && <LockOverlay account={me.account.name} onUnlocked={() => setLocked(false)} />}
    </AccountContext.Provider>
  )
}

/** Covers the window after `minutes` without a key or a click (the main process refuses calls by then too). */
function useIdleLock(minutes: number | null, lock: () => void): void {
  const timer = useRef<number | undefined>(undefined)
  useEffect(() => {
    if (minutes === null) return
    const restart = () => {
      window.clearTimeout(timer.current)
      timer.current = window.setTimeout(lock, minutes * 60_000)
    }
    restart()
    const events = ['keydown', 'mousedown', 'wheel', 'touchstart'] as const
    for (const e of events) window.addEventListener(e, restart, { passive: true })
    return () => {
      window.clearTimeout(timer.current)
      for (const e of events) window.removeEventListener(e, restart)
    }
  }, [minutes, lock])
}

function Centered({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="access-page">
      <Card title={title} style={{ width: 420, margin: '12vh auto' }}>
        {children}
      </Card>
    </div>
  )
}

function SetupPage({ plain, onDone }: { plain: boolean; onDone: (recoveryKey: string) => void }) {
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  return (
    <Centered title="首次使用：设置管理员">
      <Typography.Paragraph>
        {plain ? '这个数据库是旧版本建的，尚未加密。设置管理员后，程序会把它转换为加密文件（原有数据全部保留）。' : '请设置管理员账号。数据库文件将加密保存，只有凭账号密码才能打开。'}
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form
        layout="vertical"
        onFinish={async (v: { name: string; password: string }) => {
          setBusy(true)
          const r = await session.call<{ session: string; recoveryKey: string }>('setup', { name: v.name, password: v.password })
          setBusy(false)
          if (!r.ok) return setError(r.error.message)
          setSession(r.value.session)
          onDone(r.value.recoveryKey)
        }}
      >
        <Form.Item label="管理员账号名" name="name" rules={[{ required: true, message: '请填写账号名' }]}>
          <Input autoFocus autoComplete="username" />
        </Form.Item>
        <Form.Item label="密码（至少 8 个字符，不能全是数字）" name="password" rules={[{ required: true, min: 8, message: '密码至少 8 个字符' }, { pattern: /\D/, message: '密码不能全是数字' }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          label="再输一次密码"
          name="confirm"
          dependencies={['password']}
          rules={[{ required: true, message: '请再输一次密码' }, ({ getFieldValue }) => ({ validator: (_r, v) => (v === getFieldValue('password') ? Promise.resolve() : Promise.reject(new Error('两次输入的密码不一致'))) })]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy}>
          设置管理员并{plain ? '加密数据库' : '新建数据库'}
        </Button>
      </Form>
    </Centered>
  )
}

function RecoveryKeyPage({ recoveryKey, onDone }: { recoveryKey: string; onDone: () => void }) {
  return (
    <Centered title="恢复密钥（只显示这一次）">
      <Typography.Paragraph>所有密码都忘记时，这是打开数据库的唯一办法。请打印或抄写下来，存放在办公室保险柜中。</Typography.Paragraph>
      <Typography.Title level={4} copyable aria-label="恢复密钥" style={{ fontFamily: 'monospace', textAlign: 'center' }}>
        {recoveryKey}
      </Typography.Title>
      <Button onClick={() => window.print()} style={{ marginRight: 8 }}>
        打印
      </Button>
      <Button type="primary" onClick={onDone}>
        我已妥善保存，开始使用
      </Button>
    </Centered>
  )
}

function LoginPage({ onDone }: { onDone: () => void }) {
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  return (
    <Centered title="换届工作台 登录">
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form
        layout="vertical"
        onFinish={async (v: { account: string; password: string }) => {
          setBusy(true)
          const r = await session.call<{ session: string }>('login', v)
          setBusy(false)
          if (!r.ok) return setError(r.error.message)
          setSession(r.value.session)
          onDone()
        }}
      >
        <Form.Item label="账号" name="account" rules={[{ required: true, message: '请填写账号' }]}>
          <Input autoFocus autoComplete="username" />
        </Form.Item>
        <Form.Item label="密码" name="password" rules={[{ required: true, message: '请填写密码' }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy}>
          登录
        </Button>
      </Form>
    </Centered>
  )
}

function LockOverlay({ account, onUnlocked }: { account: string; onUnlocked: () => void }) {
  const [error, setError] = useState<string | null>(null)
  const [form] = Form.useForm<{ password: string }>()
  return (
    <Modal open closable={false} maskClosable={false} keyboard={false} footer={null} title="窗口已锁定" mask={{ blur: true }} styles={{ mask: { background: '#1f1f1f' } }}>
      <Typography.Paragraph>长时间未操作，窗口已锁定。请输入账号“{account}”的密码继续。</Typography.Paragraph>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        layout="vertical"
        onFinish={async (v) => {
          const r = await session.call('unlock', { password: v.password })
          if (!r.ok) {
            form.resetFields()
            return setError(r.error.message)
          }
          onUnlocked()
        }}
      >
        <Form.Item label="密码" name="password" rules={[{ required: true, message: '请填写密码' }]}>
          <Input.Password autoFocus autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block>
          解锁
        </Button>
      </Form>
    </Modal>
  )
}
