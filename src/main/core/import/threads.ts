import fs from 'node:fs'
import path from 'node:path'
import { Worker, type ResourceLimits } from 'node:worker_threads'

/**
 * Starts one of the import's threads by its entry's name: the built file beside the bundle (unpacked beside
 * app.asar in a packaged app); from source (dev, tests), the TypeScript file through tsx's require hook, after
 * `preload` (plain JavaScript modules, which load half as fast again through the hook).
 */
export function startThread(entry: string, workerData: unknown, options: { resourceLimits?: ResourceLimits; preload?: string[] } = {}): Worker {
  const { resourceLimits } = options
  for (const dir of [__dirname, path.join(__dirname, '..')]) {
    const built = path.join(workerDir(dir), `${entry}.js`)
    if (fs.existsSync(built)) return new Worker(built, { workerData, resourceLimits })
  }
  const load = (file: string) => `require(${JSON.stringify(file)});`
  const code = [...(options.preload ?? []), require.resolve('tsx/cjs'), path.join(__dirname, `${entry}.ts`)].map(load).join('')
  return new Worker(code, { eval: true, workerData, resourceLimits })
}

/**
 * Where the built worker lies: beside the bundle, or, in a packaged app whose code sits inside app.asar (from
 * which no thread can start), in app.asar.unpacked, where the build unpacks the workers and the chunks they load.
 */
export function workerDir(dir: string): string {
  const sep = dir.includes('\\') && !dir.includes('/') ? '\\' : path.sep
  return dir
    .split(sep)
    .map((part) => (part.endsWith('.asar') ? `${part}.unpacked` : part))
    .join(sep)
}
