// Lists whose page and page size live in the address (?page=&pageSize=), so a reload or a shared
// link shows the same page: the current values and the antd Table pagination that changes them.
import type { TablePaginationConfig } from 'antd';
import { useEffect, useMemo } from 'react';
import { useSearchParams } from 'react-router';

/** The largest page size every list's contract takes (PageQuery). */
const MAX_PAGE_SIZE = 100;

/** A whole number from 1 to `max` as the address wrote it, else undefined ("abc", "-2", "1.5", ""). */
function wholeNumber(raw: string | null, max = Number.MAX_SAFE_INTEGER): number | undefined {
  if (raw === null || !/^\d+$/.test(raw.trim())) return undefined;
  const n = Number(raw);
  return n >= 1 && n <= max ? n : undefined;
}

export function useUrlPagination(defaultPageSize = 20) {
  const [params, setParams] = useSearchParams();
  const rawPage = params.get('page');
  const rawSize = params.get('pageSize');
  // A page that is not one (?page=abc, ?page=-3) shows page 1 and a wrong size the default, and
  // the address is corrected to say so (replacing its history entry), instead of asking the server
  // for "page NaN" and showing its refusal.
  const page = wholeNumber(rawPage) ?? 1;
  const pageSize = wholeNumber(rawSize, MAX_PAGE_SIZE) ?? defaultPageSize;
  const badPage = rawPage !== null && wholeNumber(rawPage) === undefined;
  const badSize = rawSize !== null && wholeNumber(rawSize, MAX_PAGE_SIZE) === undefined;
  useEffect(() => {
    if (!badPage && !badSize) return;
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (badPage) next.set('page', '1');
        if (badSize) next.set('pageSize', String(defaultPageSize));
        return next;
      },
      { replace: true },
    );
  }, [badPage, badSize, defaultPageSize, setParams]);

  /** Moves to another page without a new history entry (a correction, not a step the user took). */
  const replacePage = (p: number) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        next.set('page', String(p));
        return next;
      },
      { replace: true },
    );
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
  return { params, setParams, page, pageSize, pagination, replacePage };
}

/**
 * Keeps a list's address on a page that exists. When the answer for the current address shows that
 * the page asked for lies beyond the last one (?page=999 typed, an old link, rows removed since),
 * the address moves to the last page, replacing its history entry: to the page the API answered
 * instead, if it does so (`answer.page`), else to the last page its total gives (an API that
 * answers the empty page). Then the rows, the pager and the address agree, never "Tìm thấy 25 kết
 * quả" over an empty table. `current` is false while the rows on screen are still those of the
 * previous address (kept while the next page loads): they say nothing about this one.
 */
export function useKeepPageInRange(
  list: { page: number; pageSize: number; replacePage: (p: number) => void },
  answer: { items: readonly unknown[]; total: number; page?: number } | undefined,
  current: boolean,
) {
  let target: number | null = null;
  if (answer && current) {
    if (answer.page !== undefined && answer.page !== list.page) target = answer.page;
    else if (answer.items.length === 0 && answer.total > 0 && list.page > 1) target = Math.max(1, Math.ceil(answer.total / list.pageSize));
  }
  const { replacePage } = list;
  useEffect(() => {
    if (target !== null) replacePage(target);
    // Only a new target moves the address (replacePage is a new function every render).
  }, [target]);
}

/**
 * The list-page pattern (ADR 0016): a list's filters, page and page size all live in the address,
 * so a reload, the back button or a shared link shows the same list. `apply` sets the filters (and
 * goes back to page 1), `reset` clears them; `pagination(total)` drives the antd Table.
 */
export function useUrlList<K extends string>(keys: readonly K[], defaultPageSize = 20) {
  const { params, setParams, page, pageSize, pagination, replacePage } = useUrlPagination(defaultPageSize);
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
  return { filters, page, pageSize, apply, reset, pagination, replacePage };
}
