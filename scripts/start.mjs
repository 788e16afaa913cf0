// npm start: the desktop app when the Electron runtime is installed, otherwise one clear line.
import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { findElectronBinary } from './electron-runtime.mjs'

const electron = findElectronBinary()
if (!electron) {
  console.error(
    'Skyfolio: the Electron runtime is not installed (npm fetches it from the internet on first install); run `npm run host` to use Skyfolio in your browser instead.'
  )
  process.exit(1)
}

const require = createRequire(import.meta.url)
// The package's exports hide its bin file; find it next to its package.json.
const pkgFile = require.resolve('electron-vite/package.json')
const cli = join(dirname(pkgFile), require(pkgFile).bin['electron-vite'])
const child = spawn(process.execPath, [cli, 'preview', ...process.argv.slice(2)], {
  stdio: 'inherit',
  // electron-vite finds the runtime by this variable, wherever it was found.
  env: { ...process.env, ELECTRON_EXEC_PATH: electron }
})
child.on('error', (error) => {
  console.error(`Skyfolio: could not start electron-vite (${error.message}).`)
  process.exit(1)
})
child.on('exit', (code, signal) => {
  if (signal) process.kill(process.pid, signal)
  else process.exit(code ?? 1)
})
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
