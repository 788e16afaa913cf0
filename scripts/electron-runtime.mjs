// Finding the Electron runtime, and fetching it when it is missing. One module for `npm start`,
// `npm run dist` and the e2e fixture, so all of them agree on whether Electron is there.
//
// The electron package (45.x) has no install script: its binary arrives on the first
// require('electron') or through its own installer (node_modules/electron/install.js, the
// `install-electron` bin). Nothing here requires 'electron', which would start that download
// without a time limit; fetching is an explicit step with a reachability check first.
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { join, posix } from 'node:path'

export const DEFAULT_DOWNLOAD_BASE = 'https://github.com/electron/electron/releases/download/'
/** How long the download host may take to answer before we call it unreachable. */
export const PROBE_TIMEOUT_MS = 10_000
/** The installer's ceiling: about 110 KB/s for Electron's ~100 MB zip; beyond that, give up. */
export const INSTALL_TIMEOUT_MS = 15 * 60_000

/**
 * The installed Electron binary, or null. Read from node_modules/electron/path.txt the way
 * the electron package does, but never through require('electron'): that starts a download
 * when the binary is missing. Honours ELECTRON_EXEC_PATH (electron-vite's) and
 * ELECTRON_OVERRIDE_DIST_PATH (the electron package's) for a runtime installed elsewhere.
 */
export function findElectronBinary(root = process.cwd(), env = process.env) {
  if (env.ELECTRON_EXEC_PATH)
    return existsSync(env.ELECTRON_EXEC_PATH) ? env.ELECTRON_EXEC_PATH : null
  const pkg = join(root, 'node_modules', 'electron')
  const pathFile = join(pkg, 'path.txt')
  const name = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : ''
  const override = env.ELECTRON_OVERRIDE_DIST_PATH
  const binary = override
    ? join(override, name || 'electron')
    : name
      ? join(pkg, 'dist', name)
      : null
  return binary && existsSync(binary) ? binary : null
}

/** The electron package's folder and version, read from its package.json; null when absent. */
export function electronPackage(root = process.cwd()) {
  const dir = join(root, 'node_modules', 'electron')
  const file = join(dir, 'package.json')
  if (!existsSync(file)) return null
  return { dir, version: String(JSON.parse(readFileSync(file, 'utf8')).version) }
}

// @electron/get's configuration lookup (its artifact-utils mirrorVar): .npmrc, package.json,
// then ELECTRON_* variables, first one set wins.
function mirrorVar(env, name, fallback) {
  const snake = name.replace(/([a-z])([A-Z])/g, (_, a, b) => `${a}_${b}`).toLowerCase()
  return (
    env[`npm_config_electron_${name.toLowerCase()}`] ||
    env[`NPM_CONFIG_ELECTRON_${snake.toUpperCase()}`] ||
    env[`npm_config_electron_${snake}`] ||
    env[`npm_package_config_electron_${name}`] ||
    env[`npm_package_config_electron_${snake}`] ||
    env[`ELECTRON_${snake.toUpperCase()}`] ||
    fallback
  )
}

/**
 * The zip electron's installer downloads for this machine: its URL (mirror variables included)
 * and file name. Platform and arch as install.js picks them.
 */
export function electronArtifact(
  version,
  env = process.env,
  platform = process.platform,
  arch = process.arch
) {
  const os = env.ELECTRON_INSTALL_PLATFORM || env.npm_config_platform || platform
  const cpu = env.ELECTRON_INSTALL_ARCH || env.npm_config_arch || arch
  const electronArch = cpu === 'arm' ? 'armv7l' : cpu
  const v = version.replace(/^v/, '')
  const fileName = mirrorVar(env, 'customFilename', `electron-v${v}-${os}-${electronArch}.zip`)
  const dir = mirrorVar(env, 'customDir', `v${v}`).replace('{{ version }}', v)
  const url = `${mirrorVar(env, 'mirror', DEFAULT_DOWNLOAD_BASE)}${dir}/${fileName}`
  return { url, fileName }
}

/** @electron/get's cache folder (env-paths 'electron'), or electron_config_cache when set. */
export function electronCacheRoot(
  env = process.env,
  platform = process.platform,
  home = homedir()
) {
  if (env.electron_config_cache) return env.electron_config_cache
  if (platform === 'darwin') return join(home, 'Library', 'Caches', 'electron')
  if (platform === 'win32')
    return join(env.LOCALAPPDATA || join(home, 'AppData', 'Local'), 'electron', 'Cache')
  return join(env.XDG_CACHE_HOME || join(home, '.cache'), 'electron')
}

/** Where @electron/get keeps a downloaded zip: a folder named by the hash of the URL's folder. */
export function cachedArtifactPath(cacheRoot, artifact) {
  const folder = new URL(artifact.url)
  folder.hash = ''
  folder.search = ''
  folder.pathname = posix.dirname(folder.pathname)
  const key = createHash('sha256').update(folder.toString()).digest('hex')
  return join(cacheRoot, key, artifact.fileName)
}

