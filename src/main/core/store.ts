import Database from 'better-sqlite3'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { AppFailure, failure } from '../../shared/result'
import { nowStamp } from './clock'
import { LATEST_VERSION, MIGRATIONS, type Migration } from './migrations'

export interface OpenOptions {
  /** Stop migrating at this version (tests build every earlier shape with it). */
  targetVersion?: number
  /** Path of a better-sqlite3 binary built for the running runtime (Electron in development). */
  nativeBinding?: string
  /** Who is recorded in the audit log. */
  actor?: string
  migrations?: readonly Migration[]
}

export interface AuditEntry {
  action: string
  entity: string
  entityId?: string | number | null
  summary?: string
  before?: unknown
  after?: unknown
}

/** Thrown when a file cannot be used at all; the message is for the user. */
export class StoreOpenError extends Error {
  constructor(
    message: string,
    readonly code: 'too_new' | 'not_a_database' | 'unreadable'
  ) {
    super(message)
  }
}

/**
 * The register: one SQLite file, owned by one process. Everything that writes goes through
 * `write`, which wraps the change and its audit rows in one transaction.
 */
export class Store {
  private constructor(
    readonly db: Database.Database,
    readonly path: string,
    readonly actor: string,
    /** The copy taken before migrating, if one was needed. */
    readonly backupBeforeMigration: string | null
  ) {}

  static memoryStore(options: OpenOptions = {}): Store {
    const db = new Database(':memory:', nativeOptions(options))
    configure(db, false)
    migrate(db, options.migrations ?? MIGRATIONS, options.targetVersion)
    return new Store(db, ':memory:', options.actor ?? defaultActor(), null)
  }

  static fileStore(file: string, options: OpenOptions = {}): Store {
    const migrations = options.migrations ?? MIGRATIONS
    const latest = migrations[migrations.length - 1].version
    const target = options.targetVersion ?? latest
    const exists = fs.existsSync(file) && fs.statSync(file).size > 0
    let backup: string | null = null
    if (exists) {
      const version = peekVersion(file, options)
      if (version > latest) {
        throw new StoreOpenError(
          `数据库文件“${path.basename(file)}”由更新版本的换届工作台写入（数据版本 ${version}，本程序支持到 ${latest}）。` +
            '为保护数据，本程序不会打开或修改它。请安装新版本后再打开。',
          'too_new'
        )
      }
      if (version > 0 && version < target) backup = copyBeforeMigration(file, version, options)
    } else {
      fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true })
    }
    const db = new Database(file, nativeOptions(options))
    try {
      configure(db, true)
      migrate(db, migrations, target)
    } catch (e) {
      db.close()
      throw e
    }
    return new Store(db, path.resolve(file), options.actor ?? defaultActor(), backup)
  }

  private readonly statements = new Map<string, Database.Statement>()

  /** A statement prepared once per SQL text (the texts are the program's own, so there are few). */
  prepare(sql: string): Database.Statement {
    let s = this.statements.get(sql)
    if (!s) this.statements.set(sql, (s = this.db.prepare(sql)))
    return s
  }

  /** One row, typed where it is read: the SQL names every column `AS camelCase`. */
  one<T>(sql: string, ...params: unknown[]): T | undefined {
    return this.prepare(sql).pluck(false).get(...params) as T | undefined
  }

  all<T>(sql: string, ...params: unknown[]): T[] {
    return this.prepare(sql).pluck(false).all(...params) as T[]
  }

  /** The first column of the first row (a count, an id). */
  value<T>(sql: string, ...params: unknown[]): T | undefined {
    return this.prepare(sql).pluck(true).get(...params) as T | undefined
  }

  run(sql: string, ...params: unknown[]): Database.RunResult {
    return this.prepare(sql).run(...params)
  }

  /** Reads that must see one snapshot of the file (a plan and the change mark it was made against). */
  snapshot<T>(fn: () => T): T {
    return this.db.transaction(fn)()
  }

  get version(): number {
    return this.db.pragma('user_version', { simple: true }) as number
  }

  /** Runs `fn` and the audit rows it records in one transaction; a throw undoes both. */
  write<T>(fn: (audit: (entry: AuditEntry) => void) => T): T {
    if (this.streaming) throw new Error('a streamed write holds the connection')
    const audit = this.auditor()
    return this.db.transaction(() => fn(audit))()
  }

  private streaming = false

  /**
   * `write` for work that awaits inside its transaction (an import writing rows while the rest of the file is
   * still being read). The transaction holds the write lock throughout, and anything else on this connection
   * would join it, so only a process that does nothing else meanwhile may use it (the CLI).
   */
  async writeStreamed<T>(fn: (audit: (entry: AuditEntry) => void) => Promise<T>): Promise<T> {
    if (this.streaming || this.db.inTransaction) throw new Error('writeStreamed cannot nest')
    const audit = this.auditor()
    this.db.exec('BEGIN IMMEDIATE')
    this.streaming = true
    try {
      const result = await fn(audit)
      this.db.exec('COMMIT')
      return result
    } catch (e) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK')
      throw e
    } finally {
      this.streaming = false
    }
  }

  /**
   * Changes with every write to the file, by this connection (its change count) or by another (data_version):
   * equal marks mean the register is as it was. Read it inside a transaction to compare against now.
   */
  changeMark(): string {
    const own = this.db.prepare('SELECT total_changes()').pluck().get() as number
    return `${this.db.pragma('data_version', { simple: true }) as number}:${own}`
  }

  private auditor(): (entry: AuditEntry) => void {
    const insert = this.db.prepare(
      `INSERT INTO audit_log (at, actor, action, entity, entity_id, summary, before, after)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`
    )
    const at = nowStamp()
    return (e: AuditEntry): void => {
      insert.run(
        at,
        this.actor,
        e.action,
        e.entity,
        e.entityId === undefined || e.entityId === null ? null : String(e.entityId),
        e.summary ?? '',
        e.before === undefined ? null : JSON.stringify(e.before),
        e.after === undefined ? null : JSON.stringify(e.after)
      )
    }
  }

  /** A consistent copy of the open database, safe while it is in use (SQLite online backup). */
  async backupTo(out: string): Promise<{ path: string; bytes: number }> {
    const target = path.resolve(out)
    if (target === this.path) throw failure('validation', '备份文件不能与数据库文件相同')
    fs.mkdirSync(path.dirname(target), { recursive: true })
    await this.db.backup(target)
    this.write((audit) => audit({ action: 'backup', entity: 'database', summary: `备份到 ${target}` }))
    return { path: target, bytes: fs.statSync(target).size }
  }

  close(): void {
    if (this.db.open) this.db.close()
  }
}

