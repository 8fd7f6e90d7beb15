import http from 'node:http'
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { buildApi } from '../api'
import { Store } from '../core/store'
import { useTempDir } from '../core/test-support'
import { startWebServer, TOKEN_HEADER, type WebServer } from './server'

const tempDir = useTempDir()
let server: WebServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

async function start() {
  const dir = tempDir()
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>换届工作台</title>')
  server = await startWebServer({ api: buildApi(Store.memoryStore()), staticDir: dir, port: 0 })
  return server
}

function request(port: number, p: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: p, method: init.method ?? 'GET', headers: init.headers }, (res) => {
      let body = ''
      res.on('data', (c) => (body += c))
      res.on('end', () => resolve({ status: res.statusCode!, body }))
    })
    req.on('error', reject)
    req.end(init.body)
  })
}

describe('browser-mode server', () => {
  it('listens on 127.0.0.1 only and prints a URL with its token', async () => {
    const s = await start()
    expect(s.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${s.port}/\\?token=[A-Za-z0-9_-]{32}$`))
  })

  it('answers API calls that carry the token, and refuses those that do not', async () => {
    const s = await start()
    const call = (headers: Record<string, string>) =>
      request(s.port, '/api/villages.create', { method: 'POST', headers, body: JSON.stringify({ name: '龙山村', kind: '村' }) })
    expect((await call({})).status).toBe(401)
    expect((await call({ [TOKEN_HEADER]: 'wrong' })).status).toBe(401)
    const ok = await call({ [TOKEN_HEADER]: s.token })
    expect(ok.status).toBe(200)
    expect(JSON.parse(ok.body)).toMatchObject({ ok: true, value: { name: '龙山村' } })
  })

  it('refuses a foreign Host header (DNS rebinding) and paths outside the renderer folder', async () => {
    const s = await start()
    expect((await request(s.port, '/', { headers: { host: `evil.example:${s.port}` } })).status).toBe(403)
    const page = await request(s.port, '/../../etc/passwd')
    expect(page.body).not.toContain('root:')
    expect((await request(s.port, '/')).body).toContain('换届工作台')
  })
})
