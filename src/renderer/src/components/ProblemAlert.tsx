import { Alert } from 'antd'
import { useEffect, useRef, type CSSProperties } from 'react'

/**
 * A refusal shown where the clerk is looking: placed beside the button that saved, and scrolled into
 * view when it appears, so a long settings page never reports a problem above the visible area.
 */
export function ProblemAlert({ problem, style }: { problem: string | null; style?: CSSProperties }) {
  const box = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (problem) box.current?.scrollIntoView({ block: 'nearest' })
  }, [problem])
  if (!problem) return null
  return (
    <div ref={box} role="alert" style={style}>
      <Alert type="error" showIcon title={problem} />
    </div>
  )
}
