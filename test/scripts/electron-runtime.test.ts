import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { createServer as createHttpServer } from 'node:http'
import { createRequire } from 'node:module'
import { createServer, type Server, type Socket } from 'node:net'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  cachedArtifactPath,
  describeNetworkError,
  electronArtifact,
  electronCacheRoot,
  fetchElectronRuntime,
  findElectronBinary,
  installPlan,
  probeDownload
} from '../../scripts/electron-runtime.mjs'
import { useTempDir } from '../support/temp-dir'

const root = join(__dirname, '../..')
const tempDir = useTempDir('skyfolio-runtime-')

// The servers a test opens, closed after it.
const servers: Server[] = []
afterEach(async () => {
  vi.unstubAllEnvs()
  await Promise.all(servers.splice(0).map((s) => new Promise((done) => s.close(done))))
})

function listen(server: Server): Promise<string> {
  servers.push(server)
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      resolve(`http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`)
    })
  )
}

/** A mirror that answers every request with `status`. */
const mirror = (status: number): Promise<string> =>
  listen(createHttpServer((_req, res) => res.writeHead(status).end()))

/** A mirror that accepts connections and never answers (a blocked network). */
function silentMirror(): Promise<string> {
  const sockets: Socket[] = []
  const server = createServer((socket) => sockets.push(socket))
  // close() waits for open connections; end them first.
  const close = server.close.bind(server)
  server.close = (done) => {
    sockets.forEach((s) => s.destroy())
    return close(done)
  }
  return listen(server)
}

/** A port nothing listens on. */
async function closedMirror(): Promise<string> {
  const server = createServer()
  const url = await listen(server)
  await new Promise((done) => server.close(done))
  servers.splice(servers.indexOf(server), 1)
  return url
}

/** A project folder whose electron package has no binary, with a stand-in for install.js. */
function projectWithoutBinary(installExit = 0): string {
  const project = tempDir()
  const pkg = join(project, 'node_modules', 'electron')
  mkdirSync(pkg, { recursive: true })
  writeFileSync(join(pkg, 'package.json'), JSON.stringify({ name: 'electron', version: '45.4.1' }))
  // Does what electron's install.js does on success: the binary, then path.txt naming it.
  writeFileSync(
    join(pkg, 'install.js'),
    `const fs = require('fs'), path = require('path')
fs.writeFileSync(path.join(__dirname, 'installer-ran'), '')
if (${installExit} !== 0) process.exit(${installExit})
fs.mkdirSync(path.join(__dirname, 'dist'), { recursive: true })
fs.writeFileSync(path.join(__dirname, 'dist', 'electron'), '')
fs.writeFileSync(path.join(__dirname, 'path.txt'), 'electron')
`
  )
  return project
}
const installerRan = (project: string): boolean =>
  existsSync(join(project, 'node_modules', 'electron', 'installer-ran'))

const quiet = (): void => undefined

describe('finding the Electron binary', () => {
  it('is null when the package has no binary yet, without starting a download', () => {
    expect(findElectronBinary(projectWithoutBinary(), {})).toBeNull()
  })

  it('reads path.txt as the electron package does', () => {
    const project = projectWithoutBinary()
    const pkg = join(project, 'node_modules', 'electron')
    mkdirSync(join(pkg, 'dist'))
    writeFileSync(join(pkg, 'dist', 'electron'), '')
    writeFileSync(join(pkg, 'path.txt'), 'electron\n')
    expect(findElectronBinary(project, {})).toBe(join(pkg, 'dist', 'electron'))
  })

  it('honours ELECTRON_OVERRIDE_DIST_PATH and ELECTRON_EXEC_PATH', () => {
    const elsewhere = tempDir()
    writeFileSync(join(elsewhere, 'electron'), '')
    const project = projectWithoutBinary()
    expect(findElectronBinary(project, { ELECTRON_OVERRIDE_DIST_PATH: elsewhere })).toBe(
      join(elsewhere, 'electron')
    )
    expect(findElectronBinary(project, { ELECTRON_EXEC_PATH: join(elsewhere, 'electron') })).toBe(
      join(elsewhere, 'electron')
    )
    expect(findElectronBinary(project, { ELECTRON_EXEC_PATH: join(elsewhere, 'gone') })).toBeNull()
  })
})

describe("the download, as electron's installer (@electron/get) sees it", () => {
  // @electron/get's own modules, from where the electron package resolves them.
  const getDist = dirname(
    createRequire(join(root, 'node_modules/electron/package.json')).resolve('@electron/get')
  )
  const load = (file: string): Promise<Record<string, unknown>> =>
    import(pathToFileURL(join(getDist, file)).href)

  it('downloads from GitHub, or from the mirror the user configured', async () => {
    expect(electronArtifact('45.4.1', {}, 'linux', 'x64')).toEqual({
      url: 'https://github.com/electron/electron/releases/download/v45.4.1/electron-v45.4.1-linux-x64.zip',
      fileName: 'electron-v45.4.1-linux-x64.zip'
    })
    const { getArtifactRemoteURL } = (await load('artifact-utils.js')) as {
      getArtifactRemoteURL: (d: object) => Promise<string>
    }
    for (const env of [
      { ELECTRON_MIRROR: 'https://mirror.example/electron/' },
      { npm_config_electron_mirror: 'https://npmrc.example/e/', ELECTRON_MIRROR: 'https://x/' },
      { ELECTRON_MIRROR: 'https://m.example/', ELECTRON_CUSTOM_DIR: 'v{{ version }}-custom' }
    ]) {
      // Only this case's settings: none from the machine's .npmrc or environment.
      for (const name of Object.keys(process.env))
        if (/electron_(mirror|custom)/i.test(name)) vi.stubEnv(name, undefined)
      for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value)
      const theirs = await getArtifactRemoteURL({
        version: 'v45.4.1',
        artifactName: 'electron',
        platform: 'linux',
        arch: 'arm64'
      })
      expect(electronArtifact('45.4.1', env, 'linux', 'arm64').url).toBe(theirs)
      vi.unstubAllEnvs()
    }
  })

  it('finds a zip in the cache where @electron/get keeps it', async () => {
    const { Cache } = (await load('Cache.js')) as {
      Cache: new (root: string) => { getCachePath(url: string, file: string): string }
    }
    const artifact = electronArtifact('45.4.1', {}, 'darwin', 'arm64')
    expect(cachedArtifactPath('/cache', artifact)).toBe(
      new Cache('/cache').getCachePath(artifact.url, artifact.fileName)
    )
    expect(electronCacheRoot({ electron_config_cache: '/c' }, 'linux', '/home/u')).toBe('/c')
    expect(electronCacheRoot({}, 'linux', '/home/u')).toBe('/home/u/.cache/electron')
    expect(electronCacheRoot({ XDG_CACHE_HOME: '/x' }, 'linux', '/home/u')).toBe('/x/electron')
    expect(electronCacheRoot({}, 'darwin', '/Users/u')).toBe('/Users/u/Library/Caches/electron')
  })
})

