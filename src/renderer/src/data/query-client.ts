import { QueryClient } from '@tanstack/react-query'

/**
 * Defaults for a window talking to a core on the same machine. Main answers in milliseconds
 * and pushes every change as an event (see invalidations.ts), so:
 * - no retries: a failure is an answer (bad params, not found, the core is down), shown as is;
 * - no refetch on focus or reconnect: focus changes nothing in main, and the core is local;
 * - `networkMode: 'always'`: the browser's offline flag says nothing about the core, and the
 *   weather desk must keep showing stored reports offline;
 * - stale at once (staleTime 0): a view that mounts shows what is cached and reads it again,
 *   in case an event went by while nothing watched (the headless host's socket reconnects).
 *   While a view is mounted, events keep it current.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: false,
        refetchOnWindowFocus: false,
        refetchOnReconnect: false,
        networkMode: 'always',
        staleTime: 0
      },
      mutations: { retry: false, networkMode: 'always' }
    }
  })
}
