import { availableParallelism } from 'node:os'
import type { AppChannel, AppInfo } from '@shared/contract'
import type { DesktopBridge } from '../platform/desktop'
import type { EventBus } from '../platform/ipc/event-bus'
import type { Handlers } from '../platform/ipc/router'
import type { SettingsRepository } from '../platform/store/settings-repository'
import type { TaskTracker } from '../platform/tasks/task-tracker'

export interface AppServiceDeps {
  info: Omit<AppInfo, 'cpuCount' | 'platform'>
  settings: SettingsRepository
  tasks: TaskTracker
  bus: EventBus
  desktop: DesktopBridge
}

export function setupApp(deps: AppServiceDeps): Handlers<AppChannel> {
  return {
    'app:info': () => ({
      ...deps.info,
      platform: process.platform,
      cpuCount: availableParallelism()
    }),
    'app:status': () => deps.tasks.snapshot(),
    'settings:get': () => deps.settings.get(),
    'settings:update': (patch) => {
      const next = deps.settings.update(patch)
      deps.bus.emit('settings:changed', next)
      return next
    },
    'shell:open-external': async ({ url }) => ({ opened: await deps.desktop.openExternal(url) })
  }
}
