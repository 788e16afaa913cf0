import sharp from 'sharp'
import {
  imageRequestSchema,
  type ImageReply,
  type ImageRequest
} from '@shared/worker/image-protocol'
import type { ParentLink } from '../../platform/process/worker-link'
import { isOutcome, loadImage, renderImage, type PipelineOutcome } from './image-pipeline'
import { runJsStage } from './js-stage'
import { renderPreview } from './preview-render'

export type ProcessRequest = Extract<ImageRequest, { type: 'process' }>
export type PreviewRequest = Extract<ImageRequest, { type: 'preview' }>

export interface ImageWorkerOptions {
  /** Adds "test both"'s CPU-bound JavaScript stage after each image. */
  readonly jsStage: boolean
  /**
   * Runs before each file; 'skip' leaves the request unanswered. Only test entries set it, to
   * exercise the pool's crash and hang handling against this very request loop.
   */
  readonly beforeEach?: (request: ProcessRequest | PreviewRequest) => 'skip' | void
}

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error))

/** The image worker's request loop: validate each message, process files, reply by seq. */
export function serveImageRequests(link: ParentLink, options: ImageWorkerOptions): void {
  // One core per worker: libvips uses one thread, and decodes run one at a time (below), so N
  // workers keep N cores busy and no more. The operation cache only costs memory here.
  sharp.concurrency(1)
  sharp.cache(false)
  const reply = (m: ImageReply): void => link.send(m)

  // Decodes run one after another; reading and hashing the next file overlaps the current one.
  let cpu: Promise<unknown> = Promise.resolve()
  const serially = <T>(work: () => Promise<T>): Promise<T> => {
    const run = cpu.then(work, work)
    cpu = run.then(
      () => undefined,
      () => undefined // the failure reaches its own caller through `run`
    )
    return run
  }

  const handle = async (msg: ProcessRequest): Promise<void> => {
    if (options.beforeEach?.(msg) === 'skip') return
    let outcome: PipelineOutcome
    try {
      const loaded = await loadImage(msg.path, msg.outDir)
      outcome = isOutcome(loaded) ? loaded : await renderImage(loaded, msg.outDir, serially)
      if (outcome.ok && options.jsStage) await runJsStage(msg.path)
    } catch (error) {
      outcome = {
        ok: false,
        failure: {
          code: 'corrupt',
          reason: `The image could not be processed (${message(error)}).`
        }
      }
    }
    if (outcome.ok) reply({ type: 'done', seq: msg.seq, facts: outcome.facts })
    else reply({ type: 'failed', seq: msg.seq, failure: outcome.failure })
  }

  const preview = async (msg: PreviewRequest): Promise<void> => {
    if (options.beforeEach?.(msg) === 'skip') return
    const outcome = await serially(() => renderPreview(msg.path, msg.hash, msg.outDir))
    if (outcome.ok) reply({ type: 'preview-done', seq: msg.seq, preview: outcome.preview })
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
    else
      (msg.type === 'preview' ? preview(msg) : handle(msg)).catch((error: unknown) =>
        reply({
          type: 'failed',
          seq: msg.seq,
          failure: {
            code: 'corrupt',
            reason: `The image could not be processed (${message(error)}).`
          }
        })
      )
  })
  reply({ type: 'ready', pid: process.pid })
}
