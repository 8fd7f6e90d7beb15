#!/usr/bin/env node
// better-sqlite3 in node_modules is built for plain Node (tests, browser mode, CLI). The desktop app in
// development loads a second copy built for Electron from .electron-native/, so neither build clobbers
// the other. Packaged builds get theirs from electron-builder (npmRebuild).
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..')
const target = path.join(root, '.electron-native', 'better-sqlite3')
const stamp = path.join(target, '.electron-version')

let electronBinary
try {
  electronBinary = require('electron')
} catch {
  electronBinary = null
}
if (!electronBinary || !fs.existsSync(electronBinary)) {
  console.error(
    '未找到 Electron 程序（安装时可能设置了 ELECTRON_SKIP_BINARY_DOWNLOAD=1，或无法下载）。\n' +
      '可以设置 ELECTRON_MIRROR 后重新运行 npm ci，或改用浏览器模式：npm run serve -- --db 数据库文件'
  )
  process.exit(1)
}
const electronVersion = require('electron/package.json').version
if (fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8').trim() === electronVersion) process.exit(0)

const source = path.dirname(require.resolve('better-sqlite3/package.json'))
fs.rmSync(target, { recursive: true, force: true })
fs.cpSync(source, target, { recursive: true, filter: (p) => !p.includes(`${path.sep}build${path.sep}`) })
console.log(`为 Electron ${electronVersion} 编译 better-sqlite3 …`)
const nodeGyp = path.join(path.dirname(require.resolve('node-gyp/package.json')), 'bin', 'node-gyp.js')
execFileSync(
  process.execPath,
  [
    nodeGyp,
    'rebuild',
    '--release',
    `--target=${electronVersion}`,
    '--runtime=electron',
    `--dist-url=${process.env.ELECTRON_HEADERS_MIRROR ?? 'https://electronjs.org/headers'}`
  ],
  { cwd: target, stdio: 'inherit' }
)
fs.writeFileSync(stamp, electronVersion)
