import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { getDeskDossier } from '../../../common/api/dossiers-desk';
import { apiKey } from '../../data/hooks';

/** Reads a dossier again after a decision failed (another officer may have acted on it first). */
export function useDossierRefresh() {
  const client = useQueryClient();
  return useCallback((id: string) => void client.invalidateQueries({ queryKey: apiKey(getDeskDossier, { params: { id } }) }), [client]);
}
