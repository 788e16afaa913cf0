import { realpath as realpathNative } from 'node:fs/promises'
import nodePath from 'node:path'
import { AppFailure } from '@shared/contract'
import type { Covered, PathGrants } from './path-grants'

const HOW_TO_CHOOSE =
  'Skyfolio opens only what you choose with “Add photos…” or drop or paste onto the window as ' +
  'files; a typed path works only inside a folder chosen that way.'

const isInside = (base: string, target: string): boolean => {
  const rel = nodePath.relative(base, target)
  return rel === '' || (!nodePath.isAbsolute(rel) && !rel.split(nodePath.sep).includes('..'))
}

/**
 * True unless `path`, read through the disk, leads out of the grant `root` that covers it by
 * name: a symbolic link inside a chosen folder does not stretch the grant to where it points.
 * A path that cannot be resolved (missing, unreadable) passes: opening it fails anyway, and
 * the import or the benchmark says why in its own words.
 */
async function staysInside(
  root: string,
  path: string,
  realpath: (p: string) => Promise<string>,
  realRoots: Map<string, Promise<string | null>>
): Promise<boolean> {
  if (root === path) return true
  let realRoot = realRoots.get(root)
  if (!realRoot) {
    realRoot = realpath(root).then(
      (p) => p,
      () => null
    )
    realRoots.set(root, realRoot)
  }
  const [base, target] = await Promise.all([
    realRoot,
    realpath(path).then(
      (p) => p,
      () => null
    )
  ])
  return base === null || target === null || isInside(base, target)
}

const some = (n: number, total: number): string =>
  total === 1 ? 'That path' : n === total ? `All ${total} paths` : `${n} of the ${total} paths`

/**
 * The requested paths in their normalised form, when every one is covered by a grant; else
 * a `forbidden` failure saying how to choose them. The message names no path (it reaches the
 * log); the user knows what they asked for.
 */
export async function requireGranted(
  grants: PathGrants,
  paths: readonly string[],
  realpath: (p: string) => Promise<string> = realpathNative
): Promise<string[]> {
  const covered: Covered[] = []
  let notChosen = 0
  for (const path of paths) {
    const cover = grants.cover(path)
    if (cover) covered.push(cover)
    else notChosen++
  }
  if (notChosen > 0)
    throw new AppFailure(
      'forbidden',
      `${some(notChosen, paths.length)} ${notChosen === 1 ? 'was' : 'were'} not chosen in this window. ${HOW_TO_CHOOSE}`
    )
  const realRoots = new Map<string, Promise<string | null>>()
  const inside = await Promise.all(
    covered.map(({ root, path }) =>
      root === null ? true : staysInside(root, path, realpath, realRoots)
    )
  )
  const leaving = inside.filter((ok) => !ok).length
  if (leaving > 0)
    throw new AppFailure(
      'forbidden',
      `${some(leaving, paths.length)} ${leaving === 1 ? 'leads' : 'lead'} through a link out of the folder you chose, so Skyfolio will not open ${leaving === 1 ? 'it' : 'them'}. Choose the linked folder itself with “Add photos…” or drop it onto the window.`
    )
  return covered.map((c) => c.path)
}
