import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openBrowser, startHost } from '../../scripts/browser-version.mjs'
import { useTempDir } from '../support/temp-dir'

const tempDir = useTempDir('skyfolio-browser-')
const URL = 'http://127.0.0.1:41234/?token=abc'

/** A stand-in for out/main/host.js, run with this Node. */
function fakeHost(source: string): { command: string; args: string[] } {
  const file = join(tempDir(), 'host.mjs')
  writeFileSync(file, `import { writeFileSync } from 'node:fs'\n${source}\n`)
  return { command: process.execPath, args: [file] }
}

/** A stand-in for xdg-open, alone in its PATH folder. */
function fakeOpener(script: string): { PATH: string; DISPLAY: string } {
  const bin = tempDir()
  writeFileSync(join(bin, 'xdg-open'), `#!/bin/sh\n${script}\n`)
  chmodSync(join(bin, 'xdg-open'), 0o755)
  return { PATH: bin, DISPLAY: ':0' }
}

describe('npm start in the browser: the headless host', () => {
  it('hands over the URL the host prints; Ctrl+C lets the host close cleanly', async () => {
    const closed = join(tempDir(), 'closed')
    const host = fakeHost(`
process.on('SIGINT', () => { writeFileSync(${JSON.stringify(closed)}, ''); process.exit(0) })
console.log('Skyfolio headless host: open ${URL}')
setInterval(() => {}, 1000)`)
    const lines: string[] = []
    let announced!: (url: string) => void
    const url = new Promise<string>((resolve) => (announced = resolve))
    const running = startHost({ ...host, onUrl: announced, log: (l) => lines.push(l) })

    expect(await url).toBe(URL)
    running.stop('SIGINT')
    expect(await running.exited).toBe(0)
    expect(existsSync(closed)).toBe(true)
    expect(lines).toEqual([])
  })

  it('says so when the host stops before serving, with its exit code', async () => {
    const host = fakeHost(`console.error('the database is from a newer Skyfolio'); process.exit(2)`)
    const lines: string[] = []
    const running = startHost({ ...host, onUrl: () => undefined, log: (l) => lines.push(l) })
    expect(await running.exited).toBe(2)
    expect(lines).toEqual([
      'Skyfolio: the headless host stopped before serving (exit code 2); see its output above.'
    ])
  })
})

describe.skipIf(process.platform === 'win32')('npm start in the browser: opening it', () => {
  it('opens the default browser at the URL', async () => {
    const opened = join(tempDir(), 'opened')
    const env = { ...fakeOpener(`echo "$1" > ${JSON.stringify(opened)}`) }
    const lines: string[] = []
    expect(await openBrowser(URL, { platform: 'linux', env, log: (l) => lines.push(l) })).toBe(true)
    expect(readFileSync(opened, 'utf8').trim()).toBe(URL)
    expect(lines).toEqual([])
  })

  it('carries on, with one line, when the opener fails or does not exist', async () => {
    const lines: string[] = []
    const log = (l: string): number => lines.push(l)
    const failing = fakeOpener('echo "xdg-open: no method available" >&2; exit 3')
    expect(await openBrowser(URL, { platform: 'linux', env: failing, log })).toBe(false)
    const missing = { PATH: tempDir(), DISPLAY: ':0' }
    expect(await openBrowser(URL, { platform: 'linux', env: missing, log })).toBe(false)
    expect(await openBrowser(URL, { platform: 'linux', env: {}, log })).toBe(false)
    expect(lines).toEqual([
      'Skyfolio: could not open a browser (xdg-open exited with code 3: xdg-open: no method available); open the URL above in a browser.',
      'Skyfolio: could not open a browser (xdg-open: ENOENT); open the URL above in a browser.',
      'Skyfolio: not opening a browser (there is no display); open the URL above in a browser.'
    ])
  })
})
