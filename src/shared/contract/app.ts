import { z } from 'zod'
import { event, request } from './define'
import { settingsPatchSchema, settingsSchema } from './settings'

export const none = z.object({}).strict()

export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  platform: z.string(),
  cpuCount: z.number().int().positive(),
  /** 'electron' or 'headless': shown in About, never used to branch UI behaviour. */
  runtime: z.enum(['electron', 'headless'])
})
export type AppInfo = z.infer<typeof appInfoSchema>

export const backgroundTaskSchema = z.object({
  id: z.string(),
  kind: z.enum(['weather', 'import', 'benchmark', 'download']),
  label: z.string(),
  /** 0..1, or null when the amount of work is not known yet. */
  progress: z.number().min(0).max(1).nullable(),
  detail: z.string().optional()
})
export type BackgroundTask = z.infer<typeof backgroundTaskSchema>

export const statusSchema = z.object({ tasks: z.array(backgroundTaskSchema) })
export type Status = z.infer<typeof statusSchema>

export const appRequests = {
  'app:info': request(none, appInfoSchema),
  'app:status': request(none, statusSchema),
  'settings:get': request(none, settingsSchema),
  'settings:update': request(settingsPatchSchema, settingsSchema),
  'shell:open-external': request(
    z.object({ url: z.url({ protocol: /^https$/ }) }).strict(),
    z.object({ opened: z.boolean() })
  )
}

export const appEvents = {
  'status:changed': event(statusSchema),
  'settings:changed': event(settingsSchema)
}
