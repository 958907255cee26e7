// The dossier as the officers see it, with its processing (GET /api/desk/dossiers/:id). Keyed like
// every read of the data layer (so the writes that name getDeskDossier refresh it), but read afresh
// on every visit: the citizen (a supplement) and other officers change a dossier while it is
// cached, and the officer decides on what the page shows.
import { useQuery } from '@tanstack/react-query';
import type { Reply } from '../../../common/api/contract';
import { getDeskDossier } from '../../../common/api/dossiers-desk';
import type { ApiError } from '../../api';
import { callApi } from '../../data/client';
import { apiKey } from '../../data/hooks';

export type OfficerDossierDetail = Reply<typeof getDeskDossier>;

export function useDeskDossier(id: string) {
  const input = { params: { id } };
  return useQuery<OfficerDossierDetail, ApiError>({
    queryKey: apiKey(getDeskDossier, input),
    queryFn: ({ signal }) => callApi(getDeskDossier, input, signal),
    enabled: !!id,
    refetchOnMount: 'always',
  });
}
