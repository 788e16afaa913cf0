// npm run dist: electron-vite build, then electron-builder for this OS (arguments after `--` go
// to electron-builder). Packaging downloads Electron, and electron-builder's tools, for each
// target platform: where the download host cannot be reached, one line says so (before the
// build, and again if packaging fails on the way) instead of electron-builder's stack trace.
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import {
  electronArtifact,
  electronPackage,
  packagingOfflineLine,
  probeDownload
} from './electron-runtime.mjs'
import { packageBin } from './package-bin.mjs'

const root = fileURLToPath(new URL('..', import.meta.url))
const pkg = electronPackage(root)
if (!pkg) {
  console.error('Skyfolio: the electron package is missing; run npm ci first.')
  process.exit(1)
}
const { url } = electronArtifact(pkg.version, process.env)

async function reachableOrExit() {
  const probe = await probeDownload(url)
  if (probe.ok) return
  console.error(packagingOfflineLine(probe.reason))
  process.exit(1)
}

const node = (args) => spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' })

await reachableOrExit()
const built = node([packageBin('electron-vite'), 'build'])
if (built.status !== 0) process.exit(built.status ?? 1)
const packed = node([
  packageBin('electron-builder'),
  '--config',
  'electron-builder.yml',
  ...process.argv.slice(2)
])
if (packed.status !== 0) {
  await reachableOrExit()
  process.exit(packed.status ?? 1)
}
