import type { ServiceContext, Service } from '../service'

export type LibraryChannel = never

/** The photo library: filled in by the library issue. */
export function setupLibrary(_ctx: ServiceContext): Service<LibraryChannel> {
  return { handlers: {}, close: async () => undefined }
}
