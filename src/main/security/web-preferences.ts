import { isAbsolute } from 'node:path'

export interface WebPreferencesInput {
  /** Absolute path of the built preload script (out/preload/index.js). */
  readonly preload: string
  /** DevTools only in development builds. */
  readonly devTools: boolean
}

/**
 * The webPreferences of every app window. The renderer is plain web content: isolated from
 * the preload, sandboxed, no Node, same-origin policy on, no <webview>, no remote spellcheck
 * dictionaries (Chromium would download them from a Google CDN), no insecure content.
 */
export function buildWebPreferences(input: WebPreferencesInput) {
  if (!isAbsolute(input.preload) || !/\.(c|m)?js$/.test(input.preload)) {
    throw new Error('The preload must be an absolute path to a built .js file.')
  }
  return {
    preload: input.preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    safeDialogs: true,
    autoplayPolicy: 'user-gesture-required',
    devTools: input.devTools
  } as const
}
export type SecureWebPreferences = ReturnType<typeof buildWebPreferences>