function nativeOptions(options: OpenOptions): Database.Options {
  return options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}
}

function configure(db: Database.Database, onDisk: boolean): void {
  if (onDisk) db.pragma('journal_mode = WAL')
  // FULL: a roster saved the day before an election must survive a power cut.
  db.pragma('synchronous = FULL')
  db.pragma('foreign_keys = ON')
  db.pragma('busy_timeout = 5000')
}

/** Reads user_version without writing a byte, so a refused file stays untouched. */
function peekVersion(file: string, options: OpenOptions): number {
  let db: Database.Database
  try {
    db = new Database(file, { ...nativeOptions(options), readonly: true, fileMustExist: true })
  } catch (e) {
    throw new StoreOpenError(`无法打开数据库文件“${file}”：${(e as Error).message}`, 'unreadable')
  }
  try {
    return db.pragma('user_version', { simple: true }) as number
  } catch {
    throw new StoreOpenError(`“${path.basename(file)}”不是换届工作台的数据库文件（不是有效的 SQLite 文件）。`, 'not_a_database')
  } finally {
    db.close()
  }
}

function copyBeforeMigration(file: string, version: number, options: OpenOptions): string {
  const stamp = nowStamp().replace(/[:T]/g, '').slice(0, 14)
  const copy = `${file}.v${version}-${stamp}.bak`
  const db = new Database(file, { ...nativeOptions(options), readonly: true, fileMustExist: true })
  try {
    // VACUUM INTO writes a consistent copy including anything still in the WAL.
    db.prepare('VACUUM INTO ?').run(copy)
  } finally {
    db.close()
  }
  return copy
}

function migrate(db: Database.Database, migrations: readonly Migration[], target?: number): void {
  const current = db.pragma('user_version', { simple: true }) as number
  const goal = target ?? migrations[migrations.length - 1].version
  const pending = migrations.filter((m) => m.version > current && m.version <= goal)
  if (pending.length === 0) return
  db.transaction(() => {
    for (const m of pending) {
      if (typeof m.up === 'string') db.exec(m.up)
      else m.up(db)
      db.pragma(`user_version = ${m.version}`)
    }
  })()
}

function defaultActor(): string {
  try {
    return os.userInfo().username || '本机用户'
  } catch {
    return '本机用户'
  }
}

export { LATEST_VERSION, AppFailure }
