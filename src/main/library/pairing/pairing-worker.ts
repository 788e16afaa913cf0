import {
  pairingRequestSchema,
  type PairingPassRequest,
  type PairingReply
} from '@shared/worker/pairing-protocol'
import { connectToParent } from '../../platform/process/worker-link'
import { PairingReader } from './pairing-pass'

// The near-duplicate pairing worker's process entry (utilityProcess in the app,
// child_process.fork under Node): main's event loop only writes what it answers.
const link = connectToParent()
const reply = (m: PairingReply): void => link.send(m)
const reason = (error: unknown): string =>
  (error instanceof Error ? error.message : String(error)).slice(0, 500)

let reader: PairingReader | null = null
// Passes run one at a time; main sends the next only after an answer anyway.
let running: Promise<void> = Promise.resolve()

async function pass(request: PairingPassRequest): Promise<void> {
  try {
    if (reader?.file !== request.database) {
      reader?.close()
      reader = null
      reader = new PairingReader(request.database)
    }
    reply({ seq: request.seq, ...(await reader.pass(request)) })
  } catch (error) {
    reply({ type: 'failed', seq: request.seq, reason: reason(error) })
  }
}

link.onMessage((raw) => {
  const parsed = pairingRequestSchema.safeParse(raw)
  if (!parsed.success) {
    reply({ type: 'rejected', reason: reason(parsed.error) })
    return
  }
  const request = parsed.data
  if (request.type === 'shutdown') {
    reader?.close()
    process.exit(0)
  }
  running = running.then(() => pass(request))
})

reply({ type: 'ready', pid: process.pid })
