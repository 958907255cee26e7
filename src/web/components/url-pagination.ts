// Lists whose page and page size live in the address (?page=&pageSize=), so a reload or a shared
// link shows the same page: the current values and the antd Table pagination that changes them.
import type { TablePaginationConfig } from 'antd';
import { useMemo } from 'react';
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

/**
 * The list-page pattern (ADR 0016): a list's filters, page and page size all live in the address,
 * so a reload, the back button or a shared link shows the same list. `apply` sets the filters (and
 * goes back to page 1), `reset` clears them; `pagination(total)` drives the antd Table.
 */
export function useUrlList<K extends string>(keys: readonly K[], defaultPageSize = 20) {
  const { params, setParams, page, pageSize, pagination } = useUrlPagination(defaultPageSize);
  const filters = useMemo(
    () => Object.fromEntries(keys.map((k) => [k, params.get(k) ?? undefined])) as Partial<Record<K, string>>,
    // `keys` is a constant of the page.
    [params],
  );
  const apply = (next: Partial<Record<K, string | undefined>>) => {
    const kept: Record<string, string> = {};
    for (const k of keys) {
      const v = next[k]?.trim();
      if (v) kept[k] = v;
    }
    setParams({ ...kept, page: '1', pageSize: String(pageSize) });
  };
  const reset = () => setParams({});
  return { filters, page, pageSize, apply, reset, pagination };
}
