import Database from 'better-sqlite3'
import fs from 'node:fs'
import path from 'node:path'
import { AppFailure, failure } from '../../shared/result'
// Every process that opens the register checks input with zod's messages in Chinese.
import '../../shared/zod-zh'
import { isBusy, whenFree } from './busy'
import { systemClock, type Clock } from './clock'
import { LATEST_VERSION, MIGRATIONS, type Migration } from './migrations'
import { INDEX_PENDING_SQL } from './migrations/011_person_search'
import { actingAccount, defaultActor } from './acting-account'
import { migrate } from './migrations/apply'
import { carrySlots } from './key-slots'
import { openConnection as openKeyed, WrongKeyError, type Opening } from './sqlcipher'
import { checkCopy, configure, WRITER_CACHE_KB } from './store-connection'

export interface OpenOptions extends Opening {
  /** Stop migrating at this version (tests build every earlier shape with it). */
  targetVersion?: number
  /** Who is recorded in the audit log. */
  actor?: string
  migrations?: readonly Migration[]
  /** What stamps the audit log, the copy taken before migrating and the migrations' own rows. */
  clock?: Clock
}

export interface AuditEntry {
  action: string
  entity: string
  entityId?: string | number | null
  summary?: string
  before?: unknown
  after?: unknown
}

/** The typed reads alone: what a helper that only reads rows is given. */
export type Reads = Pick<Store, 'one' | 'all' | 'value'>


/** Thrown when a file cannot be used at all; the message is for the user. */
export class StoreOpenError extends Error {
  constructor(
    message: string,
    readonly code: 'too_new' | 'not_a_database' | 'unreadable' | 'wrong_key'
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
    readonly backupBeforeMigration: string | null,
    readonly clock: Clock,
    /** How this file is opened (native binding, data key): a second connection opens it alike. */
    private readonly opening: Opening = {}
  ) {}

  static memoryStore(options: OpenOptions = {}): Store {
    const db = openConnection(':memory:', { nativeBinding: options.nativeBinding })
    configure(db, false)
    const clock = options.clock ?? systemClock
    migrate(db, options.migrations ?? MIGRATIONS, clock, options.targetVersion)
    return new Store(db, ':memory:', options.actor ?? defaultActor(), null, clock)
  }

