// Types for browser-version.mjs, for the unit tests.
type Env = Record<string, string | undefined>

export declare function openBrowser(
  url: string,
  options: { platform?: string; env?: Env; log: (line: string) => void }
): Promise<boolean>
export declare function startHost(options: {
  command: string
  args: string[]
  env?: Env
  onUrl: (url: string) => void
  log: (line: string) => void
}): { exited: Promise<number>; stop: (signal?: NodeJS.Signals) => void }
