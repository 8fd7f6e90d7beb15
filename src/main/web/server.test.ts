import http from 'node:http'
import net from 'node:net'
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

/** Sends bytes exactly as written (no client library tidying them) and returns the status code answered. */
function raw(port: number, text: string | Buffer): Promise<{ status: number; head: string }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1')
    let got = ''
    socket.on('data', (c) => (got += c.toString('latin1')))
    socket.on('close', () => {
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(got)?.[1] ?? 0)
      resolve({ status, head: got.split('\r\n\r\n')[0] })
    })
    socket.on('error', (e: NodeJS.ErrnoException) => (e.code === 'ECONNRESET' || e.code === 'EPIPE' ? undefined : reject(e)))
    socket.write(text)
  })
}

describe('browser mode under hostile requests', () => {
  const get = (port: number, target: string, extra = '') =>
    raw(port, `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n${extra}Connection: close\r\n\r\n`)
  const post = (s: WebServer, body: string | Buffer, extra = '') =>
    raw(
      s.port,
      Buffer.concat([
        Buffer.from(
          `POST /api/villages.list HTTP/1.1\r\nHost: 127.0.0.1:${s.port}\r\n${TOKEN_HEADER}: ${s.token}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n${extra}Connection: close\r\n\r\n`
        ),
        Buffer.from(body)
      ])
    )

  async function stillUp(s: WebServer): Promise<void> {
    const r = await request(s.port, '/api/villages.list', { method: 'POST', headers: { [TOKEN_HEADER]: s.token }, body: '{}' })
    expect(r.status).toBe(200)
    expect(JSON.parse(r.body)).toMatchObject({ ok: true })
  }

  it('answers malformed paths with 400 and keeps serving', async () => {
    const s = await start()
    for (const target of ['/%', '//', '/%E4%B8', '/api/%', '/api/%zz', '//evil.example/', 'http://127.0.0.1/', '*', '/a%00b']) {
      const r = await get(s.port, target, `${TOKEN_HEADER}: ${s.token}\r\n`)
      expect([400, 404], target).toContain(r.status)
      await stillUp(s)
    }
  })

  it('answers absurd headers with a 4xx and keeps serving', async () => {
    const s = await start()
    expect((await get(s.port, '/', `X-Long: ${'a'.repeat(100_000)}\r\n`)).status).toBe(431)
    expect((await get(s.port, '/', Array.from({ length: 3000 }, (_, i) => `X-H${i}: ${i}\r\n`).join(''))).status).toBe(431)
    expect((await get(s.port, '/', 'Bad Header Name: x\r\n')).status).toBe(400)
    expect((await raw(s.port, 'NOT-HTTP\r\n\r\n')).status).toBe(400)
    expect((await raw(s.port, Buffer.from([0, 1, 2, 255, 13, 10, 13, 10]))).status).toBe(400)
    expect((await post(s, '{}', `${TOKEN_HEADER}: ${s.token}\r\n`)).status).toBe(401)
    expect((await post(s, '{}', 'Transfer-Encoding: chunked\r\n')).status).toBe(400)
    await stillUp(s)
  })

  it('refuses a body over the limit, declared or streamed, without reading it all', async () => {
    const dir = tempDir()
    fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html>')
    const s = (server = await startWebServer({ api: buildApi(Store.memoryStore()), staticDir: dir, maxBody: 1024 }))
    const declared = await raw(
      s.port,
      `POST /api/villages.list HTTP/1.1\r\nHost: 127.0.0.1:${s.port}\r\n${TOKEN_HEADER}: ${s.token}\r\nContent-Length: 999999999999\r\n\r\n{`
    )
    expect(declared.status).toBe(413)
    const chunk = 'x'.repeat(800)
    const chunked = await raw(
      s.port,
      `POST /api/villages.list HTTP/1.1\r\nHost: 127.0.0.1:${s.port}\r\n${TOKEN_HEADER}: ${s.token}\r\nTransfer-Encoding: chunked\r\n\r\n` +
        `320\r\n${chunk}\r\n320\r\n${chunk}\r\n0\r\n\r\n`
    )
    expect(chunked.status).toBe(413)
    expect((await post(s, 'x'.repeat(2000))).status).toBe(413)
    await stillUp(s)
  })

  it('answers bad JSON with 400, and requests without the token with 401 before reading their body', async () => {
    const s = await start()
    for (const body of ['{', '{"a":', '\u0000', '[1,2', 'undefined', '\uFEFF{}']) {
      const r = await post(s, body)
      expect(r.status, JSON.stringify(body)).toBe(400)
    }
    const deep = await post(s, '['.repeat(200_000) + ']'.repeat(200_000))
    expect(deep.status).toBeGreaterThanOrEqual(200)
    const noToken = await raw(
      s.port,
      `POST /api/villages.create HTTP/1.1\r\nHost: 127.0.0.1:${s.port}\r\nContent-Length: 50000000\r\n\r\n{"name":"龙山村"`
    )
    expect(noToken.status).toBe(401)
    expect((await get(s.port, '/api/villages.list')).status).toBe(401)
    await stillUp(s)
  })

  it('sends the content policy and anti-framing headers on pages and API answers', async () => {
    const s = await start()
    for (const target of ['/', '/api/villages.list', '/%']) {
      const { head } = await get(s.port, target)
      const h = head.toLowerCase()
      expect(h, target).toContain("content-security-policy: default-src 'self'; script-src 'self'")
      expect(h, target).toContain("frame-ancestors 'none'")
      expect(h, target).toContain('x-frame-options: deny')
      expect(h, target).toContain('x-content-type-options: nosniff')
      expect(h, target).toContain('referrer-policy: no-referrer')
    }
  })
})