  static fileStore(file: string, options: OpenOptions = {}): Store {
    const migrations = options.migrations ?? MIGRATIONS
    const latest = migrations[migrations.length - 1].version
    const target = options.targetVersion ?? latest
    const clock = options.clock ?? systemClock
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
      if (version > 0 && version < target) backup = copyBeforeMigration(file, version, clock, options)
    } else {
      fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true })
    }
    const db = openConnection(file, options)
    try {
      configure(db, true)
      migrate(db, migrations, clock, target)
    } catch (e) {
      db.close()
      throw e
    }
    return new Store(db, path.resolve(file), options.actor ?? defaultActor(), backup, clock, { nativeBinding: options.nativeBinding, key: options.key })
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

  /** The first column of every row (ids), without building an object per row. */
  values<T>(sql: string, ...params: unknown[]): T[] {
    return this.prepare(sql).pluck(true).all(...params) as T[]
  }

  run(sql: string, ...params: unknown[]): Database.RunResult {
    return this.prepare(sql).run(...params)
  }

  /** Statements of the program's own that take no parameters (schema changes inside an import's transaction). */
  exec(sql: string): void {
    this.db.exec(sql)
  }

  /** Reads that must see one snapshot of the file (a plan and the change mark it was made against). */
  snapshot<T>(fn: () => T): T {
    return this.transaction(fn)
  }

  /** Runs `fn` in one transaction (deferred, nesting as a savepoint): many writes laid down in one commit. */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)()
  }

  get version(): number {
    return this.db.pragma('user_version', { simple: true }) as number
  }

  /** Runs `fn` and the audit rows it records in one transaction; a throw undoes both. */
  write<T>(fn: (audit: (entry: AuditEntry) => void) => T): T {
    if (this.streaming) throw failure('busy', '正在导入名册，导入完成（或取消）后才能保存其他修改，请稍候再试')
    const audit = this.auditor()
    // IMMEDIATE: the write lock is taken (or waited for) at the start. A deferred transaction that reads and then
    // writes gets SQLITE_BUSY at once, without waiting, when another process wrote in between.
    const result = this.db
      .transaction(() => {
        const result = fn(audit)
        this.settle()
        return result
      })
      .immediate()
    this.syncSoon()
    return result
  }

  private syncTimer: NodeJS.Timeout | null = null

  /** A commit made without a sync (synchronous=NORMAL) reaches the disk within DURABLE_WITHIN_MS. */
  private syncSoon(): void {
    if (this.syncTimer || this.path === ':memory:') return
    this.syncTimer = setTimeout(() => {
      this.syncTimer = null
      this.syncNow()
    }, DURABLE_WITHIN_MS)
    // The CLI exits when its work is done; closing the file syncs it then.
    this.syncTimer.unref()
  }

  /**
   * Syncs every commit so far: a passive checkpoint syncs the WAL before it copies it into the file, and syncs the
   * file after, without waiting for any lock. One that cannot run now (a statement open, another checkpoint)
   * is left to the next write's.
   */
  syncNow(): void {
    if (!this.db.open || this.db.inTransaction) return
    try {
      this.db.pragma('wal_checkpoint(PASSIVE)')
    } catch (e) {
      if (!isBusy(e)) console.error(e)
    }
  }

  private searchIndexed?: boolean

  /** Work that waits for the end of a write: the people written go into the search index (migration 011). */
  private settle(): void {
    this.searchIndexed ??= this.version >= 11
    if (this.searchIndexed && this.value('SELECT 1 FROM person_search_pending LIMIT 1') !== undefined) this.db.exec(INDEX_PENDING_SQL)
  }

  private streaming = false

  /** Whether a streamed write (an import) holds the write lock now. */
  get writing(): boolean {
    return this.streaming
  }

  /**
   * `write` for work that awaits inside its transaction (an import writing a batch of rows, then letting every
   * other call have its turn). On a file the transaction runs on a second connection, given to `fn`: this
   * connection's reads meanwhile see the register as it was before the import (WAL), never a half-written
   * file, and a cancel or a crash leaves it so. Other writes are refused at once while it runs, instead of
   * waiting out the busy timeout on the one thread that must also finish the import.
   * An in-memory register (tests) has no second connection: `fn` gets this one.
   */
  async writeStreamed<T>(fn: (tx: Store, audit: (entry: AuditEntry) => void) => Promise<T>): Promise<T> {
    if (this.path === ':memory:') return this.whileStreaming(() => this.streamHere((audit) => fn(this, audit)))
    return this.whileStreaming(async () => {
      const tx = this.sibling()
      try {
        return await tx.streamHere((audit) => fn(tx, audit))
      } finally {
        tx.close()
      }
    })
  }

  /**
   * Holds this connection's writes off while `fn` runs a streamed write elsewhere (an import's own thread with its
   * own connection): they are refused at once with a message, instead of waiting out the busy timeout.
   */
  async whileStreaming<T>(fn: () => Promise<T>): Promise<T> {
    if (this.streaming) throw failure('busy', '已有一个导入正在进行，请等它完成或取消后再导入')
    if (this.db.inTransaction) throw new Error('writeStreamed cannot nest')
    this.streaming = true
    try {
      return await fn()
    } finally {
      this.streaming = false
    }
  }

  /**
   * The streamed transaction on this connection: the write lock taken (waited for between tries), `fn` awaited,
   * the search index settled and COMMIT, or ROLLBACK on any throw. Where it runs on an import's own thread,
   * `beforeCommit` may still refuse (a cancel) at the last moment.
   */
  async streamHere<T>(fn: (audit: (entry: AuditEntry) => void) => Promise<T>, beforeCommit?: () => Promise<void>): Promise<T> {
    const audit = this.auditor()
    await whenFree(() => this.db.exec('BEGIN IMMEDIATE'))
    try {
      const result = await fn(audit)
      this.settle()
      await beforeCommit?.()
      this.db.exec('COMMIT')
      return result
    } catch (e) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK')
      throw e
    }
  }

  /**
   * Another connection to a file already at the current version (an import's own thread opens one), configured
   * alike; its page cache is large, since it writes a whole roster in one transaction.
   */
  static openCurrent(file: string, options: Opening & { actor: string; clock: Clock }): Store {
    const opening: Opening = { nativeBinding: options.nativeBinding, key: options.key }
    const db = openConnection(file, opening, { fileMustExist: true })
    configure(db, true, 'full')
    db.pragma(`cache_size = ${-WRITER_CACHE_KB}`)
    return new Store(db, path.resolve(file), options.actor, null, options.clock, opening)
  }

  /** A second connection to the same file, configured alike (the schema is already current). */
  private sibling(): Store {
    return Store.openCurrent(this.path, { ...this.opening, actor: this.actor, clock: this.clock })
  }

  /** How this file was opened (native binding, data key): a thread opening it needs the same. */
  get openedWith(): Opening {
    return this.opening
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
    const at = this.clock.now()
    // The account signed in for the call that writes (the API boundary sets it), else the one the store was opened for.
    const actor = actingAccount() ?? this.actor
    return (e: AuditEntry): void => {
      insert.run(
        at,
        actor,
        e.action,
        e.entity,
        e.entityId === undefined || e.entityId === null ? null : String(e.entityId),
        e.summary ?? '',
        e.before === undefined ? null : JSON.stringify(e.before),
        e.after === undefined ? null : JSON.stringify(e.after)
      )
    }
  }

  /**
   * A consistent copy of the open database, safe while it is in use, even while another process holds the write
   * lock (an import): the copy needs only a read snapshot. It is checked before it is reported. Its audit row
   * needs the write lock, so it waits for it up to `auditWaitMs`; if the lock is still held then, the backup is
   * still good and reported as such, with `audited: false` and a note saying the row was not written.
   */
  async backupTo(out: string, options: { auditWaitMs?: number } = {}): Promise<BackupResult> {
    const target = path.resolve(out)
    if (target === this.path) throw failure('validation', '备份文件不能与数据库文件相同')
    fs.mkdirSync(path.dirname(target), { recursive: true })
    // All pages in one step: a step reads one snapshot, and a copy made in many steps starts over whenever
    // another process commits in between, so a busy office could starve it.
    if (this.opening.key) {
      // SQLite's backup API cannot write an encrypted copy; VACUUM INTO writes one with the same key, also in one
      // read snapshot, into a file of its own that replaces the target only when whole.
      const tmp = `${target}.${process.pid}.tmp`
      fs.rmSync(tmp, { force: true })
      this.db.prepare('VACUUM INTO ?').run(tmp)
      fs.renameSync(tmp, target)
      carrySlots(this.path, target)
    } else {
      await this.db.backup(target, { progress: ({ totalPages }) => Math.max(totalPages, 100) })
    }
    const check = checkCopy(this.db, target)
    if (check !== 'ok') throw failure('backup_damaged', `备份文件“${target}”校验未通过（${check}），请重新备份`)
    const bytes = fs.statSync(target).size
    try {
      await whenFree(
        () => this.write((audit) => audit({ action: 'backup', entity: 'database', summary: `备份到 ${target}` })),
        options.auditWaitMs ?? BACKUP_AUDIT_WAIT_MS
      )
    } catch (e) {
      if (!isBusy(e)) throw e
      return {
        path: target,
        bytes,
        audited: false,
        note: '备份文件已写好并校验无误；数据库正被另一个程序写入（例如正在导入），这次备份没能记入操作记录。'
      }
    }
    return { path: target, bytes, audited: true, note: '' }
  }

  /** SQLite's integrity_check: 'ok', or its first complaint. */
  integrity(): string {
    return String(this.db.pragma('integrity_check', { simple: true }))
  }

  /** Everything in the WAL written into the file and the WAL emptied (before the file is copied as bytes). */
  checkpoint(): void {
    this.db.pragma('wal_checkpoint(TRUNCATE)')
  }

  close(): void {
    if (this.syncTimer) clearTimeout(this.syncTimer)
    this.syncTimer = null
    if (this.db.open) this.db.close()
  }
}

