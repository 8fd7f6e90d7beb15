import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { buildApi } from '.'
import { registerVoters, townshipVoters } from '../../../tests/fixtures/voters'
import { testServices } from '../core/test-support'
import { sqliteRefusal } from '../core/sqlite-errors'
import { Store } from '../core/store'
import { toFailure } from './method'

const ENGLISH_WORD = /[A-Za-z]{3,}/

describe('saving the voting rules', () => {
  it('refuses an empty or partial object instead of putting every rule back to its default', async () => {
    const api = buildApi(Store.memoryStore())
    const current = await api.elections.rules()
    if (!current.ok) throw new Error('rules unreadable')
    const changed = { ...current.value, objectionDays: 6, proxyLimit: 2 }
    expect(await api.elections.saveRules(changed)).toMatchObject({ ok: true, value: { objectionDays: 6, proxyLimit: 2 } })
    for (const partial of [{}, { objectionDays: 4 }, { ...changed, thresholds: undefined }]) {
      const r = await api.elections.saveRules(partial as never)
      expect(r).toMatchObject({ ok: false, error: { code: 'validation' } })
      expect(!r.ok && r.error.message).not.toMatch(ENGLISH_WORD)
    }
    expect(await api.elections.rules()).toMatchObject({ ok: true, value: { objectionDays: 6, proxyLimit: 2 } })
    const r = await api.elections.saveRules({} as never)
    expect(!r.ok && r.error.message).toMatch(/^填写有误：选民名单公布天数：公布天数应为数字；/)
  })
})

describe('searching', () => {
  it('takes % and _ as themselves, in names and in ID numbers', async () => {
    const store = Store.memoryStore()
    const { rows } = townshipVoters(store, 30, 2)
    registerVoters(store, rows)
    const api = buildApi(store)
    for (const search of ['%', '_', '%%', '3303_2', '%伟']) {
      const r = await api.voters.list({ search })
      expect(r, search).toMatchObject({ ok: true, value: { total: 0, rows: [] } })
      expect(testServices(store).persons.list({ search }), search).toEqual([])
    }
    const some = await api.voters.list({ search: rows[4].idNumber.slice(0, 10) })
    expect(some.ok && some.value.total).toBeGreaterThan(0)
  })

  it('refuses a negative offset or page instead of reading from the start', async () => {
    const store = Store.memoryStore()
    const api = buildApi(store)
    expect(() => testServices(store).persons.list({ offset: -1 })).toThrow(/起始位置/)
    expect(() => testServices(store).persons.list({ limit: -5 })).toThrow(/每页条数/)
    for (const page of [0, -1, 1.5, 1e12]) {
      const r = await api.voters.list({ page })
      expect(r, String(page)).toMatchObject({ ok: false, error: { code: 'validation' } })
      expect(!r.ok && r.error.message).not.toMatch(ENGLISH_WORD)
    }
  })
})

describe('refusals speak Chinese only', () => {
  it('puts no zod English into messages for wrong types, missing fields, bad enums or unknown shapes', async () => {
    const api = buildApi(Store.memoryStore())
    const calls = [
      api.villages.create({ name: 123, kind: '城' } as never),
      api.villages.create(undefined as never),
      api.villages.create('龙山村' as never),
      api.voters.list({ page: 'x', pageSize: 10_000, category: 7 } as never),
      api.voters.counts({ villageId: 'x' } as never),
      api.villages.get({ id: null } as never),
      api.elections.saveRules({ voterMinAge: 'x', thresholds: [] } as never)
    ]
    for (const r of await Promise.all(calls)) {
      expect(r.ok).toBe(false)
      const message = !r.ok ? r.error.message : ''
      expect(message, message).not.toMatch(ENGLISH_WORD)
      for (const reason of Object.values((!r.ok && r.error.fields) || {})) expect(reason, reason).not.toMatch(ENGLISH_WORD)
    }
  })

  it('turns SQLite errors into Chinese refusals that name the field, never SQLite’s text', () => {
    const db = new Database(':memory:')
    db.exec(`CREATE TABLE villages (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, seats INTEGER CHECK (seats > 0));
      CREATE TABLE persons (id INTEGER PRIMARY KEY, village_id INTEGER REFERENCES villages (id));
      PRAGMA foreign_keys = ON; INSERT INTO villages (name) VALUES ('龙山村');`)
    const raised = (sql: string): unknown => {
      try {
        db.exec(sql)
      } catch (e) {
        return e
      }
      throw new Error(`no error from ${sql}`)
    }
    const cases: [string, string, RegExp][] = [
      [`INSERT INTO villages (name) VALUES ('龙山村')`, 'conflict', /已有村社名称相同的记录/],
      [`INSERT INTO villages (name) VALUES (NULL)`, 'validation', /缺少必填的村社名称/],
      [`INSERT INTO villages (name, seats) VALUES ('石桥村', 0)`, 'validation', /超出登记规则允许的范围/],
      [`INSERT INTO persons (village_id) VALUES (99)`, 'in_use', /引用/],
      [`SELECT * FROM nowhere`, 'internal', /数据库操作失败，操作未完成/]
    ]
    for (const [sql, code, message] of cases) {
      const e = raised(sql)
      const r = toFailure(e)
      expect(r, sql).toMatchObject({ ok: false, error: { code, message: expect.stringMatching(message) } })
      expect(!r.ok && r.error.message).not.toMatch(ENGLISH_WORD)
      expect(sqliteRefusal(e)).not.toBeNull()
    }
    expect(sqliteRefusal(new Error('plain'))).toBeNull()
    db.close()
  })
})
