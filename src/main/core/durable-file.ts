import fs from 'node:fs'
import path from 'node:path'

/** Makes a rename (or a new file) in `dir` survive a power cut. Windows cannot open a folder; its renames are durable as written. */
export function fsyncDir(dir: string): void {
  let fd: number | undefined
  try {
    fd = fs.openSync(dir, 'r')
    fs.fsyncSync(fd)
  } catch {
    // EISDIR/EPERM on Windows: nothing more to do there.
  } finally {
    if (fd !== undefined) fs.closeSync(fd)
  }
}

export function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+')
  try {
    fs.fsyncSync(fd)
  } finally {
    fs.closeSync(fd)
  }
}

/** Writes `file` whole or not at all: the new text goes beside it, is synced, then renamed over it. */
export function replaceFile(file: string, text: string | Buffer): void {
  const tmp = `${file}.${process.pid}.tmp`
  const fd = fs.openSync(tmp, 'w', 0o600)
  try {
    fs.writeSync(fd, typeof text === 'string' ? Buffer.from(text, 'utf8') : text)
    fs.fsyncSync(fd)
  } finally {
    fs.closeSync(fd)
  }
  fs.renameSync(tmp, file)
  fsyncDir(path.dirname(path.resolve(file)))
}

/** Overwrites a file's bytes with zeros, syncs, and removes it: a plain copy of the register leaves no readable trace in the file. */
export function shredFile(file: string): void {
  if (!fs.existsSync(file)) return
  const size = fs.statSync(file).size
  const fd = fs.openSync(file, 'r+')
  try {
    const zeros = Buffer.alloc(Math.min(size, 1 << 20))
    for (let at = 0; at < size; at += zeros.length) fs.writeSync(fd, zeros, 0, Math.min(zeros.length, size - at), at)
    fs.fsyncSync(fd)
  } finally {
    fs.closeSync(fd)
  }
  fs.rmSync(file)
  fsyncDir(path.dirname(path.resolve(file)))
}
