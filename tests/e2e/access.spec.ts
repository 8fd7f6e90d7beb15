import { expect, test } from './fixtures'
import { startServer } from './server'

test('first start sets up the 管理员 and shows the recovery key once; a 查阅 account cannot write through the API', async ({ page, workDir }) => {
  const server = await startServer(`${workDir}/office.db`, { signIn: false })
  try {
    await page.goto(server.url)
    await expect(page.getByText('首次使用：设置管理员')).toBeVisible()
    await page.getByLabel('管理员账号名').fill('林主任')
    await page.getByLabel(/^密码/).fill('12345678')
    await page.getByLabel('再输一次密码').fill('12345678')
    await page.getByRole('button', { name: /设置管理员并新建数据库/ }).click()
    await expect(page.getByText('密码不能全是数字')).toBeVisible()
    await page.getByLabel(/^密码/).fill('linzhuren-2026')
    await page.getByLabel('再输一次密码').fill('linzhuren-2026')
    await page.getByRole('button', { name: /设置管理员并新建数据库/ }).click()
    const key = page.getByLabel('恢复密钥')
    await expect(key).toHaveText(/^[2-9A-Z]{5}(-[2-9A-Z]{5}){4}/)
    await page.getByRole('button', { name: '我已妥善保存，开始使用' }).click()
    await expect(page.getByRole('heading', { name: '村社台账' })).toBeVisible({ timeout: 30_000 })

    const post = async (name: string, input: unknown, session: string) => {
      const res = await fetch(new URL(`/api/${name}`, server.url), {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-huanjie-token': server.token, 'x-huanjie-session': session },
        body: JSON.stringify(input)
      })
      return (await res.json()) as { ok: boolean; value: { session: string }; error?: { code: string; message: string } }
    }
    const admin = await page.evaluate(() => sessionStorage.getItem('huanjie.session') ?? '')
    expect((await post('accounts.create', { name: '周查阅', role: '查阅', password: 'zhouchayue-1' }, admin)).ok).toBe(true)
    const reader = (await post('session.login', { account: '周查阅', password: 'zhouchayue-1' }, '')).value.session
    const refused = await post('villages.create', { name: '越权村', kind: '村' }, reader)
    expect(refused.error).toEqual({ code: 'forbidden', message: '您的账号（查阅）没有“录入和修改”的权限，操作未执行' })
    expect((await post('villages.list', {}, reader)).value).toEqual([])
    // Without a session nothing is answered but the sign-in calls.
    expect((await post('villages.list', {}, '')).error?.code).toBe('unauthorized')

    // Reloaded, the tab keeps its session; a new tab is asked to sign in.
    const other = await page.context().newPage()
    await other.goto(server.url.replace(/#.*$/, ''))
    await expect(other.getByText('换届工作台 登录')).toBeVisible()
  } finally {
    await server.stop()
  }
})
