/**
 * Names of the two Electron IPC channels that carry the whole contract. Kept apart from the
 * schemas so the sandboxed preload bundles no validation library.
 */
export const IPC_REQUEST = 'skyfolio:request'
export const IPC_EVENT = 'skyfolio:event'
