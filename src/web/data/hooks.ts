// The data layer (ADR 0016): every server read is a TanStack query keyed by its endpoint's URL and
// input, every write a mutation that invalidates the reads it changes. Reads are cancelled when
// the page no longer needs them (the signal reaches fetch) and retried once on network or server
// errors, never on a 4xx; writes are never retried.
import { keepPreviousData, QueryClient, useMutation, useQuery, useQueryClient, type QueryKey } from '@tanstack/react-query';
import type { Endpoint, Reply } from '../../common/api/contract';
import { ApiError } from '../api';
import { callApi, type CallInput } from './client';

export function newQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: (failures, err) => failures < 1 && !(err instanceof ApiError && err.status >= 400 && err.status < 500),
        refetchOnWindowFocus: false,
        staleTime: 15_000,
      },
      mutations: { retry: false },
    },
  });
}

/** The cache key of an endpoint's answers: its URL first, so all of them can be invalidated at once. */
export function apiKey<E extends Endpoint>(e: E, input?: CallInput<E>): QueryKey {
  return input ? [e.url, input.params ?? null, input.query ?? null] : [e.url];
}

export function useApiQuery<E extends Endpoint>(
  e: E,
  input: CallInput<E>,
  opts: { enabled?: boolean; keepPrevious?: boolean } = {},
) {
  return useQuery<Reply<E>, ApiError>({
    queryKey: apiKey(e, input),
    queryFn: ({ signal }) => callApi(e, input, signal),
    enabled: opts.enabled,
    // Lists keep showing the previous page while the next one loads.
    placeholderData: opts.keepPrevious ? keepPreviousData : undefined,
  });
}

/** A write; on success every read of the endpoints in `invalidates` is fetched again. */
export function useApiMutation<E extends Endpoint>(e: E, opts: { invalidates?: Endpoint[] } = {}) {
  const client = useQueryClient();
  return useMutation<Reply<E>, ApiError, CallInput<E>>({
    mutationFn: (input) => callApi(e, input),
    onSuccess: async () => {
      await Promise.all((opts.invalidates ?? []).map((x) => client.invalidateQueries({ queryKey: apiKey(x) })));
    },
  });
}
