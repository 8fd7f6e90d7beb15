import Database from 'better-sqlite3'
import path from 'node:path'

/** How a register's file is opened: the native build for this runtime, and the data key when it is encrypted. */
export interface Opening {
  /** Path of a better-sqlite3 binary built for the running runtime (Electron in development). */
  nativeBinding?: string
  /** The data key of an encrypted register (see key-slots.ts); without it the file is plain SQLite. */
  key?: Buffer
}

/** Refused because the key does not open the file; raised before a byte is written. */
export class WrongKeyError extends Error {}

const nativeOptions = (o: Opening): Database.Options => (o.nativeBinding ? { nativeBinding: o.nativeBinding } : {})

/** SQLCipher 4's page format, keyed with the raw data key: no passphrase KDF here, the key slots already paid for one. */
function applyKey(db: Database.Database, key: Buffer, pragma: 'key' | 'rekey'): void {
  db.pragma(`cipher = 'sqlcipher'`)
  db.pragma('legacy = 4')
  db.pragma(`${pragma} = "x'${key.toString('hex')}'"`)
}

/** A connection to `file`, keyed when the register is encrypted; a wrong key is refused before anything is read. */
export function openConnection(file: string, opening: Opening, extra: Database.Options = {}): Database.Database {
  const db = new Database(file, { ...nativeOptions(opening), ...extra })
  if (!opening.key) return db
  try {
    applyKey(db, opening.key, 'key')
    db.prepare('SELECT count(*) FROM sqlite_master').get()
  } catch (e) {
    db.close()
    throw new WrongKeyError(`无法解密数据库文件“${path.basename(file)}”：密钥不对，或不是加密的换届工作台数据库（${(e as Error).message}）`)
  }
  return db
}

/** Encrypts a plain SQLite file in place (a copy made for the purpose: a crash midway leaves it half-written). */
export function encryptInPlace(file: string, key: Buffer, nativeBinding?: string): void {
  const db = new Database(file, nativeOptions({ nativeBinding }))
  try {
    // rekey rewrites every page, which SQLite3 Multiple Ciphers does only outside WAL mode.
    db.pragma('journal_mode = DELETE')
    applyKey(db, key, 'rekey')
  } finally {
    db.close()
  }
}
