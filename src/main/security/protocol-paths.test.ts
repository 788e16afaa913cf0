import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { join, posix, resolve, win32 } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useTempDir } from '../../../test/support/temp-dir'
import { resolveExistingInside, resolveInside } from './protocol-paths'

const root = resolve('/srv/skyfolio/renderer')

describe('resolveInside', () => {
  it('maps URL paths onto files below the root', () => {
    expect(resolveInside(root, '/assets/index-abc.js')).toBe(join(root, 'assets', 'index-abc.js'))
    expect(resolveInside(root, 'assets/a%20b.png')).toBe(join(root, 'assets', 'a b.png'))
    expect(resolveInside(root, '/a/./b/../c.css')).toBe(join(root, 'a', 'c.css'))
  })

  it('serves index.html for the root URL', () => {
    expect(resolveInside(root, '/')).toBe(join(root, 'index.html'))
    expect(resolveInside(root, '')).toBe(join(root, 'index.html'))
  })

  it.each([
    '../secret.txt',
    '/../secret.txt',
    'assets/../../secret.txt',
    '%2e%2e/secret.txt',
    '%2E%2E%2Fsecret.txt',
    'assets%2F..%2F..%2Fsecret.txt',
    '..%2f..%2fetc%2fpasswd',
    '..',
    '/assets/..'
  ])('refuses traversal %s', (path) => {
    expect(resolveInside(root, path)).toBeNull()
  })

  it.each(['..%5Csecret.txt', '..\\secret.txt', 'assets\\index.js', '%5C%5Cserver%5Cshare'])(
    'refuses backslash separators %s',
    (path) => {
      expect(resolveInside(root, path)).toBeNull()
    }
  )

  it('refuses NUL bytes, raw or encoded', () => {
    expect(resolveInside(root, 'index.html%00.png')).toBeNull()
    expect(resolveInside(root, 'index.html\0.png')).toBeNull()
  })

  it('refuses malformed percent-encoding', () => {
    expect(resolveInside(root, '/assets/%E0%A4%A')).toBeNull()
    expect(resolveInside(root, '/%')).toBeNull()
  })

  it('keeps absolute-looking paths inside the root', () => {
    // A URL path always starts with '/': it is relative to the root, never to the disk.
    expect(resolveInside(root, '/etc/passwd')).toBe(join(root, 'etc', 'passwd'))
    expect(resolveInside(root, '%2F%2Fetc%2Fpasswd')).toBe(join(root, 'etc', 'passwd'))
  })

  it('refuses the root folder itself', () => {
    expect(resolveInside(root, '/.')).toBeNull()
    expect(resolveInside(root, 'assets/..')).toBeNull()
  })

  it('does not mistake a file named like ..x for a parent folder', () => {
    expect(resolveInside(root, '/..hidden')).toBe(join(root, '..hidden'))
  })

  it('applies the same rules with Windows paths', () => {
    const winRoot = 'C:\\Skyfolio\\renderer'
    expect(resolveInside(winRoot, '/assets/a.js', win32)).toBe(
      'C:\\Skyfolio\\renderer\\assets\\a.js'
    )
    expect(resolveInside(winRoot, '/C:/Windows/win.ini', win32)).toBeNull()
    expect(resolveInside(winRoot, '/D:secret.txt', win32)).toBeNull()
    expect(resolveInside(winRoot, '/..%2F..%2Fwin.ini', win32)).toBeNull()
    expect(resolveInside(winRoot, '//server/share/x', win32)).toBe(
      'C:\\Skyfolio\\renderer\\server\\share\\x'
    )
  })

  it('agrees with POSIX paths when given them explicitly', () => {
    expect(resolveInside('/srv/r', '/a/b.js', posix)).toBe('/srv/r/a/b.js')
    expect(resolveInside('/srv/r', '/../r2/b.js', posix)).toBeNull()
  })
})

describe('resolveExistingInside', () => {
  const tempDir = useTempDir()

  const layout = (): { dir: string; served: string } => {
    const dir = tempDir()
    const served = join(dir, 'served')
    mkdirSync(join(served, 'assets'), { recursive: true })
    writeFileSync(join(served, 'index.html'), '<!doctype html>')
    writeFileSync(join(served, 'assets', 'app.js'), 'export {}')
    writeFileSync(join(dir, 'secret.txt'), 'not for the renderer')
    return { dir, served }
  }

  it('finds existing files below the root', async () => {
    const { served } = layout()
    expect(await resolveExistingInside(served, '/assets/app.js')).toMatch(/app\.js$/)
    expect(await resolveExistingInside(served, '/')).toMatch(/index\.html$/)
  })

  it('answers null for missing files and folders', async () => {
    const { served } = layout()
    expect(await resolveExistingInside(served, '/missing.js')).toBeNull()
    expect(await resolveExistingInside(served, '/assets')).toBeNull()
  })

  it('refuses a symbolic link that leads outside the root', async () => {
    const { dir, served } = layout()
    symlinkSync(join(dir, 'secret.txt'), join(served, 'assets', 'leak.txt'))
    symlinkSync(dir, join(served, 'up'))
    expect(await resolveExistingInside(served, '/assets/leak.txt')).toBeNull()
    expect(await resolveExistingInside(served, '/up/secret.txt')).toBeNull()
  })

  it('follows a symbolic link that stays inside the root', async () => {
    const { served } = layout()
    symlinkSync(join(served, 'assets', 'app.js'), join(served, 'alias.js'))
    expect(await resolveExistingInside(served, '/alias.js')).toMatch(/app\.js$/)
  })

  it('works when the root itself is reached through a link', async () => {
    const { dir, served } = layout()
    symlinkSync(served, join(dir, 'current'))
    expect(await resolveExistingInside(join(dir, 'current'), '/assets/app.js')).toMatch(/app\.js$/)
  })
})
