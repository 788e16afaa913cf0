import { parentPort } from 'node:worker_threads'
import {
  benchThreadRequestSchema,
  type BenchThreadReply
} from '@shared/worker/bench-thread-protocol'
import { benchTask } from './bench-task'

// A worker_threads entry for "test both" strategy (b): the same work as the image worker
// process, on a thread inside the main process.
if (!parentPort) throw new Error('bench-thread runs only as a worker thread')
const port = parentPort

port.on('message', (raw: unknown) => {
  const parsed = benchThreadRequestSchema.safeParse(raw)
  if (!parsed.success) return
  const { seq, path, outDir, jsStage } = parsed.data
  const failed = (error: unknown): BenchThreadReply => ({
    seq,
    ok: false,
    reason: (error instanceof Error ? error.message : String(error)).slice(0, 500)
  })
  benchTask(path, outDir, jsStage)
    .then((result) => ({ seq, ...result }) satisfies BenchThreadReply, failed)
    // A reply that cannot be sent (not cloneable) still answers, so main never waits for ever.
    .then((reply) => port.postMessage(reply))
    .catch((error: unknown) => port.postMessage(failed(error)))
})
