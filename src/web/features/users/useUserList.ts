// The officers' list of "Quản lý người dùng" (ADR 0016 list pattern): the filters, page and page
// size live in the address (same parameter names as before, so links keep working), the list is a
// query keyed by them.
import { exportUsers, listUsers } from '../../../common/api/admin-users';
import type { QueryOf, Reply } from '../../../common/api/contract';
import { query } from '../../api';
import { useKeepPageInRange, useUrlList } from '../../components/url-pagination';
import { useApiQuery } from '../../data/hooks';

export type AdminUser = Reply<typeof listUsers>['items'][number];
type ListQuery = QueryOf<typeof listUsers>;

export const USER_FILTERS = ['name', 'phone', 'idNumber', 'status', 'agencyId', 'otherAgencyId', 'unassigned'] as const;
export type UserFilterValues = Partial<Record<(typeof USER_FILTERS)[number], string>>;

export function useUserList() {
  const list = useUrlList(USER_FILTERS);
  const { filters, page, pageSize, apply, pagination } = list;
  // The filters as the address has them (a wrong status is sent as written: the server says so);
  // "Không được gán cơ quan" only when ticked.
  const q: ListQuery = {
    ...filters,
    status: filters.status as ListQuery['status'],
    unassigned: filters.unassigned === 'true' ? true : undefined,
    page,
    pageSize,
  };
  const { data, error, isFetching, isPlaceholderData } = useApiQuery(listUsers, { query: q }, { keepPrevious: true });
  // A page beyond the last (?page=999): the server answers the last page, the address follows.
  useKeepPageInRange(list, data, !isPlaceholderData);
  // "XUẤT EXCEL": the same filters, as a plain download link.
  const exportHref = `${exportUsers.url}${query(filters)}`;
  return { filters, page, pageSize, apply, pagination, data, error, isFetching, exportHref };
}
