/**
 * Another process may hold the file's write lock for a while (a command-line import writes a roster in one
 * transaction). SQLite's own busy wait blocks the thread, and with it every other request of browser mode,
 * so the connection waits only briefly (BUSY_STEP_MS) and writers try again here, between other work,
 * until WRITE_WAIT_MS have passed.
 */
export const BUSY_STEP_MS = 1000
export const WRITE_WAIT_MS = 60_000

export function isBusy(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'))
}

/** Runs `fn`, again and again while the database is busy, until it succeeds or `waitMs` have passed. */
export async function whenFree<T>(fn: () => T | Promise<T>, waitMs = WRITE_WAIT_MS): Promise<T> {
  const deadline = Date.now() + waitMs
  for (let pause = 20; ; pause = Math.min(pause * 2, 500)) {
    try {
      return await fn()
    } catch (e) {
      if (!isBusy(e) || Date.now() + pause >= deadline) throw e
    }
    await new Promise((resolve) => setTimeout(resolve, pause))
  }
}

export const BUSY_MESSAGE = `数据库正被另一个程序写入（例如命令行导入），已等待${WRITE_WAIT_MS / 1000}秒仍未结束，本次操作未保存。请等它完成后再试。`
