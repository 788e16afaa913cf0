import { QueryClientProvider, type QueryClient } from '@tanstack/react-query'
import { useLayoutEffect, useState, type ReactNode } from 'react'
import { subscribeEvents } from './invalidations'
import { createQueryClient } from './query-client'

/**
 * The app's one query cache, with the event table subscribed for as long as the app runs.
 * A layout effect, so the table listens before any query's first fetch (those start in
 * passive effects) and no event can fall between a first answer and the subscription.
 */
export function DataProvider({ client, children }: { client?: QueryClient; children: ReactNode }) {
  const [queryClient] = useState(() => client ?? createQueryClient())
  useLayoutEffect(() => subscribeEvents(queryClient), [queryClient])
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
}
