import crypto from 'node:crypto'
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import type { AddressInfo } from 'node:net'
import { dispatch } from '../api/method'

export const TOKEN_HEADER = 'x-huanjie-token'
const MAX_BODY = 200 * 1024 * 1024

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json'
}

export interface WebServer {
  url: string
  token: string
  port: number
  close(): Promise<void>
}

export interface ServeOptions {
  api: object
  /** Folder of the built renderer (out/renderer). */
  staticDir: string
  port?: number
  token?: string
}

/**
 * Browser mode: the same API object over HTTP, on 127.0.0.1 only. Every API call must carry the
 * per-run token, and the Host header must name this loopback address (no DNS-rebinding access).
 */
export function startWebServer(options: ServeOptions): Promise<WebServer> {
  const token = options.token ?? crypto.randomBytes(24).toString('base64url')
  const staticDir = path.resolve(options.staticDir)
  let port = 0

  const server = http.createServer((req, res) => {
    const host = req.headers.host ?? ''
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) {
      return send(res, 403, 'text/plain; charset=utf-8', '拒绝访问')
    }
    const url = new URL(req.url ?? '/', `http://${host}`)
    if (url.pathname.startsWith('/api/')) return handleApi(req, res, url)
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain; charset=utf-8', '')
    return serveStatic(res, url.pathname)
  })

  async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
    const given = req.headers[TOKEN_HEADER]
    if (typeof given !== 'string' || !safeEqual(given, token)) {
      return sendJson(res, 401, { ok: false, error: { code: 'unauthorized', message: '访问口令无效，请使用启动时显示的完整地址打开' } })
    }
    if (req.method !== 'POST') return sendJson(res, 405, { ok: false, error: { code: 'method', message: '只接受 POST' } })
    let body: string
    try {
      body = await readBody(req)
    } catch (e) {
      return sendJson(res, 413, { ok: false, error: { code: 'too_large', message: (e as Error).message } })
    }
    let input: unknown
    try {
      input = body ? JSON.parse(body) : undefined
    } catch {
      return sendJson(res, 400, { ok: false, error: { code: 'bad_request', message: '请求格式错误' } })
    }
    const result = await dispatch(options.api, decodeURIComponent(url.pathname.slice('/api/'.length)), input)
    sendJson(res, 200, result)
  }

  function serveStatic(res: http.ServerResponse, pathname: string): void {
    const rel = decodeURIComponent(pathname).replace(/^\/+/, '') || 'index.html'
    let file = path.resolve(staticDir, rel)
    if (!file.startsWith(staticDir + path.sep)) return send(res, 404, 'text/plain; charset=utf-8', '')
    if (!fs.existsSync(file) || !fs.statSync(file).isFile()) file = path.join(staticDir, 'index.html')
    if (!fs.existsSync(file)) return send(res, 500, 'text/plain; charset=utf-8', '界面尚未构建，请先运行 npm run build')
    const type = MIME[path.extname(file)] ?? 'application/octet-stream'
    res.writeHead(200, { 'content-type': type, 'x-content-type-options': 'nosniff', 'cache-control': 'no-store' })
    fs.createReadStream(file).pipe(res)
  }

  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      port = (server.address() as AddressInfo).port
      resolve({
        url: `http://127.0.0.1:${port}/?token=${token}`,
        token,
        port,
        close: () => new Promise<void>((done) => server.close(() => done()))
      })
    })
  })
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && crypto.timingSafeEqual(x, y)
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (c: Buffer) => {
      size += c.length
      if (size > MAX_BODY) {
        reject(new Error('请求过大（超过 200 MB）'))
        req.destroy()
      } else chunks.push(c)
    })
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

function send(res: http.ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'content-type': type })
  res.end(body)
}

function sendJson(res: http.ServerResponse, status: number, value: unknown): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(value))
}
