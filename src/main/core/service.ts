import type { Channel } from '@shared/contract'
import type { AppConfig } from './config'
import type { DesktopBridge } from '../platform/desktop'
import type { EventBus } from '../platform/ipc/event-bus'
import type { Handlers } from '../platform/ipc/router'
import type { Logger } from '../platform/log'
import type { ActivityContribution } from '../activity/activity-service'
import type { NetworkTracker } from '../platform/metrics/network-tracker'
import type { AppPaths } from '../platform/paths'
import type { ProcessLauncher } from '../platform/process/launcher'
import type { Db } from '../platform/store/database'
import type { SettingsRepository } from '../platform/store/settings-repository'
import type { TaskTracker } from '../platform/tasks/task-tracker'
import type { PathGrants } from '../security/path-grants'

/** What every domain service is given by the composition root. */
export interface ServiceContext {
  readonly db: Db
  readonly bus: EventBus
  readonly tasks: TaskTracker
  readonly settings: SettingsRepository
  readonly log: Logger
  readonly paths: AppPaths
  readonly launcher: ProcessLauncher
  readonly workerEntry: (name: string) => string
  readonly desktop: DesktopBridge
  /** The paths a request may name: what the user chose (desktop), or anything (headless). */
  readonly grants: PathGrants
  readonly fetch: typeof fetch
  /** Network requests in flight, for the Activity view: wrap each outgoing request. */
  readonly network: NetworkTracker
  readonly now: () => number
  readonly config: AppConfig
}

/** A domain: its request handlers, and what it starts and stops. */
export interface Service<C extends Channel> {
  readonly handlers: Handlers<C>
  /** Folders served read-only to the renderer under /media/<name>/. */
  readonly mediaRoots?: Readonly<Record<string, string>>
  /** Its share of the live Activity picture (worker pool, worker pids). */
  activity?(): ActivityContribution
  /** Called once the core is wired (timers, resuming queued work). */
  start?(): void
  /** Cancels in-flight work and ends worker processes; awaited at quit. */
  close(): Promise<void>
}
