import { describe, expect, it } from 'vitest'
import { failure } from '../../shared/result'
import { JobRunner, yieldToEventLoop } from './jobs'

describe('JobRunner', () => {
  it('reports progress and the result', async () => {
    const jobs = new JobRunner()
    const seen: number[] = []
    const started = jobs.start('test', '测试', async (ctx) => {
      for (let i = 1; i <= 5; i++) {
        ctx.progress(i, 5, `第 ${i} 步`)
        seen.push(jobs.status(started.id)!.done)
        await yieldToEventLoop()
      }
      return 42
    })
    expect(started.state).toBe('running')
    const end = await jobs.wait(started.id)
    expect(end).toMatchObject({ state: 'done', done: 5, total: 5, result: 42 })
    expect(seen).toEqual([1, 2, 3, 4, 5])
  })

  it('takes no cancel once the work has passed its final step, and reports what it did', async () => {
    const jobs = new JobRunner()
    let release!: () => void
    const committing = new Promise<void>((r) => (release = r))
    let final: boolean | undefined
    const started = jobs.start('test', '测试', async (ctx) => {
      final = ctx.finalStep!()
      await committing
      return 'committed'
    })
    while (final === undefined) await yieldToEventLoop()
    expect(jobs.cancel(started.id)).toMatchObject({ state: 'running', message: '正在保存，已无法取消' })
    release()
    expect(await jobs.wait(started.id)).toMatchObject({ state: 'done', result: 'committed' })

    // A cancel that came first wins: the final step is refused.
    let refused: boolean | undefined
    const second = jobs.start('test', '测试', async (ctx) => {
      while (!ctx.signal.aborted) await yieldToEventLoop()
      refused = !ctx.finalStep!()
      ctx.throwIfCancelled()
      return 'committed'
    })
    await yieldToEventLoop()
    jobs.cancel(second.id)
    expect((await jobs.wait(second.id)).state).toBe('cancelled')
    expect(refused).toBe(true)
  })

  it('stops a job that is cancelled between steps', async () => {
    const jobs = new JobRunner()
    let steps = 0
    const started = jobs.start('test', '测试', async (ctx) => {
      for (let i = 0; i < 1000; i++) {
        ctx.throwIfCancelled()
        steps++
        await yieldToEventLoop()
      }
      return 'finished'
    })
    await yieldToEventLoop()
    await yieldToEventLoop()
    jobs.cancel(started.id)
    const end = await jobs.wait(started.id)
    expect(end.state).toBe('cancelled')
    expect(end.result).toBeUndefined()
    expect(steps).toBeLessThan(1000)
  })

  it('keeps an expected failure as a Chinese message', async () => {
    const jobs = new JobRunner()
    const started = jobs.start('test', '测试', async () => {
      throw failure('validation', '第 3 行：身份证号校验位错误')
    })
    expect(await jobs.wait(started.id)).toMatchObject({ state: 'failed', error: { code: 'validation', message: '第 3 行：身份证号校验位错误' } })
  })
})
