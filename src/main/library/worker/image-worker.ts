import { existsSync, writeFileSync } from 'node:fs'
import sharp from 'sharp'
import {
  imageRequestSchema,
  type ImageReply,
  type ImageRequest
} from '@shared/worker/image-protocol'
import { runJsStage } from '../../bench/worker/bench-task'
import { connectToParent } from '../../platform/process/worker-link'
import { isOutcome, loadImage, renderImage, type PipelineOutcome } from './image-pipeline'

// One core per worker: libvips uses one thread, and decodes run one at a time (below), so N
// workers keep N cores busy and no more. The operation cache only costs memory here.
sharp.concurrency(1)
sharp.cache(false)

const link = connectToParent()
const reply = (message: ImageReply): void => link.send(message)

// Test-only fault injection, so pool tests exercise this very entry; never set by the app.
const faults = process.env.SKYFOLIO_IMAGE_WORKER_FAULTS === '1'
const jsStage = process.env.SKYFOLIO_JS_STAGE === '1'

/** Decodes run one after another; reading and hashing the next file overlaps the current one. */
let cpu: Promise<unknown> = Promise.resolve()
const serially = <T>(work: () => Promise<T>): Promise<T> => {
  const run = cpu.then(work, work)
  cpu = run.catch(() => undefined)
  return run
}

async function handle(msg: Extract<ImageRequest, { type: 'process' }>): Promise<void> {
  if (faults) {
    if (msg.path.includes('crash-once') && !existsSync(`${msg.path}.crashed`)) {
      writeFileSync(`${msg.path}.crashed`, '')
      process.kill(process.pid, 'SIGKILL')
    }
    if (msg.path.includes('crash-me')) process.kill(process.pid, 'SIGKILL')
    if (msg.path.includes('hang-me')) return // never answers, like a stuck decoder
  }
  let outcome: PipelineOutcome
  try {
    const loaded = await loadImage(msg.path, msg.outDir)
    outcome = isOutcome(loaded) ? loaded : await serially(() => renderImage(loaded, msg.outDir))
  } catch (error) {
    outcome = {
      ok: false,
      failure: {
        code: 'corrupt',
        reason: `The image could not be processed (${error instanceof Error ? error.message : 'unknown error'}).`
      }
    }
  }
  // "Test both" may add its CPU-bound JavaScript stage; the library itself never sets this.
  if (outcome.ok && jsStage) await runJsStage(msg.path).catch(() => undefined)
  if (outcome.ok) reply({ type: 'done', seq: msg.seq, facts: outcome.facts })
  else reply({ type: 'failed', seq: msg.seq, failure: outcome.failure })
}

link.onMessage((raw) => {
  const parsed = imageRequestSchema.safeParse(raw)
  if (!parsed.success) {
    reply({ type: 'rejected', reason: parsed.error.issues[0]?.message ?? 'invalid message' })
    return
  }
  const msg = parsed.data
  if (msg.type === 'shutdown') process.exit(0)
  else void handle(msg)
})
reply({ type: 'ready', pid: process.pid })
