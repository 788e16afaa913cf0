// Types for electron-runtime.mjs, for the TypeScript that imports it (tests, e2e fixture).
type Env = Record<string, string | undefined>

export declare const DEFAULT_DOWNLOAD_BASE: string
export declare const PROBE_TIMEOUT_MS: number
export declare const INSTALL_TIMEOUT_MS: number

export declare function findElectronBinary(root?: string, env?: Env): string | null
export declare function electronPackage(root?: string): { dir: string; version: string } | null

export interface ElectronArtifact {
  url: string
  fileName: string
}
export declare function electronArtifact(
  version: string,
  env?: Env,
  platform?: string,
  arch?: string
): ElectronArtifact
export declare function electronCacheRoot(env?: Env, platform?: string, home?: string): string
export declare function cachedArtifactPath(cacheRoot: string, artifact: ElectronArtifact): string

export declare function describeNetworkError(error: unknown, timeoutMs?: number): string
export declare function probeDownload(
  url: string,
  timeoutMs?: number
): Promise<{ ok: true } | { ok: false; reason: string }>

export type InstallPlan = { kind: 'skip'; reason: string } | { kind: 'install'; probe: boolean }
export declare function installPlan(input: {
  pkg: { dir: string; version: string } | null
  env: Env
  cachedZipExists: boolean
}): InstallPlan

export type FetchResult =
  { ok: true; binary: string } | { ok: false; reason: string; interrupted?: boolean }
export declare function fetchElectronRuntime(options?: {
  root?: string
  env?: Env
  log?: (line: string) => void
  probeTimeoutMs?: number
  installTimeoutMs?: number
}): Promise<FetchResult>

export declare function packagingOfflineLine(reason: string): string