const NETWORK_CAUSES = {
  ENOTFOUND: 'its name does not resolve',
  EAI_AGAIN: 'the DNS lookup failed',
  ECONNREFUSED: 'the connection was refused',
  ECONNRESET: 'the connection was reset',
  ETIMEDOUT: 'the connection timed out',
  UND_ERR_CONNECT_TIMEOUT: 'the connection timed out',
  ENETUNREACH: 'the network is unreachable',
  EHOSTUNREACH: 'there is no route to it'
}

/** A fetch failure in words: "its name does not resolve", "no answer within 10 s", … */
export function describeNetworkError(error, timeoutMs = PROBE_TIMEOUT_MS) {
  if (error?.name === 'TimeoutError') return `no answer within ${Math.round(timeoutMs / 1000)} s`
  const cause = error?.cause ?? error
  const code = cause?.code ?? cause?.errors?.[0]?.code
  if (code && NETWORK_CAUSES[code]) return NETWORK_CAUSES[code]
  if (typeof code === 'string' && /CERT|SIGNATURE|SELF_SIGNED/.test(code))
    return 'its TLS certificate was not accepted'
  return code ?? cause?.message ?? String(error)
}

/**
 * Whether the download URL answers, bounded by timeoutMs. Uses the same fetch as
 * @electron/get's downloader, so it sees the network the installer will see.
 */
export async function probeDownload(url, timeoutMs = PROBE_TIMEOUT_MS) {
  const host = new URL(url).host
  try {
    const response = await fetch(url, {
      method: 'HEAD',
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs)
    })
    // Any answer means the network works; only a missing file stops the installer for sure
    // (some mirrors refuse HEAD itself, which says nothing about the download).
    if (response.status === 404 || response.status === 410)
      return {
        ok: false,
        reason: `${host} has no ${url.split('/').pop()} (HTTP ${response.status})`
      }
    return { ok: true }
  } catch (error) {
    return {
      ok: false,
      reason: `${host} cannot be reached (${describeNetworkError(error, timeoutMs)})`
    }
  }
}

const isSet = (value) => Boolean(value) && value !== '0' && value !== 'false'

/**
 * What to do before running electron's installer: `skip` with a reason, or `install` (after a
 * reachability probe unless the zip is already in the cache, where no network is needed).
 */
export function installPlan({ pkg, env, cachedZipExists }) {
  if (!pkg) return { kind: 'skip', reason: 'the electron package is missing (run npm ci)' }
  if (isSet(env.ELECTRON_SKIP_BINARY_DOWNLOAD))
    return { kind: 'skip', reason: 'ELECTRON_SKIP_BINARY_DOWNLOAD is set' }
  return { kind: 'install', probe: !cachedZipExists }
}

/** Runs a command with the terminal attached; kills it after timeoutMs. */
function runAttached(command, args, env, timeoutMs) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit', env })
    let timedOut = false
    const timer = setTimeout(() => {
      timedOut = true
      child.kill('SIGTERM')
    }, timeoutMs)
    child.on('error', (error) => {
      clearTimeout(timer)
      resolve({ code: null, signal: null, timedOut, error })
    })
    child.on('exit', (code, signal) => {
      clearTimeout(timer)
      resolve({ code, signal, timedOut })
    })
  })
}

/**
 * Fetches the Electron runtime with the electron package's own installer (its progress bar
 * shows on a terminal). Resolves { ok: true, binary } or { ok: false, reason, interrupted? };
 * never throws, and fails within the probe timeout when the download host is unreachable.
 */
export async function fetchElectronRuntime({
  root = process.cwd(),
  env = process.env,
  log = console.log,
  probeTimeoutMs = PROBE_TIMEOUT_MS,
  installTimeoutMs = INSTALL_TIMEOUT_MS
} = {}) {
  const pkg = electronPackage(root)
  const artifact = pkg && electronArtifact(pkg.version, env)
  const cachedZipExists =
    Boolean(artifact) && existsSync(cachedArtifactPath(electronCacheRoot(env), artifact))
  const plan = installPlan({ pkg, env, cachedZipExists })
  if (plan.kind === 'skip') return { ok: false, reason: plan.reason }

  log(
    `Skyfolio: the Electron runtime ${pkg.version} is not installed yet; fetching it once with electron's own installer…`
  )
  if (plan.probe) {
    const probe = await probeDownload(artifact.url, probeTimeoutMs)
    if (!probe.ok) return { ok: false, reason: probe.reason }
  }
  const run = await runAttached(
    process.execPath,
    [join(pkg.dir, 'install.js')],
    env,
    installTimeoutMs
  )
  if (run.signal === 'SIGINT' || run.code === 130)
    return { ok: false, interrupted: true, reason: 'the download was interrupted' }
  if (run.timedOut)
    return {
      ok: false,
      reason: `the download did not finish within ${installTimeoutMs / 60_000} minutes`
    }
  if (run.error || run.code !== 0)
    return {
      ok: false,
      reason: `electron's installer failed (${run.error ? run.error.message : `exit code ${run.code}`})`
    }
  const binary = findElectronBinary(root, env)
  return binary
    ? { ok: true, binary }
    : { ok: false, reason: "electron's installer finished but left no binary" }
}

/** `npm run dist`'s one line when the download host cannot be reached. */
export const packagingOfflineLine = (reason) =>
  `Skyfolio: packaging needs to download Electron for each platform, and ${reason}; connect to the internet and run npm run dist again.`
