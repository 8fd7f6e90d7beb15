import { describe, expect, it } from 'vitest'
import { dispatch } from './method'
import { buildApi } from '.'
import { Store } from '../core/store'

describe('the API object', () => {
  it('validates at the boundary and returns failures as values with Chinese messages per field', async () => {
    const api = buildApi(Store.memoryStore())
    const r = await api.villages.create({ name: '', kind: '村', committeeSeats: 2 } as never)
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'validation', fields: { name: '名称不能为空', committeeSeats: expect.stringContaining('3至7人') } }
    })
    expect(!r.ok && r.error.message).toMatch(/^填写有误：名称：名称不能为空；村\(居\)委会职数/)
  })

  it('labels nested fields of an update', async () => {
    const api = buildApi(Store.memoryStore())
    const created = await api.villages.create({ name: '龙山村', kind: '村' })
    expect(created.ok).toBe(true)
    const id = created.ok ? created.value.id : 0
    const r = await api.villages.update({ id, data: { name: '龙山村', kind: '村', households: -1 } })
    expect(r).toMatchObject({ ok: false, error: { fields: { 'data.households': '户数不能为负数' } } })
    expect(!r.ok && r.error.message).toContain('户数：户数不能为负数')
  })

  it('dispatches by name and refuses names that are not methods of the API', async () => {
    const api = buildApi(Store.memoryStore())
    expect(await dispatch(api, 'villages.list', {})).toEqual({ ok: true, value: [] })
    for (const name of ['villages', 'villages.constructor', '__proto__.toString', 'villages.list.call', 'nope.list', '']) {
      expect(await dispatch(api, name, {})).toMatchObject({ ok: false, error: { code: 'not_found' } })
    }
  })

  it('reports a missing record as not_found', async () => {
    const api = buildApi(Store.memoryStore())
    expect(await api.villages.remove({ id: 99 })).toMatchObject({ ok: false, error: { code: 'not_found' } })
  })
})
