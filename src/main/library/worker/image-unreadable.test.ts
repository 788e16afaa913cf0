import { spawnSync } from 'node:child_process'
import { chmodSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useTempDir } from '../../../../test/support/temp-dir'
import { photoPixels } from '../../../../test/support/test-images'

const tempDir = useTempDir()
const NOBODY = 65534

/**
 * Runs the image pipeline on `file` in a child process. Root reads any file whatever its mode,
 * so as root (CI) the child runs as `nobody`, for whom file modes apply as for any user.
 */
function processAsUnprivileged(file: string, outDir: string): unknown {
  const pipeline = resolve(__dirname, 'image-pipeline.ts')
  const script = `
    const { processImage } = require(${JSON.stringify(pipeline)})
    processImage(process.argv[1], process.argv[2]).then((o) => console.log(JSON.stringify(o)))`
  const asRoot = process.getuid?.() === 0
  const run = spawnSync(process.execPath, ['--import', 'tsx', '-e', script, file, outDir], {
    cwd: resolve(__dirname, '../../../..'),
    encoding: 'utf8',
    ...(asRoot ? { uid: NOBODY, gid: NOBODY } : {})
  })
  if (run.status !== 0) throw new Error(`the child failed: ${run.error?.message ?? run.stderr}`)
  return JSON.parse(run.stdout.trim().split('\n').at(-1) ?? 'null')
}

describe('a file the app may not read', () => {
  it('fails with "No permission to read this file", as any user (root too)', async () => {
    const dir = tempDir()
    chmodSync(dir, 0o777) // mkdtemp makes it 0700: the unprivileged child must enter it
    const file = join(dir, 'secret.jpg')
    writeFileSync(file, await photoPixels(64, 48, 7))
    chmodSync(file, 0o000)
    const outcome = processAsUnprivileged(file, join(dir, 'out'))
    expect(outcome).toMatchObject({
      ok: false,
      failure: { code: 'unreadable', reason: 'No permission to read this file.' }
    })
  })
})
