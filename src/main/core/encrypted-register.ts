import fs from 'node:fs'
import path from 'node:path'
import { failure } from '../../shared/result'
import { fsyncDir, fsyncFile, shredFile } from './durable-file'
import {
  accountSlot,
  emptySlotFile,
  hasSlots,
  makeSlot,
  newDataKey,
  newRecoveryKey,
  openSlot,
  openWithRecovery,
  readSlots,
  withAccountSlot,
  withoutAccountSlot,
  writeSlots,
  type SlotFile
} from './key-slots'
import { encryptInPlace } from './sqlcipher'
import { Store, StoreOpenError, type OpenOptions } from './store'

/** What is on disk at a register's path. */
export type RegisterState = 'missing' | 'plain' | 'encrypted'

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1')

export function registerState(file: string): RegisterState {
  if (!fs.existsSync(file) || fs.statSync(file).size === 0) return hasSlots(file) ? 'encrypted' : 'missing'
  const head = Buffer.alloc(16)
  const fd = fs.openSync(file, 'r')
  try {
    fs.readSync(fd, head, 0, 16, 0)
  } finally {
    fs.closeSync(fd)
  }
  return head.equals(SQLITE_MAGIC) ? 'plain' : 'encrypted'
}

export interface Credentials {
  account: string
  password: string
}

export type StoreOptions = Omit<OpenOptions, 'key'>

/** A new encrypted register: a random data key, a slot for the first account and one for the recovery key (shown once). */
export function createEncryptedRegister(file: string, first: Credentials, options: StoreOptions = {}): { store: Store; recoveryKey: string; key: Buffer } {
  if (registerState(file) !== 'missing') throw failure('conflict', `“${path.basename(file)}”已存在，不能再新建`)
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true })
  const key = newDataKey()
  const recoveryKey = newRecoveryKey()
  writeSlots(file, withAccountSlot({ ...emptySlotFile(), slots: [makeSlot('recovery', undefined, recoveryKey, key)] }, first.account, first.password, key))
  return { store: Store.fileStore(file, { ...options, key }), recoveryKey, key }
}

/** The data key for an account's password, or null when the password (or the account) is wrong. */
export function dataKeyFor(file: string, who: Credentials): Buffer | null {
  const slot = accountSlot(readSlots(file), who.account)
  return slot ? openSlot(slot, who.password) : null
}

export function dataKeyFromRecovery(file: string, recoveryKey: string): Buffer | null {
  return openWithRecovery(readSlots(file), recoveryKey)
}

/** Opens an encrypted register with a data key from a slot; leftovers of an interrupted conversion are cleared first. */
export function openEncryptedRegister(file: string, key: Buffer, options: StoreOptions = {}): Store {
  finishConversion(file)
  return Store.fileStore(file, { ...options, key })
}

/** Sets (or resets) one account's password: one slot is rewritten, the database is not touched. */
export function setAccountPassword(file: string, key: Buffer, account: string, password: string): void {
  writeSlots(file, withAccountSlot(readSlots(file), account, password, key))
}

export function removeAccountSlot(file: string, account: string): void {
  writeSlots(file, withoutAccountSlot(readSlots(file), account))
}

export function slotsOf(file: string): SlotFile {
  return readSlots(file)
}

const convertingOf = (file: string): string => `${file}.encrypting`
const plainLeftOf = (file: string): string => `${file}.plain-old`

/**
 * Converts a plain register of the previous version into an encrypted one with a first account. The encrypted copy is
 * written beside the file, synced and checked (integrity_check, the row count of every table equal) before it is
 * renamed over the plain file, whose bytes are then overwritten. A crash at any point leaves a register that opens:
 * before the rename the plain file is untouched (and converted again next time), after it the encrypted one is whole.
 */
export function convertPlainRegister(file: string, first: Credentials, options: StoreOptions = {}): { store: Store; recoveryKey: string; key: Buffer } {
  if (registerState(file) !== 'plain') throw failure('conflict', `“${path.basename(file)}”不是未加密的数据库`)
  const target = convertingOf(file)
  fs.rmSync(target, { force: true })
  // At its own version (target 0 migrates nothing): a migration of the plain file would leave a plain copy behind.
  // The encrypted one is migrated when it is opened, and its copy before migrating is encrypted.
  const plain = Store.fileStore(file, { ...options, targetVersion: 0 })
  let counts: Record<string, number>
  try {
    if (plain.integrity() !== 'ok') {
      throw failure('backup_damaged', `“${path.basename(file)}”自身校验未通过，不能转换为加密数据库，请先从备份恢复`)
    }
    counts = rowCounts(plain)
    plain.checkpoint()
  } finally {
    plain.close()
  }
  fs.copyFileSync(file, target)
  const key = newDataKey()
  const recoveryKey = newRecoveryKey()
  encryptInPlace(target, key, options.nativeBinding)
  fsyncFile(target)
  const check = Store.fileStore(target, { ...options, key, targetVersion: 0 })
  try {
    const ok = check.integrity()
    const after = rowCounts(check)
    const differ = Object.keys({ ...counts, ...after }).filter((t) => counts[t] !== after[t])
    if (ok !== 'ok' || differ.length > 0) {
      throw failure('backup_damaged', `加密后的副本校验未通过（${ok !== 'ok' ? ok : `行数不同：${differ.join('、')}`}），原文件未改动`)
    }
    check.checkpoint()
  } catch (e) {
    check.close()
    fs.rmSync(target, { force: true })
    throw e
  }
  check.close()
  writeSlots(file, withAccountSlot({ ...emptySlotFile(), slots: [makeSlot('recovery', undefined, recoveryKey, key)] }, first.account, first.password, key))
  // The plain bytes stay reachable under a second name until they are overwritten, so no crash loses both files.
  fs.rmSync(plainLeftOf(file), { force: true })
  fs.linkSync(file, plainLeftOf(file))
  fs.renameSync(target, file)
  fsyncDir(path.dirname(path.resolve(file)))
  finishConversion(file)
  return { store: Store.fileStore(file, { ...options, key }), recoveryKey, key }
}

/** After a conversion (or a crash inside one): the plain copy's bytes are overwritten, a half-made encrypted copy removed. */
function finishConversion(file: string): void {
  if (registerState(file) !== 'encrypted') return
  shredFile(plainLeftOf(file))
  fs.rmSync(convertingOf(file), { force: true })
}

function rowCounts(store: Store): Record<string, number> {
  const tables = store.values<string>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
  return Object.fromEntries(tables.map((t) => [t, store.value<number>(`SELECT count(*) FROM "${t.replace(/"/g, '""')}"`) ?? 0]))
}

export { StoreOpenError }
