import type { z } from 'zod'
import { activityEvents, activityRequests } from './activity'
import { appEvents, appRequests } from './app'
import { benchEvents, benchRequests } from './bench'
import type { Envelope } from './errors'
import { libraryEvents, libraryRequests } from './library'
import { libraryDuplicateRequests } from './library-duplicates'
import { photoWeatherEvents, photoWeatherRequests } from './photo-weather'
import { weatherEvents, weatherRequests } from './weather'

/** Every request the renderer can make, `domain:verb` → params and result schemas. */
export const requests = {
  ...appRequests,
  ...weatherRequests,
  ...libraryRequests,
  ...libraryDuplicateRequests,
  ...photoWeatherRequests,
  ...activityRequests,
  ...benchRequests
} as const

/** Every event main pushes to the renderer. */
export const events = {
  ...appEvents,
  ...weatherEvents,
  ...libraryEvents,
  ...photoWeatherEvents,
  ...activityEvents,
  ...benchEvents
} as const

export type Requests = typeof requests
/** Each domain's channels, derived from its map: never typed out by hand. */
export type AppChannel = keyof typeof appRequests
export type WeatherChannel = keyof typeof weatherRequests
export type LibraryChannel = keyof typeof libraryRequests | keyof typeof libraryDuplicateRequests
export type PhotoWeatherChannel = keyof typeof photoWeatherRequests
export type ActivityChannel = keyof typeof activityRequests
export type BenchChannel = keyof typeof benchRequests
export type Channel = keyof Requests
export type Params<C extends Channel> = z.input<Requests[C]['params']>
export type ParsedParams<C extends Channel> = z.output<Requests[C]['params']>
export type Result<C extends Channel> = z.output<Requests[C]['result']>

export type Events = typeof events
export type EventName = keyof Events
export type EventPayload<E extends EventName> = z.output<Events[E]['payload']>

export const channels = Object.keys(requests) as Channel[]
export const eventNames = Object.keys(events) as EventName[]

export const isChannel = (value: unknown): value is Channel =>
  typeof value === 'string' && Object.prototype.hasOwnProperty.call(requests, value)
export const isEventName = (value: unknown): value is EventName =>
  typeof value === 'string' && Object.prototype.hasOwnProperty.call(events, value)

/** What the preload (or the headless host's bridge) puts on `window.api`. */
export interface SkyfolioApi {
  invoke<C extends Channel>(channel: C, params: Params<C>): Promise<Envelope<Result<C>>>
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void
  /** Desktop only: the file-system path of a file dropped or pasted into the window. */
  pathForFile?(file: Blob): string
}

export * from './errors'
export * from './app'
export * from './settings'
export * from './activity'
export * from './bench'
export * from './weather'
export * from './library'
export * from './library-duplicates'
export * from './photo-weather'
