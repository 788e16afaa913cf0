// The browser version of `npm start`: the headless host (out/main/host.js) serves the app, and
// the default browser is opened at its URL. Ctrl+C stops the host.
import { spawn } from 'node:child_process'
import { createInterface } from 'node:readline'
import { browserOpener, hostUrlFrom } from './start-plan.mjs'

/**
 * Opens url in the default browser. Never throws and never fails the run: a missing opener
 * (CI, a server) is reported in one line, the URL is already on screen. The opener runs in its
 * own process group, so Ctrl+C on `npm start` does not close the browser it started.
 */
export function openBrowser(url, { platform = process.platform, env = process.env, log }) {
  const opener = browserOpener(platform, env, url)
  const manual = 'open the URL above in a browser'
  if (!opener.command) {
    log(`Skyfolio: not opening a browser (${opener.reason}); ${manual}.`)
    return Promise.resolve(false)
  }
  return new Promise((resolve) => {
    const child = spawn(opener.command, opener.args, {
      detached: true,
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
      windowsVerbatimArguments: Boolean(opener.verbatim),
      windowsHide: true
    })
    let stderr = ''
    child.stderr.on('data', (chunk) => (stderr += chunk))
    child.on('error', (error) => {
      log(
        `Skyfolio: could not open a browser (${opener.command}: ${error.code ?? error.message}); ${manual}.`
      )
      resolve(false)
    })
    child.on('exit', (code, signal) => {
      if (code === 0) return resolve(true)
      const detail = stderr.trim().split('\n')[0]
      const ended = signal ? `stopped by ${signal}` : `exited with code ${code}`
      log(
        `Skyfolio: could not open a browser (${opener.command} ${ended}${detail ? `: ${detail}` : ''}); ${manual}.`
      )
      resolve(false)
    })
    child.unref()
  })
}

/**
 * Starts the host with `command`/`args`, echoes its output, and once it prints its URL calls
 * onUrl(url) in place of that line. `exited` resolves with the host's exit code; `stop` passes
 * a signal on, so the host closes its database before it exits.
 */
export function startHost({ command, args, env = process.env, onUrl, log }) {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'inherit'], env })
  let url = null
  // Line by line: the host's own announcement is replaced by onUrl's; the rest is echoed.
  createInterface({ input: child.stdout, crlfDelay: Infinity }).on('line', (line) => {
    const announced = url ? null : hostUrlFrom(line)
    if (!announced) return console.log(line)
    url = announced
    onUrl(url)
  })
  const exited = new Promise((resolve) => {
    child.on('error', (error) => {
      log(`Skyfolio: could not start the headless host (${error.message}).`)
      resolve(1)
    })
    child.on('close', (code, signal) => {
      if (!url)
        log(
          `Skyfolio: the headless host stopped before serving (${signal ? `stopped by ${signal}` : `exit code ${code}`}); see its output above.`
        )
      resolve(code ?? (signal === 'SIGINT' || signal === 'SIGTERM' ? 0 : 1))
    })
  })
  const stop = (signal = 'SIGTERM') => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal)
  }
  return { exited, stop }
}
