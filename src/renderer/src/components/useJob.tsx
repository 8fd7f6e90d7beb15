import { Button, Modal, Progress, Typography } from 'antd'
import { useCallback, useRef, useState } from 'react'
import type { JobStatus } from '../../../shared/jobs'
import { api, ApiError, unwrap } from '../api/client'

const POLL_MS = 250

/**
 * Runs a long job with a progress dialog and a 取消 button; resolves with the job's end status.
 * `start` is the API call that starts the job and returns its first status.
 */
export function useJob() {
  const [status, setStatus] = useState<JobStatus | null>(null)
  const cancelled = useRef(false)

  const run = useCallback(async <T,>(start: () => Promise<JobStatus<T>>): Promise<JobStatus<T>> => {
    cancelled.current = false
    let s = await start()
    setStatus(s)
    while (s.state === 'running') {
      await new Promise((r) => setTimeout(r, POLL_MS))
      const next = await unwrap(api.jobs.status({ id: s.id }))
      if (!next) throw new ApiError({ code: 'not_found', message: '任务已结束或不存在' })
      // The same job as `start` returned, so the same kind of result.
      s = next as JobStatus<T>
      setStatus(s)
    }
    setStatus(null)
    return s
  }, [])

  const cancel = useCallback(() => {
    if (!status || cancelled.current) return
    cancelled.current = true
    void api.jobs.cancel({ id: status.id })
  }, [status])

  const percent = status?.total ? Math.floor((status.done / status.total) * 100) : 0
  const dialog = (
    <Modal
      open={status !== null}
      title={status?.label ?? ''}
      closable={false}
      maskClosable={false}
      keyboard={false}
      footer={
        <Button onClick={cancel} disabled={cancelled.current}>
          取消
        </Button>
      }
    >
      <Progress percent={percent} status="active" aria-label="进度" />
      <Typography.Text type="secondary">
        {status?.message || (status?.total ? `${status.done} / ${status.total}` : '正在处理…')}
      </Typography.Text>
    </Modal>
  )
  return { run, dialog, running: status !== null }
}
