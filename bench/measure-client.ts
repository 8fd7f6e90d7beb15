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
