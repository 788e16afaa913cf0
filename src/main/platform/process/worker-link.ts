/**
 * The worker side of the launcher: one link that speaks to the parent whether this process
 * was started by Electron's utilityProcess (process.parentPort) or by child_process.fork
 * (process.send). Worker entries use this and never import electron.
 */
export interface ParentLink {
  readonly transport: 'parent-port' | 'node-ipc'
  send(message: unknown): void
  onMessage(listener: (message: unknown) => void): void
}

interface ParentPortLike {
  postMessage(message: unknown): void
  on(event: 'message', listener: (event: { data: unknown }) => void): void
}

export function connectToParent(): ParentLink {
  const parentPort = (process as unknown as { parentPort?: ParentPortLike }).parentPort
  if (parentPort) {
    return {
      transport: 'parent-port',
      send: (message) => parentPort.postMessage(message),
      onMessage: (listener) => parentPort.on('message', (event) => listener(event.data))
    }
  }
  if (typeof process.send === 'function') {
    const send = process.send.bind(process)
    // An orphaned worker must not linger when its parent dies.
    process.on('disconnect', () => process.exit(0))
    return {
      transport: 'node-ipc',
      send: (message) => send(message as object),
      onMessage: (listener) => process.on('message', listener)
    }
  }
  throw new Error(
    'This entry runs only as a worker process (utilityProcess or child_process.fork).'
  )
}
