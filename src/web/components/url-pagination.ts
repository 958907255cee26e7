// Lists whose page and page size live in the address (?page=&pageSize=), so a reload or a shared
// link shows the same page: the current values and the antd Table pagination that changes them.
import type { TablePaginationConfig } from 'antd';
import { useSearchParams } from 'react-router';

export function useUrlPagination(defaultPageSize = 20) {
  const [params, setParams] = useSearchParams();
  const page = Number(params.get('page') ?? 1);
  const pageSize = Number(params.get('pageSize') ?? defaultPageSize);
  const pagination = (total: number): TablePaginationConfig => ({
    current: page,
    pageSize,
    total,
    showSizeChanger: true,
    pageSizeOptions: [10, 20, 50, 100],
    onChange: (p, s) =>
      setParams((prev) => {
        const next = new URLSearchParams(prev);
        next.set('page', String(p));
        next.set('pageSize', String(s));
        return next;
      }),
  });
  return { params, setParams, page, pageSize, pagination };
}
