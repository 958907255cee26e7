// Searching units by Mã định danh or name (accents optional), ten hits a page; no search, no results.
import { useState } from 'react';
import { searchAgencies } from '../../../common/api/agencies';
import { useApiQuery } from '../../data/hooks';

export function useAgencySearch(includeInactive: boolean) {
  const [search, setSearch] = useState<{ q: string; page: number } | null>(null);
  const { data, error } = useApiQuery(
    searchAgencies,
    { query: { q: search?.q ?? '', page: search?.page ?? 1, pageSize: 10, includeInactive: includeInactive || undefined } },
    { enabled: search !== null, keepPrevious: true },
  );
  return {
    q: search?.q ?? '',
    page: search?.page ?? 1,
    results: search ? (data ?? null) : null,
    error: search ? error : null,
    /** Searches (an empty text closes the results). */
    run: (q: string, page: number) => setSearch(q.trim() ? { q, page } : null),
    close: () => setSearch(null),
  };
}

export type AgencySearchState = ReturnType<typeof useAgencySearch>;
