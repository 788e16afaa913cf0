import { echoRequestSchema, type EchoReply } from '@shared/worker/echo-protocol'
import { connectToParent } from '../../src/main/platform/process/worker-link'

const link = connectToParent()
const reply = (message: EchoReply): void => link.send(message)

link.onMessage((raw) => {
  const parsed = echoRequestSchema.safeParse(raw)
  if (!parsed.success) {
    reply({ type: 'rejected', reason: parsed.error.issues[0]?.message ?? 'invalid message' })
    return
  }
  const msg = parsed.data
  if (msg.type === 'echo') reply({ type: 'echo', seq: msg.seq, value: msg.value })
  else if (msg.type === 'exit') process.exit(msg.code)
  else process.kill(process.pid, 'SIGKILL')
})
reply({ type: 'ready', transport: link.transport })
