// What a citizen's write on a dossier changes, and marking a read stale without fetching it now.
import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { Endpoint } from '../../../common/api/contract';
import { getMyDossier, listMyDossiers } from '../../../common/api/dossiers';
import { apiKey } from '../../data/hooks';

/** Submitting, supplementing, withdrawing, paying or rating changes the dossier and "Hồ sơ của tôi". */
export const CITIZEN_DOSSIER_READS = [listMyDossiers, getMyDossier];

/**
 * Marks every read of an endpoint stale without reading it again now: the page on screen holds
 * newer values than the server's answer would (an autosaved draft), and the next visit reads afresh.
 */
export function useMarkStale() {
  const client = useQueryClient();
  return useCallback((e: Endpoint) => void client.invalidateQueries({ queryKey: apiKey(e), refetchType: 'none' }), [client]);
}
