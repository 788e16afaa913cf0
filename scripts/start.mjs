// npm start: the desktop app when Electron can run here (fetching its runtime first when it is
// missing); otherwise the same app in the default browser, served by the headless host.
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { openBrowser, startHost } from './browser-version.mjs'
import { fetchElectronRuntime, findElectronBinary } from './electron-runtime.mjs'
import { packageBin } from './package-bin.mjs'
import { browserReasonLine, fetchFailedReason, startPlan } from './start-plan.mjs'

const root = fileURLToPath(new URL('..', import.meta.url))
const log = (line) => console.log(line)
const electronVite = packageBin('electron-vite')

/** Runs Node with args, attached to this terminal; resolves with { code, signal }. */
function run(args, env) {
  const child = spawn(process.execPath, args, { stdio: 'inherit', cwd: root, env })
  // Ctrl+C reaches the child through the terminal; this covers a signal sent to us alone.
  const forward = (signal) => child.kill(signal)
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, forward)
  return new Promise((resolve) => {
    child.on('error', (error) => {
      console.error(`Skyfolio: could not run ${args.join(' ')} (${error.message}).`)
      resolve({ code: 1, signal: null })
    })
    child.on('exit', (code, signal) => {
      for (const name of ['SIGINT', 'SIGTERM']) process.off(name, forward)
      resolve({ code, signal })
    })
  })
}

/** Ends this process the way the child ended. */
function endLike({ code, signal }) {
  if (signal) process.kill(process.pid, signal)
  else process.exit(code ?? 1)
}

async function startElectron(binary) {
  // electron-vite finds the runtime by this variable, wherever it was found.
  const env = { ...process.env, ELECTRON_EXEC_PATH: binary }
  endLike(await run([electronVite, 'preview', ...process.argv.slice(2)], env))
}

async function startInBrowser(reason) {
  log(browserReasonLine(reason))
  const built = await run([electronVite, 'build'], process.env)
  if (built.code !== 0) return endLike(built)
  const host = startHost({
    command: process.execPath,
    args: [join(root, 'out', 'main', 'host.js')],
    log,
    onUrl: (url) => {
      log(`Skyfolio is running at ${url} (Ctrl+C stops it).`)
      void openBrowser(url, { log }).then(
        (opened) => opened && log('Skyfolio: opened it in your default browser.')
      )
    }
  })
  // Ctrl+C in a terminal reaches the host too; this covers a signal sent to us alone.
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => host.stop(signal))
  process.exit(await host.exited)
}

// The native modules are built for the Node that npm scripts run (the `node` dev dependency).
if (Number(process.versions.node.split('.')[0]) < 22) {
  console.error(
    `Skyfolio: needs Node.js 22 or newer, this is ${process.version}; run \`npm start\`, which uses the Node it installed.`
  )
  process.exit(1)
}

const plan = startPlan({
  binary: findElectronBinary(root),
  platform: process.platform,
  env: process.env
})
if (plan.kind === 'electron') await startElectron(plan.binary)
else if (plan.kind === 'browser') await startInBrowser(plan.reason)
else {
  const fetched = await fetchElectronRuntime({ root, log })
  if (fetched.ok) await startElectron(fetched.binary)
  else if (fetched.interrupted) process.exit(130)
  else await startInBrowser(fetchFailedReason(fetched.reason))
}
