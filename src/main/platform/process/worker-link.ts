/**
 * The worker side of the launcher: one link that speaks to the parent whether this process
 * was started by Electron's utilityProcess (process.parentPort) or by child_process.fork
 * (process.send). Worker entries use this and never import electron.
 */
export interface ParentLink {
  readonly transport: 'parent-port' | 'node-ipc'
  /** Sends to the parent; when the parent is gone the worker exits quietly instead. */
  send(message: unknown): void
  onMessage(listener: (message: unknown) => void): void
}

interface ParentPortLike {
  postMessage(message: unknown): void
  on(event: 'message', listener: (event: { data: unknown }) => void): void
  on(event: 'close', listener: () => void): void
}

/**
 * A worker without its parent has no one to answer: it leaves at once, with no stack trace
 * (nothing it holds needs saving; the parent's next start redoes unfinished files).
 */
const leave = (): never => process.exit(0)

export function connectToParent(): ParentLink {
  const parentPort = (process as unknown as { parentPort?: ParentPortLike }).parentPort
  if (parentPort) {
    // Electron ends a utility process with its parent; a port that reports closing is the same.
    parentPort.on('close', leave)
    return {
      transport: 'parent-port',
      send: (message) => {
        try {
          parentPort.postMessage(message)
        } catch {
          leave()
        }
      },
      onMessage: (listener) => parentPort.on('message', (event) => listener(event.data))
    }
  }
  if (typeof process.send === 'function') {
    const send = process.send.bind(process)
    process.on('disconnect', leave)
    return {
      transport: 'node-ipc',
      send: (message) => {
        if (!process.connected) leave()
        // A write can fail (EPIPE) after the parent died but before 'disconnect' arrives; with a
        // callback the error comes here instead of as an uncaught 'error' event on process.
        send(message as object, undefined, undefined, (error) => {
          if (error) leave()
        })
      },
      onMessage: (listener) => process.on('message', listener)
    }
  }
  throw new Error(
    'This entry runs only as a worker process (utilityProcess or child_process.fork).'
  )
}
