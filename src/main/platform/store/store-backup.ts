import {
  closeSync,
  copyFileSync,
  existsSync,
  openSync,
  readSync,
  readdirSync,
  rmSync,
  statSync
} from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { errorCode } from './store-faults'

export type BackupResult =
  { kept: 'new' | 'existing'; path: string } | { kept: 'none'; error: string | null }

/** Whether two files hold the same bytes (both absent counts as the same). */
function sameBytes(a: string, b: string): boolean {
  const hasA = existsSync(a)
  if (hasA !== existsSync(b)) return false
  if (!hasA) return true
  if (statSync(a).size !== statSync(b).size) return false
  const fa = openSync(a, 'r')
  const fb = openSync(b, 'r')
  try {
    const ba = Buffer.alloc(1 << 20)
    const bb = Buffer.alloc(1 << 20)
    for (;;) {
      const na = readSync(fa, ba, 0, ba.length, null)
      const nb = readSync(fb, bb, 0, bb.length, null)
      if (na !== nb || ba.compare(bb, 0, nb, 0, na) !== 0) return false
      if (na === 0) return true
    }
  } finally {
    closeSync(fa)
    closeSync(fb)
  }
}

/** An earlier copy of this very file (and its WAL), so a broken file is copied only once. */
function identicalCopy(file: string): string | null {
  const prefix = `${basename(file)}.`
  const dir = dirname(file)
  for (const name of readdirSync(dir)) {
    if (!name.startsWith(prefix) || !name.endsWith('.bak')) continue
    const candidate = join(dir, name)
    if (sameBytes(file, candidate) && sameBytes(`${file}-wal`, `${candidate}-wal`)) return candidate
  }
  return null
}

/**
 * Saves a copy of a database that cannot be opened beside it, unless an identical copy is
 * already there. Never throws: a copy that cannot be made is reported, so it never hides the
 * reason the database could not be opened.
 */
export function keepBackup(file: string, reason: string, now: Date): BackupResult {
  if (!existsSync(file)) return { kept: 'none', error: null }
  let target: string | null = null
  try {
    const existing = identicalCopy(file)
    if (existing) return { kept: 'existing', path: existing }
    const stamp = now.toISOString().replace(/[:.]/g, '-')
    target = `${file}.${reason}-${stamp}.bak`
    copyFileSync(file, target)
    if (existsSync(`${file}-wal`)) copyFileSync(`${file}-wal`, `${target}-wal`)
    return { kept: 'new', path: target }
  } catch (error) {
    // Half a copy is worse than none: it would pass for the real thing later.
    for (const f of target ? [target, `${target}-wal`] : []) {
      try {
        rmSync(f, { force: true })
      } catch {
        // The folder refuses changes, so no half copy could have been written there either.
      }
    }
    const code = errorCode(error)
    return { kept: 'none', error: code ?? (error as Error).message }
  }
}
