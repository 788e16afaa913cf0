// Types for start-plan.mjs, for the unit tests.
type Env = Record<string, string | undefined>

export declare function hasDisplay(platform: string, env: Env): boolean
export type StartPlan =
  { kind: 'electron'; binary: string } | { kind: 'fetch' } | { kind: 'browser'; reason: string }
export declare function startPlan(input: {
  binary: string | null
  platform: string
  env: Env
}): StartPlan
export declare function browserReasonLine(reason: string): string
export declare function fetchFailedReason(reason: string): string
export type BrowserOpener =
  { command: string; args: string[]; verbatim?: boolean } | { command: null; reason: string }
export declare function browserOpener(platform: string, env: Env, url: string): BrowserOpener
export declare function hostUrlFrom(text: string): string | null
