/**
 * Names of the Electron IPC channels: two carry the whole contract. Kept apart from the
 * schemas so the sandboxed preload bundles no validation library.
 */
export const IPC_REQUEST = 'skyfolio:request'
export const IPC_EVENT = 'skyfolio:event'
/**
 * The preload's own channel, not part of the contract and out of the page's reach: it grants
 * main the path of a file the user dropped or pasted, as Electron tells it for a real File.
 */
export const IPC_GRANT_FILE = 'skyfolio:grant-file'
