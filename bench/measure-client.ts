import { spawnSync } from 'node:child_process'
import path from 'node:path'

const TSX = path.join(__dirname, '..', 'node_modules', '.bin', 'tsx')

export interface Measured {
  ms: number
  /** CPU time of all the process's threads. */
  cpuMs: number
  maxRssMb: number
  code?: number
  out: string
}

/** One step of a benchmark in a fresh process (bench/measure.ts), so its peak memory is its own. */
export function measure(...args: string[]): Measured {
  const r = spawnSync(TSX, [path.join(__dirname, 'measure.ts'), ...args], { encoding: 'utf8', maxBuffer: 1 << 26 })
  const lines = r.stdout.trim().split('\n')
  const last = lines.pop() ?? ''
  try {
    return { ...(JSON.parse(last) as Measured), out: lines.join('\n').trim() }
  } catch {
    throw new Error(`measure ${args.join(' ')} failed: ${r.stderr || r.stdout}`)
  }
}

/** The middle value (the upper of the two middle ones for an even count). */
export const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

/** Wall time, CPU time (every thread of this process) and peak resident memory (sampled every 20 ms) of `work` here. */
export async function inProcess<T>(work: () => Promise<T>): Promise<{ result: T; seconds: number; cpuSeconds: number; peakMb: number }> {
  let peak = process.memoryUsage().rss
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20)
  const t = performance.now()
  const cpu = process.cpuUsage()
  try {
    const result = await work()
    peak = Math.max(peak, process.memoryUsage().rss)
    const used = process.cpuUsage(cpu)
    return { result, seconds: (performance.now() - t) / 1000, cpuSeconds: (used.user + used.system) / 1e6, peakMb: peak / 2 ** 20 }
  } finally {
    clearInterval(timer)
  }
}