describe('deciding whether to run the installer', () => {
  const pkg = { dir: '/p/node_modules/electron', version: '45.4.1' }

  it('probes the network first unless the zip is cached', () => {
    expect(installPlan({ pkg, env: {}, cachedZipExists: false })).toEqual({
      kind: 'install',
      probe: true
    })
    expect(installPlan({ pkg, env: {}, cachedZipExists: true })).toEqual({
      kind: 'install',
      probe: false
    })
  })

  it('respects ELECTRON_SKIP_BINARY_DOWNLOAD and a missing package', () => {
    expect(
      installPlan({ pkg, env: { ELECTRON_SKIP_BINARY_DOWNLOAD: '1' }, cachedZipExists: false })
    ).toMatchObject({ kind: 'skip', reason: 'ELECTRON_SKIP_BINARY_DOWNLOAD is set' })
    expect(installPlan({ pkg: null, env: {}, cachedZipExists: false })).toMatchObject({
      kind: 'skip'
    })
  })

  it('puts network failures in words', () => {
    const timeout = Object.assign(new Error('aborted'), { name: 'TimeoutError' })
    expect(describeNetworkError(timeout, 10_000)).toBe('no answer within 10 s')
    const dns = new TypeError('fetch failed', { cause: { code: 'ENOTFOUND' } })
    expect(describeNetworkError(dns)).toBe('its name does not resolve')
    const refused = new TypeError('fetch failed', {
      cause: { errors: [{ code: 'ECONNREFUSED' }] }
    })
    expect(describeNetworkError(refused)).toBe('the connection was refused')
  })
})

describe('probing the download host', () => {
  it('gives up on a host that never answers, with the reason', async () => {
    const url = await silentMirror()
    await expect(probeDownload(`${url}v45.4.1/e.zip`, 1_000)).resolves.toEqual({
      ok: false,
      reason: `${new URL(url).host} cannot be reached (no answer within 1 s)`
    })
  })

  it('reports a refused connection and a missing file; accepts any other answer', async () => {
    const closed = await closedMirror()
    expect(await probeDownload(`${closed}e.zip`)).toEqual({
      ok: false,
      reason: `${new URL(closed).host} cannot be reached (the connection was refused)`
    })
    const missing = await mirror(404)
    expect(await probeDownload(`${missing}v45.4.1/e.zip`)).toEqual({
      ok: false,
      reason: `${new URL(missing).host} has no e.zip (HTTP 404)`
    })
    expect(await probeDownload(`${await mirror(302)}e.zip`)).toEqual({ ok: true })
    expect(await probeDownload(`${await mirror(405)}e.zip`)).toEqual({ ok: true })
  })
})

describe("fetching the runtime with electron's installer", () => {
  it('runs the installer when the host answers, and finds the binary it left', async () => {
    const project = projectWithoutBinary()
    const env = { ELECTRON_MIRROR: await mirror(302), electron_config_cache: tempDir() }
    const result = await fetchElectronRuntime({ root: project, env, log: quiet })
    expect(result).toEqual({
      ok: true,
      binary: join(project, 'node_modules/electron/dist/electron')
    })
  })

  it('offline: fails with the reason and never starts the installer', async () => {
    const project = projectWithoutBinary()
    const env = { ELECTRON_MIRROR: await closedMirror(), electron_config_cache: tempDir() }
    const result = await fetchElectronRuntime({ root: project, env, log: quiet })
    expect(result).toMatchObject({
      ok: false,
      reason: expect.stringContaining('cannot be reached')
    })
    expect(installerRan(project)).toBe(false)
  })

  it('offline with the zip in the cache: installs from the cache', async () => {
    const project = projectWithoutBinary()
    const cache = tempDir()
    const env = { ELECTRON_MIRROR: await closedMirror(), electron_config_cache: cache }
    const zip = cachedArtifactPath(cache, electronArtifact('45.4.1', env))
    mkdirSync(dirname(zip), { recursive: true })
    writeFileSync(zip, '')
    expect(await fetchElectronRuntime({ root: project, env, log: quiet })).toMatchObject({
      ok: true
    })
  })

  it('reports an installer that fails', async () => {
    const project = projectWithoutBinary(1)
    const env = { ELECTRON_MIRROR: await mirror(200), electron_config_cache: tempDir() }
    expect(await fetchElectronRuntime({ root: project, env, log: quiet })).toEqual({
      ok: false,
      reason: "electron's installer failed (exit code 1)"
    })
    expect(installerRan(project)).toBe(true)
  })
})