export interface BackupResult {
  path: string
  bytes: number
  /** Whether the backup's row made it into the audit log. */
  audited: boolean
  note: string
}

const BACKUP_AUDIT_WAIT_MS = 120_000
/** The longest a confirmed save stays unsynced: what a power cut could take back (never the program's crash). */
export const DURABLE_WITHIN_MS = 1000

/** A connection opened alike everywhere; a wrong key becomes the user's message. */
function openConnection(file: string, opening: Opening, extra: Database.Options = {}): Database.Database {
  try {
    return openKeyed(file, opening, extra)
  } catch (e) {
    if (e instanceof WrongKeyError) throw new StoreOpenError(e.message, 'wrong_key')
    throw e
  }
}

/** Reads user_version without writing a byte, so a refused file stays untouched. */
function peekVersion(file: string, options: OpenOptions): number {
  let db: Database.Database
  try {
    db = openConnection(file, options, { readonly: true, fileMustExist: true })
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

function copyBeforeMigration(file: string, version: number, clock: Clock, options: OpenOptions): string {
  const stamp = clock.now().replace(/[:T]/g, '').slice(0, 14)
  // A copy of this second may already stand (a migration killed and the file opened again at once): never overwritten.
  let copy = `${file}.v${version}-${stamp}.bak`
  for (let n = 2; fs.existsSync(copy); n++) copy = `${file}.v${version}-${stamp}-${n}.bak`
  const db = openConnection(file, options, { readonly: true, fileMustExist: true })
  try {
    // VACUUM INTO writes a consistent copy including anything still in the WAL.
    db.prepare('VACUUM INTO ?').run(copy)
  } finally {
    db.close()
  }
  // Encrypted with the same key as the register (VACUUM INTO keeps it), so it opens with the same passwords.
  if (options.key) carrySlots(file, copy)
  return copy
}

export { LATEST_VERSION, AppFailure }
