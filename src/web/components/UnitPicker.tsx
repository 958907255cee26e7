// The one unit picker of the back office: a searchable select of units (by Mã định danh or name,
// accents optional), used by every filter and form that asks for a unit. What it offers depends on
// `source`; the units already chosen keep their labels whatever is searched next.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Select, Spin } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { listAgencyOptions } from '../../common/api/admin-users';
import { searchAgencies } from '../../common/api/agencies';
import { listScopeUnits } from '../../common/api/reports';
import { callApi } from '../data/client';

export interface UnitOption {
  id: string;
  code: string;
  name: string;
  status?: string;
}

/**
 * - `scope`: every unit in the administrator's scope, merged and inactive ones too (report and
 *   audit filters);
 * - `state` / `other`: state agencies, or banks, payment intermediaries and other bodies (officers'
 *   units);
 * - `active`: active units found by a typed search (the agency tree's move, merge and succession).
 */
export type UnitSource = 'scope' | 'state' | 'other' | 'active';

const SEARCH: Record<UnitSource, { url: string; run: (q: string, signal: AbortSignal) => Promise<UnitOption[]> }> = {
  scope: { url: listScopeUnits.url, run: (q, signal) => callApi(listScopeUnits, { query: { q } }, signal) },
  state: { url: listAgencyOptions.url, run: (q, signal) => callApi(listAgencyOptions, { query: { q, group: 'state' } }, signal) },
  other: { url: listAgencyOptions.url, run: (q, signal) => callApi(listAgencyOptions, { query: { q, group: 'other' } }, signal) },
  active: {
    url: searchAgencies.url,
    run: async (q, signal) => (q.trim() ? (await callApi(searchAgencies, { query: { q, pageSize: 20 } }, signal)).items : []),
  },
};

const PLACEHOLDER: Record<UnitSource, string> = {
  scope: 'Tất cả đơn vị trong phạm vi quản lý',
  state: 'Nhập mã định danh hoặc tên đơn vị',
  other: 'Nhập mã định danh hoặc tên đơn vị',
  active: 'Nhập Mã định danh hoặc tên đơn vị để tìm',
};

export function UnitPicker<M extends 'multiple' | undefined = undefined>(props: {
  source: UnitSource;
  id?: string;
  mode?: M;
  value?: M extends 'multiple' ? string[] : string;
  onChange?: (v: (M extends 'multiple' ? string[] : string) | undefined) => void;
  /** Units never offered (the unit itself, its current parent). */
  exclude?: string[];
  placeholder?: string;
  /** Units already known to the caller (the ones chosen before), so they show their names at once. */
  initial?: UnitOption[];
}) {
  const { source, exclude } = props;
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  // One request per pause in typing, not per key.
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => {
    timer.current = setTimeout(() => setQ(typed), 250);
    return () => clearTimeout(timer.current);
  }, [typed]);

  const { url, run } = SEARCH[source];
  const { data, isFetching } = useQuery({
    // Under the endpoint's URL, so a write that invalidates the endpoint refreshes the picker too.
    queryKey: [url, 'unit-picker', source, q],
    queryFn: ({ signal }) => run(q, signal),
    placeholderData: keepPreviousData,
  });

  const [known, setKnown] = useState<Map<string, UnitOption>>(() => new Map((props.initial ?? []).map((o) => [o.id, o])));
  useEffect(() => {
    if (data?.length) setKnown((prev) => new Map([...prev, ...data.map((o) => [o.id, o] as const)]));
  }, [data]);

  const options = useMemo(() => {
    const chosen = ([] as string[])
      .concat(props.value ?? [])
      .map((id) => known.get(id))
      .filter((o): o is UnitOption => !!o);
    const found = (data ?? []).filter((o) => !exclude?.includes(o.id));
    const all = new Map([...chosen, ...found].map((o) => [o.id, o]));
    return [...all.values()].map((o) => ({
      value: o.id,
      label: `${o.code} – ${o.name}${o.status === 'inactive' ? ' (ngừng hoạt động)' : ''}`,
    }));
  }, [data, known, props.value, exclude]);

  return (
    <Select
      id={props.id}
      mode={props.mode}
      value={props.value}
      onChange={(v) => props.onChange?.(v as (M extends 'multiple' ? string[] : string) | undefined)}
      showSearch={{ filterOption: false, onSearch: setTyped }}
      allowClear
      virtual={false}
      placeholder={props.placeholder ?? PLACEHOLDER[source]}
      options={options}
      notFoundContent={isFetching ? <Spin size="small" /> : source === 'active' && !q.trim() ? 'Nhập để tìm đơn vị' : 'Không có đơn vị phù hợp'}
      style={{ width: '100%' }}
    />
  );
}
