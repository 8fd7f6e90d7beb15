import type { App } from 'antd'
import { Input } from 'antd'
import dayjs from 'dayjs'
import type { VoterRow } from '../../../../shared/voter'
import { api } from '../../api/client'

type AppApi = ReturnType<typeof App.useApp>

/** Asks why before a voter leaves the list; after publication the removal stays in the change list. */
export function askRemoval({ modal, message }: AppApi, v: VoterRow, done: () => void): void {
  let reason = ''
  modal.confirm({
    title: `将“${v.name}”从选民名单中除名？`,
    content: (
      <div>
        <p>名单公布前的除名直接删除；公布后的除名保留在变更记录中。</p>
        <Input.TextArea aria-label="除名原因" placeholder="除名原因，如：死亡、迁出本村、重复登记" onChange={(e) => (reason = e.target.value)} />
      </div>
    ),
    okText: '除名',
    okButtonProps: { danger: true },
    cancelText: '取消',
    onOk: async () => {
      const r = await api.voters.remove({ id: v.id, reason, on: dayjs().format('YYYY-MM-DD') })
      if (!r.ok) {
        message.error(r.error.message)
        throw new Error(r.error.message)
      }
      message.success(r.value.kept ? `已将“${v.name}”除名，记入变更记录` : `已删除“${v.name}”`)
      done()
    }
  })
}
