import path from 'node:path'
import { rawRequest, serve, tempDir } from './server'
import type { Drill } from './types'

/** Requests any web page open in the clerk's browser could send to 127.0.0.1, or a broken client. */
function requests(port: number, token: string, quick: boolean): [string, string | Buffer][] {
  const host = `Host: 127.0.0.1:${port}\r\n`
  const auth = `x-huanjie-token: ${token}\r\n`
  const get = (target: string, extra = '') => `GET ${target} HTTP/1.1\r\n${host}${extra}Connection: close\r\n\r\n`
  const post = (body: string, extra = auth) =>
    `POST /api/villages.create HTTP/1.1\r\n${host}${extra}Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`
  const list: [string, string | Buffer][] = [
    ['GET /%', get('/%')],
    ['GET //', get('//')],
    ['GET /%E4%B8（半个汉字）', get('/%E4%B8')],
    ['GET /api/%', get('/api/%', auth)],
    ['GET //evil.example/', get('//evil.example/')],
    ['绝对地址 GET http://…', get('http://127.0.0.1/')],
    ['GET *', get('*')],
    ['路径含 NUL', get('/a%00b')],
    ['外来 Host', `GET / HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n`],
    ['无 Host', `GET / HTTP/1.1\r\nConnection: close\r\n\r\n`],
    ['100 KB 的请求头', get('/', `X-Long: ${'a'.repeat(100_000)}\r\n`)],
    ['3000 个请求头', get('/', Array.from({ length: 3000 }, (_, i) => `X-H${i}: ${i}\r\n`).join(''))],
    ['非法请求头名', get('/', 'Bad Header: x\r\n')],
    ['不是 HTTP', 'NOT-HTTP\r\n\r\n'],
    ['二进制垃圾', Buffer.from([0, 1, 2, 255, 254, 13, 10, 13, 10])],
    ['未知方法 BREW', `BREW /api/villages.list HTTP/1.1\r\n${host}${auth}Connection: close\r\n\r\n`],
    ['GET 接口', get('/api/villages.list', auth)],
    ['无口令', post('{"name":"龙山村","kind":"村"}', '')],
    ['错误口令', post('{"name":"龙山村","kind":"村"}', 'x-huanjie-token: wrong\r\n')],
    ['两个口令头', post('{}', `${auth}${auth}`)],
    ['JSON 不完整', post('{"name":')],
    ['JSON 是 NUL', post('\u0000')],
    ['JSON 带 BOM', post('\uFEFF{}')],
    ['非 UTF-8 正文', Buffer.concat([Buffer.from(`POST /api/villages.create HTTP/1.1\r\n${host}${auth}Content-Length: 4\r\nConnection: close\r\n\r\n`), Buffer.from([0xff, 0xfe, 0x7b, 0x7d])])],
    ['声明 999 GB 正文', `POST /api/villages.create HTTP/1.1\r\n${host}${auth}Content-Length: 999999999999\r\n\r\n{`],
    ['Content-Length 非数字', `POST /api/villages.create HTTP/1.1\r\n${host}${auth}Content-Length: abc\r\n\r\n{}`],
    ['两种长度声明', `POST /api/villages.create HTTP/1.1\r\n${host}${auth}Content-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n{}`],
    ['分块格式错误', `POST /api/villages.create HTTP/1.1\r\n${host}${auth}Transfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n`]
  ]
  if (!quick) {
    // A streamed body past the 200 MB limit: refused once it passes it, not read to the end.
    const mb = Buffer.alloc(1024 * 1024, 0x61)
    const chunk = Buffer.concat([Buffer.from(`${mb.length.toString(16)}\r\n`), mb, Buffer.from('\r\n')])
    list.push([
      '分块正文 210 MB',
      Buffer.concat([Buffer.from(`POST /api/villages.create HTTP/1.1\r\n${host}${auth}Transfer-Encoding: chunked\r\n\r\n`), ...Array(210).fill(chunk), Buffer.from('0\r\n\r\n')])
    ])
  }
  return list
}

export const drill: Drill = {
  name: '畸形 HTTP 请求（浏览器模式）',
  async run({ quick }) {
    const server = await serve(path.join(tempDir(), 'office.db'))
    const failed: string[] = []
    let worst = 0
    let trials = 0
    try {
      for (const [label, bytes] of requests(server.port, server.token, quick)) {
        trials++
        const t = performance.now()
        const status = await rawRequest(server.port, bytes)
        worst = Math.max(worst, performance.now() - t)
        const up = server.alive() && (await server.call('villages.list', {}).then((r) => r.ok, () => false))
        if (status < 400 || status > 499 || !up) failed.push(`${label}→${status || '无应答'}${up ? '' : '，服务已退出'}`)
      }
      return [
        {
          drill: '畸形 HTTP 请求',
          trials,
          failures: failed.length,
          worstMs: worst,
          peakMb: server.peakMb(),
          note: failed.length ? failed.join('；') : '每个都答 4xx，服务始终在'
        }
      ]
    } finally {
      await server.stop()
    }
  }
}
