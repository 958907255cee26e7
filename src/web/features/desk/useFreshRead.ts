// A read asked for by the officer (a search button, a choice in a picker) whose answer the flow is
// then built on: fetched through the query cache, always afresh (an account may have been created
// a moment ago), with the data layer's retry rules.
import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { Endpoint, Reply } from '../../../common/api/contract';
import { callApi, type CallInput } from '../../data/client';
import { apiKey } from '../../data/hooks';

export function useFreshRead<E extends Endpoint>(e: E): (input: CallInput<E>) => Promise<Reply<E>> {
  const client = useQueryClient();
  return useCallback(
    (input: CallInput<E>) => client.fetchQuery({ queryKey: apiKey(e, input), queryFn: ({ signal }) => callApi(e, input, signal), staleTime: 0 }),
    [client, e],
  );
}
