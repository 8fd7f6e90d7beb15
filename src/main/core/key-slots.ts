import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { failure } from '../../shared/result'
import { replaceFile } from './durable-file'

/**
 * The key slots beside an encrypted register (`office.db.keys`). A random data key encrypts the file; each slot
 * holds that key wrapped (AES-256-GCM) under a key derived by scrypt from one account's password or from the
 * recovery key. Changing a password rewrites one slot and never the database. The slots reveal nothing without a
 * password: the data key only ever leaves this module unwrapped, in memory.
 */

export const DATA_KEY_BYTES = 32

/**
 * scrypt with 64 MiB of memory: a quarter of a second of CPU per try on the build box (2^17 took half a second, too
 * close to the one second an opening may take on a slow office laptop), so every guess costs an attacker as much.
 */
export const SLOT_KDF = { N: 2 ** 16, r: 8, p: 1 } as const
const MAXMEM = 256 * 1024 * 1024

export interface KdfParams {
  N: number
  r: number
  p: number
}

export interface Slot {
  kind: 'account' | 'recovery'
  /** The account's name (kind 'account'); the recovery slot names none. */
  account?: string
  kdf: KdfParams
  salt: string
  iv: string
  wrapped: string
  tag: string
}

export interface SlotFile {
  format: 'huanjie-key-slots'
  version: 1
  /** The cipher the register is written with; opening uses the same. */
  cipher: 'sqlcipher-4'
  slots: Slot[]
}

export const slotFileOf = (dbFile: string): string => `${dbFile}.keys`

export function hasSlots(dbFile: string): boolean {
  return fs.existsSync(slotFileOf(dbFile))
}

export function newDataKey(): Buffer {
  return crypto.randomBytes(DATA_KEY_BYTES)
}

/** 25 letters and digits in five groups (about 125 bits), without the look-alikes 0/O and 1/I/L. */
export function newRecoveryKey(): string {
  const alphabet = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'
  const chars: string[] = []
  while (chars.length < 25) {
    const b = crypto.randomBytes(1)[0]
    if (b < alphabet.length * 8) chars.push(alphabet[b % alphabet.length])
  }
  return [0, 5, 10, 15, 20].map((i) => chars.slice(i, i + 5).join('')).join('-')
}

/** What the clerk types: spaces, dashes and case do not matter. */
const normalRecovery = (key: string): string => key.toUpperCase().replace(/[^0-9A-Z]/g, '')

const slotAad = (slot: Pick<Slot, 'kind' | 'account'>): Buffer => Buffer.from(`${slot.kind}:${slot.account ?? ''}`, 'utf8')

function kek(secret: string, salt: Buffer, kdf: KdfParams): Buffer {
  return crypto.scryptSync(Buffer.from(secret.normalize('NFC'), 'utf8'), salt, 32, { ...kdf, maxmem: MAXMEM })
}

export function makeSlot(kind: Slot['kind'], account: string | undefined, secret: string, dataKey: Buffer, kdf: KdfParams = SLOT_KDF): Slot {
  const salt = crypto.randomBytes(16)
  const iv = crypto.randomBytes(12)
  const cipher = crypto.createCipheriv('aes-256-gcm', kek(kind === 'recovery' ? normalRecovery(secret) : secret, salt, kdf), iv)
  cipher.setAAD(slotAad({ kind, account }))
  const wrapped = Buffer.concat([cipher.update(dataKey), cipher.final()])
  return {
    kind,
    ...(account === undefined ? {} : { account }),
    kdf: { ...kdf },
    salt: salt.toString('base64'),
    iv: iv.toString('base64'),
    wrapped: wrapped.toString('base64'),
    tag: cipher.getAuthTag().toString('base64')
  }
}

/** The data key, or null when the secret is not the one the slot was made with. */
export function openSlot(slot: Slot, secret: string): Buffer | null {
  const decipher = crypto.createDecipheriv(
    'aes-256-gcm',
    kek(slot.kind === 'recovery' ? normalRecovery(secret) : secret, Buffer.from(slot.salt, 'base64'), slot.kdf),
    Buffer.from(slot.iv, 'base64')
  )
  decipher.setAAD(slotAad(slot))
  decipher.setAuthTag(Buffer.from(slot.tag, 'base64'))
  try {
    return Buffer.concat([decipher.update(Buffer.from(slot.wrapped, 'base64')), decipher.final()])
  } catch {
    return null
  }
}

export function readSlots(dbFile: string): SlotFile {
  const file = slotFileOf(dbFile)
  let parsed: SlotFile
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as SlotFile
  } catch (e) {
    throw failure('corrupt', `无法读取密钥文件“${path.basename(file)}”：${(e as Error).message}。它与数据库文件必须放在一起。`)
  }
  if (parsed.format !== 'huanjie-key-slots' || parsed.version !== 1 || !Array.isArray(parsed.slots)) {
    throw failure('corrupt', `“${path.basename(file)}”不是换届工作台的密钥文件`)
  }
  return parsed
}

export function writeSlots(dbFile: string, slots: SlotFile): void {
  replaceFile(slotFileOf(dbFile), JSON.stringify(slots, null, 1))
}

/** A copy of the register (a backup, the copy before migrating) gets the same slots, to open with the same passwords. */
export function carrySlots(dbFile: string, copy: string): void {
  writeSlots(copy, readSlots(dbFile))
}

export function emptySlotFile(): SlotFile {
  return { format: 'huanjie-key-slots', version: 1, cipher: 'sqlcipher-4', slots: [] }
}

export const accountSlot = (slots: SlotFile, account: string): Slot | undefined =>
  slots.slots.find((s) => s.kind === 'account' && s.account === account)

/** The same slots with one account's slot made anew (a password set or changed); the others stay byte for byte. */
export function withAccountSlot(slots: SlotFile, account: string, password: string, dataKey: Buffer): SlotFile {
  const fresh = makeSlot('account', account, password, dataKey)
  const rest = slots.slots.filter((s) => !(s.kind === 'account' && s.account === account))
  return { ...slots, slots: [...rest, fresh] }
}

export function withoutAccountSlot(slots: SlotFile, account: string): SlotFile {
  return { ...slots, slots: slots.slots.filter((s) => !(s.kind === 'account' && s.account === account)) }
}

/** The data key from the recovery slot, or null for a wrong recovery key. */
export function openWithRecovery(slots: SlotFile, recoveryKey: string): Buffer | null {
  const slot = slots.slots.find((s) => s.kind === 'recovery')
  return slot ? openSlot(slot, recoveryKey) : null
}
