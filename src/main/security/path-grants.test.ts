import nodePath from 'node:path'
import { describe, expect, it } from 'vitest'
import { createGrantList, everyPathGranted, normalisePath, pathGrantsFor } from './path-grants'

const posix = nodePath.posix
const win32 = nodePath.win32

describe('normalisePath', () => {
  it('resolves . and .. and extra separators lexically, and refuses what is not absolute', () => {
    expect(normalisePath('/home/a/./photos//2024/', posix)).toBe('/home/a/photos/2024')
    expect(normalisePath('/home/a/photos/../../../etc', posix)).toBe('/etc')
    expect(normalisePath('photos/2024', posix)).toBeNull()
    expect(normalisePath('./photos', posix)).toBeNull()
    expect(normalisePath('', posix)).toBeNull()
    expect(normalisePath('/home/a\0/x', posix)).toBeNull()
  })

  it('spells Windows paths one way: backslashes, upper-case drive letter', () => {
    expect(normalisePath('c:/Users/a/Photos/', win32)).toBe('C:\\Users\\a\\Photos')
    expect(normalisePath('C:\\Users\\a\\..\\b', win32)).toBe('C:\\Users\\b')
    expect(normalisePath('\\\\server\\share\\pics', win32)).toBe('\\\\server\\share\\pics')
    expect(normalisePath('Users\\a', win32)).toBeNull()
  })
})

describe('the desktop grant list', () => {
  it('grants nothing until the user chooses something', () => {
    const grants = createGrantList(posix)
    expect(grants.cover('/home/a/photos/one.jpg')).toBeNull()
    expect(grants.cover('/')).toBeNull()
  })

  it('covers a granted folder and everything below it, in normalised form', () => {
    const grants = createGrantList(posix)
    expect(grants.grant('/home/a/photos/')).toBe(true)
    expect(grants.cover('/home/a/photos')).toEqual({
      path: '/home/a/photos',
      root: '/home/a/photos'
    })
    expect(grants.cover('/home/a/photos/2024/./one.jpg')).toEqual({
      path: '/home/a/photos/2024/one.jpg',
      root: '/home/a/photos'
    })
    expect(grants.cover('/home/a/photos/2024/../two.jpg')?.path).toBe('/home/a/photos/two.jpg')
  })

  it('compares whole path components: a granted /home/a does not cover /home/ab', () => {
    const grants = createGrantList(posix)
    grants.grant('/home/a')
    expect(grants.cover('/home/ab')).toBeNull()
    expect(grants.cover('/home/ab/photo.jpg')).toBeNull()
    expect(grants.cover('/home/a.jpg')).toBeNull()
    expect(grants.cover('/home')).toBeNull()
    expect(grants.cover('/home/a/b')?.root).toBe('/home/a')
  })

  it('refuses .. climbing out of a granted folder, however it is spelled', () => {
    const grants = createGrantList(posix)
    grants.grant('/home/a/photos')
    expect(grants.cover('/home/a/photos/../secrets/key.jpg')).toBeNull()
    expect(grants.cover('/home/a/photos/2024/../../../../etc/passwd')).toBeNull()
    expect(grants.cover('/home/a/photos/..')).toBeNull()
    expect(grants.cover('photos/one.jpg')).toBeNull()
  })

  it('a granted file covers itself only', () => {
    const grants = createGrantList(posix)
    grants.grant('/home/a/one.jpg')
    expect(grants.cover('/home/a/one.jpg')?.root).toBe('/home/a/one.jpg')
    expect(grants.cover('/home/a/two.jpg')).toBeNull()
    expect(grants.cover('/home/a')).toBeNull()
  })

  it('compares names, never the disk: grants and checks work for paths that do not exist', () => {
    // Nothing here exists: the decision is the same whatever symbolic links lie on the way;
    // where a link inside a chosen folder leads is checked apart (granted-paths.ts).
    const grants = createGrantList(posix)
    grants.grant('/no/such/folder/link')
    expect(grants.cover('/no/such/folder/link/inner/x.jpg')?.root).toBe('/no/such/folder/link')
    expect(grants.cover('/no/such/folder/target/x.jpg')).toBeNull()
  })

  it('does not record what is not an absolute path', () => {
    const grants = createGrantList(posix)
    expect(grants.grant('photos')).toBe(false)
    expect(grants.grant('')).toBe(false)
    expect(grants.grant('/a\0b')).toBe(false)
    expect(grants.cover('/photos')).toBeNull()
    expect(grants.cover(`${process.cwd()}/photos`)).toBeNull()
  })

  it('a granted root covers every path (a drive dropped whole)', () => {
    const grants = createGrantList(posix)
    grants.grant('/')
    expect(grants.cover('/etc/hosts')?.root).toBe('/')
  })

  it('on Windows: drive-letter case and slashes do not matter, prefixes still do', () => {
    const grants = createGrantList(win32)
    grants.grant('C:\\Users\\a\\Photos')
    expect(grants.cover('c:/Users/a/Photos/2024/x.jpg')?.path).toBe(
      'C:\\Users\\a\\Photos\\2024\\x.jpg'
    )
    expect(grants.cover('C:\\Users\\a\\Photos2\\x.jpg')).toBeNull()
    expect(grants.cover('C:\\Users\\a\\Photos\\..\\Documents\\x.jpg')).toBeNull()
    expect(grants.cover('D:\\Users\\a\\Photos\\x.jpg')).toBeNull()
  })
})

describe('the headless policy', () => {
  it('grants every typed path, normalised, and passes odd ones on for the import to judge', () => {
    const grants = everyPathGranted(posix)
    expect(grants.cover('/etc/../home/a/x.jpg')).toEqual({ path: '/home/a/x.jpg', root: null })
    expect(grants.cover('relative/x.jpg')).toEqual({ path: 'relative/x.jpg', root: null })
  })

  it('is what the headless runtime gets; the desktop gets an empty grant list', () => {
    expect(pathGrantsFor('headless').cover('/any/path')).not.toBeNull()
    expect(pathGrantsFor('electron').cover('/any/path')).toBeNull()
  })
})
