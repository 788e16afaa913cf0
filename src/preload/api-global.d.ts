import type { SkyfolioApi } from '@shared/contract'

declare global {
  interface Window {
    /** Built by the preload (Electron) or the host bridge (headless) from the contract. */
    readonly api: SkyfolioApi
  }
}

export {}
