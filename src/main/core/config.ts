import { z } from 'zod'
import type { LogLevel } from '../platform/log'
import { defaultUserDataDir } from '../platform/paths'

/**
 * The one place that reads the environment. Every setting is validated here and handed to the
 * services as typed values; nothing else in src/main touches process.env.
 */
export interface AppConfig {
  /** The user-data folder; null under Electron means "Electron's own userData". */
  readonly userDataDir: string | null
  /** The folder to use when no override is set (Electron's userData for this product name). */
  readonly defaultUserDataDir: string
  /** One base URL serving Open-Meteo's paths (the fixture), or null for the real services. */
  readonly weatherUrl: string | null
  readonly autoRefresh: boolean
  /** The headless host's port; 0 picks a free one. */
  readonly port: number
  readonly logLevel: LogLevel
  /** Per-file limit before an image worker counts as hung. */
  readonly importTimeoutMs: number
  readonly version: string
}

// An empty variable counts as unset, as shells and CI files often leave them.
const unsetIfEmpty = (v: unknown): unknown => (v === '' ? undefined : v)
const opt = <T extends z.ZodType>(schema: T) => z.preprocess(unsetIfEmpty, schema.optional())

const envSchema = z.object({
  SKYFOLIO_USER_DATA: opt(z.string()),
  SKYFOLIO_WEATHER_URL: opt(z.url({ protocol: /^https?$/ })),
  SKYFOLIO_WEATHER_AUTOREFRESH: opt(z.enum(['0', '1'])),
  SKYFOLIO_PORT: opt(z.coerce.number().int().min(0).max(65_535)),
  SKYFOLIO_LOG: opt(z.enum(['debug', 'info', 'warn', 'error'])),
  SKYFOLIO_IMPORT_TIMEOUT_MS: opt(z.coerce.number().int().min(100).max(3_600_000)),
  npm_package_version: opt(z.string())
})

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Skyfolio's environment is not valid: ${problems.join('; ')}`)
    this.name = 'ConfigError'
  }
}

/** Reads and validates the environment once; throws ConfigError naming each bad variable. */
export function readConfig(
  env: Readonly<Record<string, string | undefined>> = process.env,
  platform: NodeJS.Platform = process.platform
): AppConfig {
  const parsed = envSchema.safeParse(env)
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message.toLowerCase()}`)
    )
  }
  const e = parsed.data
  return {
    userDataDir: e.SKYFOLIO_USER_DATA ?? null,
    defaultUserDataDir: defaultUserDataDir(platform, env),
    weatherUrl: e.SKYFOLIO_WEATHER_URL ?? null,
    autoRefresh: e.SKYFOLIO_WEATHER_AUTOREFRESH !== '0',
    port: e.SKYFOLIO_PORT ?? 0,
    logLevel: e.SKYFOLIO_LOG ?? 'info',
    importTimeoutMs: e.SKYFOLIO_IMPORT_TIMEOUT_MS ?? 60_000,
    version: e.npm_package_version ?? '0.0.0'
  }
}
