import {
  useMutation,
  useQuery,
  useQueryClient,
  type UseMutationOptions,
  type UseMutationResult,
  type UseQueryOptions,
  type UseQueryResult
} from '@tanstack/react-query'
import type { Channel, Params, Result } from '@shared/contract'
import { call } from '../lib/api'
import { cacheWriterFor } from './cache-writer'
import { applyResult } from './invalidations'
import { queryKeyOf, type ApiQueryKey } from './keys'

export type ApiQueryOptions<C extends Channel, TData = Result<C>> = Omit<
  UseQueryOptions<Result<C>, Error, TData, ApiQueryKey<C>>,
  'queryKey' | 'queryFn'
>

/**
 * Reads a channel through the cache: keyed `[channel, params]`, fetched when first shown,
 * kept current by the event table (invalidations.ts). A failure is in `error` (an ApiError
 * with the contract's code, or the transport's Error); show it with `errorText()`.
 */
export function useApiQuery<C extends Channel, TData = Result<C>>(
  channel: C,
  params: Params<C>,
  options?: ApiQueryOptions<C, TData>
): UseQueryResult<TData, Error> {
  return useQuery({
    ...options,
    queryKey: queryKeyOf(channel, params),
    // The key is what is sent: two components asking the same thing share one request.
    queryFn: ({ queryKey: [c, p] }) => call(c, p)
  })
}

export type ApiMutationOptions<C extends Channel, TOnMutateResult = unknown> = Omit<
  UseMutationOptions<Result<C>, Error, Params<C>, TOnMutateResult>,
  'mutationFn'
>

/**
 * A request that changes something. Its answer goes through the result table
 * (invalidations.ts) before the caller's own onSuccess, so every caller updates the cache alike.
 */
export function useApiMutation<C extends Channel, TOnMutateResult = unknown>(
  channel: C,
  options?: ApiMutationOptions<C, TOnMutateResult>
): UseMutationResult<Result<C>, Error, Params<C>, TOnMutateResult> {
  const client = useQueryClient()
  return useMutation({
    mutationKey: [channel],
    ...options,
    mutationFn: (params) => call(channel, params),
    onSuccess: (result, params, ...rest) => {
      applyResult(channel, result, params, cacheWriterFor(client))
      return options?.onSuccess?.(result, params, ...rest)
    }
  })
}
