import nodePath from 'node:path'

type PathApi = Pick<typeof nodePath, 'isAbsolute' | 'resolve' | 'dirname' | 'sep'>

/** A requested path the grants allow: its normalised form, and the grant that covers it. */
export interface Covered {
  /** The path to use from here on: absolute, `.`/`..` and duplicate separators resolved. */
  readonly path: string
  /** The granted file or folder holding it; null when every path is granted (headless). */
  readonly root: string | null
}

/**
 * Which file-system paths the renderer may name in a request. A grant records something the
 * user chose; a path is covered by a grant of itself or of any folder above it.
 */
export interface PathGrants {
  /** Records a path the user chose; false (and nothing recorded) unless it is absolute. */
  grant(path: string): boolean
  /** The covered path, or null when nothing granted covers it. */
  cover(path: string): Covered | null
}

const hasNul = (p: string): boolean => p.includes('\0')

/**
 * The one spelling a path is compared in: resolved lexically (`..` and `.` gone, no trailing
 * separator, a Windows drive letter upper-cased), never through the disk, so a symbolic link
 * is compared as the name it has. Null unless absolute. Letter case is otherwise kept: the
 * dialog and drops spell paths as the file system does, and on a case-sensitive volume
 * `/Photos` and `/photos` are different folders.
 */
export function normalisePath(raw: string, path: PathApi = nodePath): string | null {
  if (raw === '' || hasNul(raw) || !path.isAbsolute(raw)) return null
  const resolved = path.resolve(raw)
  return /^[a-z]:/.test(resolved) ? resolved[0]!.toUpperCase() + resolved.slice(1) : resolved
}

/** The path itself, then each folder above it up to the root. */
function* selfAndAncestors(normalised: string, path: PathApi): Generator<string> {
  let current = normalised
  for (;;) {
    yield current
    const parent = path.dirname(current)
    if (parent === current) return
    current = parent
  }
}

/**
 * The desktop app's grants: paths that came through the native dialog or were dropped or
 * pasted as files. Held in memory for this run only: a grant stands for "the user showed
 * Skyfolio this, now", and a stored list would quietly become a standing permission nobody
 * remembers giving (and a file whose edits would widen it). What was imported stays imported:
 * the queue keeps accepted work, the library its photos.
 *
 * Whole path components are compared, never string prefixes: `/home/a` covers `/home/a/b`
 * and not `/home/ab`. Lookup walks the request's ancestors, so it costs the path's depth, not
 * the number of grants (a drop of thousands of files grants each one).
 */
export function createGrantList(path: PathApi = nodePath): PathGrants {
  const granted = new Set<string>()
  return {
    grant(raw) {
      const normalised = normalisePath(raw, path)
      if (normalised === null) return false
      granted.add(normalised)
      return true
    },
    cover(raw) {
      const normalised = normalisePath(raw, path)
      if (normalised === null) return null
      for (const candidate of selfAndAncestors(normalised, path))
        if (granted.has(candidate)) return { path: normalised, root: candidate }
      return null
    }
  }
}

/**
 * The headless host's policy: whoever holds the host's token typed the path into their own
 * browser on their own machine, so any path they name is theirs to read.
 */
export function everyPathGranted(path: PathApi = nodePath): PathGrants {
  return {
    grant: (raw) => normalisePath(raw, path) !== null,
    // Relative or odd paths go on as before; the import or the benchmark reports them.
    cover: (raw) => ({ path: normalisePath(raw, path) ?? raw, root: null })
  }
}

/** The policy for a runtime: grants in the desktop app, typed paths under the headless host. */
export const pathGrantsFor = (runtime: 'electron' | 'headless'): PathGrants =>
  runtime === 'electron' ? createGrantList() : everyPathGranted()
