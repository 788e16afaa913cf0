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
  benchTask(path, outDir, jsStage)
    .catch((error: unknown) => ({
      ok: false,
      reason: error instanceof Error ? error.message : String(error)
    }))
    .then((result) => port.postMessage({ seq, ...result } satisfies BenchThreadReply))
})
