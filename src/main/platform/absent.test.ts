import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useTempDir } from '../../../test/support/temp-dir'
import { unlessAbsent } from './absent'

const tempDir = useTempDir()

describe('unlessAbsent', () => {
  it('answers null for a file that is not there, and the contents for one that is', async () => {
    const dir = tempDir()
    expect(await unlessAbsent(readFile(join(dir, 'none.json'), 'utf8'))).toBeNull()
    expect(await unlessAbsent(Promise.resolve('here'))).toBe('here')
  })

  it('still throws any other failure', async () => {
    const dir = tempDir()
    // Reading a folder fails with EISDIR, which is not absence.
    await expect(unlessAbsent(readFile(dir, 'utf8'))).rejects.toMatchObject({ code: 'EISDIR' })
    expect(await unlessAbsent(readFile(dir, 'utf8'), ['EISDIR'])).toBeNull()
  })
})
