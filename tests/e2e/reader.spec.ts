import { expect, test } from './fixtures'
import { callApi, startServer } from './server'

test('a 查阅 account sees the village register without 新增/编辑/删除, and a direct write is refused', async ({ page, workDir }) => {
  const server = await startServer(`${workDir}/office.db`)
  try {
    await callApi(server, 'villages.create', { name: '龙山村', kind: '村' })
    await callApi(server, 'accounts.create', { name: '周查阅', role: '查阅', password: 'zhouchayue-1' })
    const login = await fetch(new URL('/api/session.login', server.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-huanjie-token': server.token },
      body: JSON.stringify({ account: '周查阅', password: 'zhouchayue-1' })
    })
    const reader = { ...server, session: ((await login.json()) as { value: { session: string } }).value.session }
    const readerUrl = new URL(server.url)
    readerUrl.searchParams.set('session', reader.session)
    await page.goto(readerUrl.toString().replace(/#.*$/, '') + '#/villages')
    await expect(page.getByRole('cell', { name: '龙山村' })).toBeVisible()
    for (const label of ['新增村社', '编辑', '删除', '导入']) await expect(page.getByRole('button', { name: label })).toHaveCount(0)
    await expect(callApi(reader, 'villages.create', { name: '凤凰村', kind: '村' })).rejects.toThrow('您的账号（查阅）没有“录入和修改”的权限，操作未执行')
    expect((await callApi<{ name: string }[]>(server, 'villages.list', {})).map((v) => v.name)).toEqual(['龙山村'])
  } finally {
    await server.stop()
  }
})
