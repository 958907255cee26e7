import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { getAccountRequest } from '../../../common/api/citizen-accounts';
import type { Reply } from '../../../common/api/contract';
import { apiKey } from '../../data/hooks';

/** Puts a request as the server just answered it in the cache, so the page shows it at once. */
export function useKeepDetail() {
  const client = useQueryClient();
  return useCallback((d: Reply<typeof getAccountRequest>) => client.setQueryData(apiKey(getAccountRequest, { params: { id: d.id } }), d), [client]);
}
