import fs from 'node:fs'
import path from 'node:path'
import { Worker, type ResourceLimits } from 'node:worker_threads'

/**
 * Where the built worker lies: beside the bundle, or, in a packaged app whose code sits inside app.asar (from
 * which no thread can start), in app.asar.unpacked, where the build unpacks the worker and the chunk it loads.
 */
export function workerDir(dir: string): string {
  const sep = dir.includes('\\') && !dir.includes('/') ? '\\' : path.sep
  return dir
    .split(sep)
    .map((part) => (part.endsWith('.asar') ? `${part}.unpacked` : part))
    .join(sep)
}

export interface ThreadOptions {
  /** The worker's entry name: `NAME.js` in the build (an entry of electron.vite.config.ts), `NAME.ts` beside `sourceDir`. */
  name: string
  /** The folder of the worker's TypeScript source (the caller's __dirname). */
  sourceDir: string
  workerData: unknown
  resourceLimits?: ResourceLimits
  /** Plain JavaScript modules to load before tsx's hook when running from source (it loads them more slowly). */
  preload?: string[]
}

/** A worker from the build beside this bundle; from source (dev, tests), its TypeScript file through tsx's require hook. */
export function startThread(o: ThreadOptions): Worker {
  const options = { workerData: o.workerData, resourceLimits: o.resourceLimits }
  for (const dir of [__dirname, path.join(__dirname, '..')]) {
    const built = path.join(workerDir(dir), `${o.name}.js`)
    if (fs.existsSync(built)) return new Worker(built, options)
  }
  const load = (file: string) => `require(${JSON.stringify(file)});`
  const code = [...(o.preload ?? []), require.resolve('tsx/cjs'), path.join(o.sourceDir, `${o.name}.ts`)].map(load).join('')
  return new Worker(code, { eval: true, ...options })
}
