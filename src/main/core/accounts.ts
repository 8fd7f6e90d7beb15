import type { Account, Role } from '../../shared/accounts'
import { failure } from '../../shared/result'
import type { Clock } from './clock'
import type { Store } from './store'

const COLUMNS = 'id, name, role, village_ids AS villageIds, created_at AS createdAt, updated_at AS updatedAt'
type Row = Omit<Account, 'villageIds'> & { villageIds: string }
const account = (r: Row): Account => ({ ...r, villageIds: JSON.parse(r.villageIds) as number[] })

/** The accounts of the office (the rows; their passwords are key slots beside the file, see access/gate.ts). */
export class AccountService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock
  ) {}

  list(): Account[] {
    return this.store.all<Row>(`SELECT ${COLUMNS} FROM accounts ORDER BY id`).map(account)
  }

  byName(name: string): Account | undefined {
    const r = this.store.one<Row>(`SELECT ${COLUMNS} FROM accounts WHERE name = ?`, name)
    return r && account(r)
  }

  require(name: string): Account {
    const a = this.byName(name)
    if (!a) throw failure('not_found', `没有名为“${name}”的账号`)
    return a
  }

  create(data: { name: string; role: Role; villageIds: number[] }): Account {
    return this.store.write((audit) => {
      if (this.byName(data.name)) throw failure('exists', `账号“${data.name}”已存在`)
      this.checkVillages(data.villageIds)
      const now = this.clock.now()
      const id = Number(
        this.store.run('INSERT INTO accounts (name, role, village_ids, created_at, updated_at) VALUES (?, ?, ?, ?, ?)', data.name, data.role, JSON.stringify(data.villageIds), now, now).lastInsertRowid
      )
      const created = this.require(data.name)
      audit({ action: 'create', entity: 'account', entityId: id, summary: `新建账号“${data.name}”（${data.role}）`, after: created })
      return created
    })
  }

  update(data: { name: string; role: Role; villageIds: number[] }): Account {
    return this.store.write((audit) => {
      const before = this.require(data.name)
      this.checkVillages(data.villageIds)
      if (before.role === '管理员' && data.role !== '管理员') this.keepOneAdmin(before.name)
      this.store.run('UPDATE accounts SET role = ?, village_ids = ?, updated_at = ? WHERE id = ?', data.role, JSON.stringify(data.villageIds), this.clock.now(), before.id)
      const after = this.require(data.name)
      audit({ action: 'update', entity: 'account', entityId: before.id, summary: `修改账号“${data.name}”`, before, after })
      return after
    })
  }

  remove(name: string): Account {
    return this.store.write((audit) => {
      const before = this.require(name)
      if (before.role === '管理员') this.keepOneAdmin(name)
      this.store.run('DELETE FROM accounts WHERE id = ?', before.id)
      audit({ action: 'delete', entity: 'account', entityId: before.id, summary: `删除账号“${name}”`, before })
      return before
    })
  }

  /** A row in 操作记录 for what happened outside a change: a login, a refused password, a reset, an export. */
  record(action: string, entity: string, summary: string, entityId?: string | number | null, after?: unknown): void {
    this.store.write((audit) => audit({ action, entity, entityId, summary, after }))
  }

  private keepOneAdmin(name: string): void {
    const others = this.store.value<number>("SELECT count(*) FROM accounts WHERE role = '管理员' AND name <> ?", name) ?? 0
    if (others === 0) throw failure('conflict', `“${name}”是唯一的管理员账号，不能删除或改为其他角色；请先让另一个账号成为管理员`)
  }

  private checkVillages(ids: number[]): void {
    for (const id of ids) {
      if (this.store.value('SELECT 1 FROM villages WHERE id = ?', id) === undefined) throw failure('validation', `限定的村(社区)不存在（编号 ${id}）`)
    }
  }
}
