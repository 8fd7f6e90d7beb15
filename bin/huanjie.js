#!/usr/bin/env node
'use strict'
const path = require('node:path')
const fs = require('node:fs')
const cli = path.join(__dirname, '..', 'out', 'main', 'cli.js')
if (!fs.existsSync(cli)) {
  process.stderr.write('命令行尚未构建，请先在项目目录运行 npm run build\n')
  process.exit(2)
}
require(cli)
  .main(process.argv.slice(2))
  .then((code) => {
    if (code >= 0) process.exit(code)
  })
