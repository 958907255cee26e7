// Searching units by Mã định danh or name (accents optional), ten hits a page; no search, no
// results. The text and the page live in the address (?q=&page=), so a reload or a shared link
// shows the same hits, and an address past the last page shows the last page (useKeepPageInRange).
import { searchAgencies } from '../../../common/api/agencies';
import { useKeepPageInRange, useUrlList } from '../../components/url-pagination';
import { useApiQuery } from '../../data/hooks';

const FILTERS = ['q'] as const;
const PAGE_SIZE = 10;

export function useAgencySearch(includeInactive: boolean) {
  const list = useUrlList(FILTERS, PAGE_SIZE);
  const q = list.filters.q ?? '';
  const searching = q.trim() !== '';
  const { data, error, isPlaceholderData } = useApiQuery(
    searchAgencies,
    { query: { q, page: list.page, pageSize: PAGE_SIZE, includeInactive: includeInactive || undefined } },
    { enabled: searching, keepPrevious: true },
  );
  useKeepPageInRange({ page: list.page, pageSize: PAGE_SIZE, replacePage: list.replacePage }, searching ? data : undefined, !isPlaceholderData);
  return {
    q,
    page: list.page,
    results: searching ? (data ?? null) : null,
    error: searching ? error : null,
    /** Searches (an empty text closes the results). */
    run: (text: string, page: number) => (page === 1 ? list.apply({ q: text }) : list.pagination(0).onChange?.(page, PAGE_SIZE)),
    close: () => list.reset(),
  };
}

export type AgencySearchState = ReturnType<typeof useAgencySearch>;
