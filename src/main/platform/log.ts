import { homedir } from 'node:os'

export type LogLevel = 'debug' | 'info' | 'warn' | 'error'
export interface Logger {
  debug(message: string, context?: Record<string, unknown>): void
  info(message: string, context?: Record<string, unknown>): void
  warn(message: string, context?: Record<string, unknown>): void
  error(message: string, context?: Record<string, unknown>): void
  child(scope: string): Logger
}

const home = homedir()
const secretKey = /token|secret|password|apikey|authorization|cookie/i

/** Keeps user paths and secrets out of log lines. */
export function scrub(value: unknown): unknown {
  if (typeof value === 'string') return home.length > 1 ? value.split(home).join('~') : value
  if (value instanceof Error) return scrub(value.stack ?? value.message)
  if (Array.isArray(value)) return value.map(scrub)
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, secretKey.test(k) ? '[redacted]' : scrub(v)])
    )
  }
  return value
}

const order: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 }

export function createLogger(
  scope = 'skyfolio',
  minLevel: LogLevel = 'info',
  write: (line: string) => void = (line) => process.stderr.write(line + '\n')
): Logger {
  const emit = (level: LogLevel, message: string, context?: Record<string, unknown>): void => {
    if (order[level] < (order[minLevel] ?? 20)) return
    const tail = context ? ' ' + JSON.stringify(scrub(context)) : ''
    write(
      `${new Date().toISOString()} ${level.padEnd(5)} [${scope}] ${scrub(message) as string}${tail}`
    )
  }
  return {
    debug: (m, c) => emit('debug', m, c),
    info: (m, c) => emit('info', m, c),
    warn: (m, c) => emit('warn', m, c),
    error: (m, c) => emit('error', m, c),
    child: (s) => createLogger(`${scope}:${s}`, minLevel, write)
  }
}

/** For tests: a logger that keeps its lines. */
export function memoryLogger(): Logger & { lines: string[] } {
  const lines: string[] = []
  return Object.assign(
    createLogger('test', 'debug', (l) => lines.push(l)),
    { lines }
  )
}
