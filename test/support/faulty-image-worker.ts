import { existsSync, writeFileSync } from 'node:fs'
import { serveImageRequests } from '../../src/main/library/worker/image-requests'
import { connectToParent } from '../../src/main/platform/process/worker-link'

// A test-only image worker: the real request loop, with faults chosen by the file's name, so
// pool and queue tests exercise crash and hang handling. Never bundled into the app.
serveImageRequests(connectToParent(), {
  jsStage: false,
  beforeEach(msg) {
    if (msg.path.includes('crash-once') && !existsSync(`${msg.path}.crashed`)) {
      writeFileSync(`${msg.path}.crashed`, '')
      process.kill(process.pid, 'SIGKILL')
    }
    if (msg.path.includes('crash-me')) process.kill(process.pid, 'SIGKILL')
    // Phase 1 goes through; the preview (phase 2) takes the worker down, every time.
    if (msg.type === 'preview' && msg.path.includes('preview-crash'))
      process.kill(process.pid, 'SIGKILL')
    if (msg.path.includes('hang-me')) return 'skip' // never answers, like a stuck decoder
  }
})
