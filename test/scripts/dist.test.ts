import { spawnSync } from 'node:child_process'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = join(__dirname, '../..')

/** A loopback port nothing listens on: the download host of an offline machine. */
async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  await new Promise((resolve) => server.close(resolve))
  return typeof address === 'object' && address ? address.port : 0
}

describe('npm run dist offline', () => {
  it('says in one line that packaging needs the download, exits non-zero, shows no stack', async () => {
    const mirror = `http://127.0.0.1:${await closedPort()}/`
    const run = spawnSync('npm', ['run', 'dist'], {
      cwd: root,
      env: { ...process.env, ELECTRON_MIRROR: mirror },
      encoding: 'utf8',
      shell: process.platform === 'win32'
    })
    expect(run.status).not.toBe(0)
    expect(run.stderr).toContain(
      `Skyfolio: packaging needs to download Electron for each platform, and ${new URL(mirror).host} cannot be reached (the connection was refused); connect to the internet and run npm run dist again.`
    )
    expect(`${run.stdout}${run.stderr}`).not.toMatch(/^\s+at /m)
  })
})
