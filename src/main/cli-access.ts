import path from 'node:path'
import { parseArgs } from 'node:util'
import { password as passwordRule } from '../shared/accounts'
import { failure } from '../shared/result'
import { actAs } from './core/acting-account'
import { convertPlainRegister, createEncryptedRegister, dataKeyFor, openEncryptedRegister, registerState } from './core/encrypted-register'
import { LoginAttempts } from './api/login-attempts'
import { buildServices } from './core/services'
import { systemClock } from './core/clock'
import { Store } from './core/store'

/** The password of `--user`: HUANJIE_PASSWORD, or asked on the terminal without echo. */
export async function passwordFor(account: string): Promise<string> {
  const fromEnv = process.env.HUANJIE_PASSWORD
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv
  if (!process.stdin.isTTY) throw failure('unauthorized', `请用环境变量 HUANJIE_PASSWORD 提供账号“${account}”的密码`)
  return askHidden(`账号“${account}”的密码：`)
}

function askHidden(prompt: string): Promise<string> {
  return new Promise((resolve) => {
    process.stderr.write(prompt)
    const stdin = process.stdin
    stdin.setRawMode(true)
    stdin.resume()
    let typed = ''
    const onData = (chunk: Buffer): void => {
      for (const ch of chunk.toString('utf8')) {
        if (ch === '\r' || ch === '\n' || ch === '\u0004') {
          stdin.setRawMode(false)
          stdin.pause()
          stdin.off('data', onData)
          process.stderr.write('\n')
          return resolve(typed)
        }
        if (ch === '\u0003') process.exit(130)
        typed = ch === '\u007f' ? typed.slice(0, -1) : typed + ch
      }
    }
    stdin.on('data', onData)
  })
}

/**
 * The register for a command: an encrypted one opens only for `--user` with the right password (a wrong one exits 2,
 * changing nothing); a plain one of the previous version opens as before until `huanjie init` converts it.
 */
export async function openForCommand(file: string, user: string | undefined): Promise<Store> {
  const state = registerState(file)
  if (state === 'missing') throw failure('not_found', `数据库文件“${file}”不存在；新建请运行 huanjie init --db ${path.basename(file)} --admin 账号名`)
  if (state === 'plain') return Store.fileStore(file, user ? { actor: user } : {})
  if (!user) throw failure('unauthorized', '该数据库已加密，请用 --user 账号名 指定账号，密码由 HUANJIE_PASSWORD 提供')
  const attempts = new LoginAttempts(file, systemClock)
  attempts.refuseWhileWaiting(user)
  const key = dataKeyFor(file, { account: user, password: await passwordFor(user) })
  if (!key) {
    attempts.failed(user)
    throw failure('unauthorized', `账号“${user}”的密码不正确，未做任何改动`)
  }
  attempts.succeeded(user)
  const store = openEncryptedRegister(file, key, { actor: user })
  if (!buildServices(store).accounts.byName(user)) {
    store.close()
    throw failure('unauthorized', `账号“${user}”不存在`)
  }
  return store
}

/** `huanjie init --db F --admin NAME`: a new encrypted register (or a plain one converted) and its first 管理员. */
export async function init(args: string[], print: (human: string, data: unknown) => void): Promise<void> {
  const { values } = parseArgs({ args, options: { db: { type: 'string' }, admin: { type: 'string' }, json: { type: 'boolean' } } })
  if (!values.db) throw failure('validation', '请用 --db 指定数据库文件')
  if (!values.admin) throw failure('validation', '请用 --admin 指定管理员账号名')
  const file = path.resolve(values.db)
  const password = await passwordFor(values.admin)
  const checked = passwordRule.safeParse(password)
  if (!checked.success) throw failure('validation', `管理员密码不符合要求：${checked.error.issues[0].message}`)
  const state = registerState(file)
  if (state === 'encrypted') throw failure('conflict', `“${file}”已是加密数据库，不能再次初始化`)
  const first = { account: values.admin, password }
  const made = state === 'missing' ? createEncryptedRegister(file, first, { actor: values.admin }) : convertPlainRegister(file, first, { actor: values.admin })
  try {
    actAs(values.admin, () => buildServices(made.store).accounts.create({ name: values.admin!, role: '管理员', villageIds: [] }))
  } finally {
    made.store.close()
  }
  print(
    `已${state === 'missing' ? '新建' : '转换为'}加密数据库：${file}\n管理员账号：${values.admin}\n恢复密钥（只显示这一次，请打印后存放在保险柜中）：\n${made.recoveryKey}`,
    { ok: true, db: file, admin: values.admin, converted: state === 'plain', recoveryKey: made.recoveryKey }
  )
}

/** `--user NAME` belongs to every command: taken out of the arguments before the command reads its own. */
export function takeUser(args: string[]): { user: string | undefined; rest: string[] } {
  const rest: string[] = []
  let user: string | undefined
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--user') user = args[++i]
    else if (args[i].startsWith('--user=')) user = args[i].slice('--user='.length)
    else rest.push(args[i])
  }
  return { user, rest }
}


