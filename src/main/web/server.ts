import crypto from 'node:crypto'
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import type { AddressInfo } from 'node:net'
import { dispatch } from '../api/method'
import { RENDERER_CSP } from '../../shared/csp'

export const TOKEN_HEADER = 'x-huanjie-token'
/** The signed-in account's session (api/gate.ts), beside the per-run token. */
export const SESSION_HEADER = 'x-huanjie-session'
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

/** The boundary every call goes through when the register has accounts: session, role, then the method. */
export interface CallGate {
  call(session: string | undefined, name: string, input: unknown): Promise<unknown>
}

export interface ServeOptions {
  /** The API object, called as it is (tests of the transport), unless a gate is given. */
  api?: object
  gate?: CallGate
  /** Folder of the built renderer (out/renderer). */
  staticDir: string
  port?: number
  token?: string
  /** Largest request body taken (an import sends its file in one); 200 MB unless a test says less. */
  maxBody?: number
}

/**
 * Browser mode: the same API object over HTTP, on 127.0.0.1 only. Every API call must carry the
 * per-run token, and the Host header must name this loopback address (no DNS-rebinding access).
 */
export function startWebServer(options: ServeOptions): Promise<WebServer> {
  const token = options.token ?? crypto.randomBytes(24).toString('base64url')
  const staticDir = path.resolve(options.staticDir)
  const maxBody = options.maxBody ?? MAX_BODY
  let port = 0

  // Whatever a request holds (any web page the clerk opens can send one to 127.0.0.1), it gets an answer and the
  // process stays up: a running import job lives in it.
  const server = http.createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      console.error(e)
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'internal', message: '程序内部错误，请求未完成' } })
      else res.destroy()
    })
  })
  // A request line or header the HTTP parser refuses (too long, malformed): answered, never thrown.
  server.on('clientError', (err: NodeJS.ErrnoException, socket) => {
    // A client gone (reset) or a socket no longer writable has nothing to be told.
    if (err.code === 'ECONNRESET' || !socket.writable) return socket.destroy()
    const status = err.code === 'HPE_HEADER_OVERFLOW' ? '431 Request Header Fields Too Large' : '400 Bad Request'
    socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`)
  })

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value)
    const host = req.headers.host ?? ''
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) {
      return send(res, 403, 'text/plain; charset=utf-8', '拒绝访问')
    }
    const pathname = requestPath(req.url ?? '/')
    if (pathname === null) return send(res, 400, 'text/plain; charset=utf-8', '请求地址无效')
    if (pathname.startsWith('/api/')) return handleApi(req, res, pathname.slice('/api/'.length))
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain; charset=utf-8', '')
    return serveStatic(res, pathname)
  }

  async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, name: string): Promise<void> {
    const given = req.headers[TOKEN_HEADER]
    if (typeof given !== 'string' || !safeEqual(given, token)) {
      return refuseBody(req, res, 401, { code: 'unauthorized', message: '访问口令无效，请使用启动时显示的完整地址打开' })
    }
    if (req.method !== 'POST') return refuseBody(req, res, 405, { code: 'method', message: '只接受 POST' })
    const declared = Number(req.headers['content-length'] ?? 0)
    if (!(declared <= maxBody)) return refuseBody(req, res, 413, TOO_LARGE)
    const body = await readBody(req, maxBody)
    if (body === null) return refuseBody(req, res, 413, TOO_LARGE)
    let input: unknown
    try {
      input = body ? JSON.parse(body) : undefined
    } catch {
      return sendJson(res, 400, { ok: false, error: { code: 'bad_request', message: '请求格式错误' } })
    }
    const session = req.headers[SESSION_HEADER]
    const result = options.gate
      ? await options.gate.call(typeof session === 'string' ? session : undefined, name, input)
      : await dispatch(options.api ?? {}, name, input)
    sendJson(res, 200, result)
  }

  function serveStatic(res: http.ServerResponse, pathname: string): void {
    const rel = pathname.replace(/^\/+/, '') || 'index.html'
    let file = path.resolve(staticDir, rel)
    if (!file.startsWith(staticDir + path.sep) || rel.includes('\0')) return send(res, 404, 'text/plain; charset=utf-8', '')
    if (!isFile(file)) file = path.join(staticDir, 'index.html')
    if (!isFile(file)) return send(res, 500, 'text/plain; charset=utf-8', '界面尚未构建，请先运行 npm run build')
    const type = MIME[path.extname(file)] ?? 'application/octet-stream'
    res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' })
    fs.createReadStream(file)
      .on('error', () => res.destroy())
      .pipe(res)
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

const TOO_LARGE = { code: 'too_large', message: `请求过大（超过 ${MAX_BODY / 1024 / 1024} MB）` }

/** On every answer: the policy the page runs under, never inside a frame (clickjacking), types as sent. */
const SECURITY_HEADERS = {
  'content-security-policy': `${RENDERER_CSP}; frame-ancestors 'none'`,
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  // The address carries the token; no page it links to may learn it.
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin'
}

/** The decoded path of a request target, or null when it is no path at all (`//`, `%`, `http://…`, `*`). */
export function requestPath(target: string): string | null {
  if (!target.startsWith('/') || target.startsWith('//')) return null
  const raw = target.split(/[?#]/, 1)[0]
  try {
    return decodeURIComponent(raw)
  } catch {
    return null
  }
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile()
  } catch {
    return false
  }
}

/**
 * Answers a request refused before its body was read, then closes the connection: an unread body would
 * otherwise be taken as the next request.
 */
function refuseBody(req: http.IncomingMessage, res: http.ServerResponse, status: number, error: { code: string; message: string }): void {
  res.setHeader('connection', 'close')
  sendJson(res, status, { ok: false, error })
  res.once('finish', () => req.destroy())
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && crypto.timingSafeEqual(x, y)
}

/** The body as text, or null once it grows past maxBody (a chunked body declares no length). */
function readBody(req: http.IncomingMessage, maxBody: number): Promise<string | null> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = []
    let size = 0
    const stop = (value: string | null): void => {
      req.removeAllListeners('data')
      resolve(value)
    }
    req.on('data', (c: Buffer) => {
      size += c.length
      if (size > maxBody) stop(null)
      else chunks.push(c)
    })
    req.on('end', () => stop(Buffer.concat(chunks).toString('utf8')))
    // A client gone mid-body: nothing to answer; the response goes nowhere.
    req.on('error', () => stop(null))
  })
}

function send(res: http.ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'content-type': type })
  res.end(body)
}

function sendJson(res: http.ServerResponse, status: number, value: unknown): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(value))
}
