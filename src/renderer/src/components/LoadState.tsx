import { Button, Result, Spin } from 'antd'
import type { ReactNode } from 'react'

/** The one way a page shows "loading" and "could not load": intended, in Chinese, with a way out. */
export function LoadState({ loading, error, onRetry, children }: { loading: boolean; error?: Error; onRetry: () => void; children: ReactNode }) {
  if (error) {
    return (
      <Result
        status="error"
        title="加载失败"
        subTitle={error.message}
        extra={
          <Button type="primary" onClick={onRetry}>
            重试
          </Button>
        }
      />
    )
  }
  return <Spin spinning={loading} tip="正在加载…">{children}</Spin>
}
