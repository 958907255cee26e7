// The one unit picker of the back office: a searchable select of units (by Mã định danh or name,
// accents optional), used by every filter and form that asks for a unit. What it offers depends on
// `source`; the units already chosen keep their labels whatever is searched next. Every unit is
// shown with its path in the tree (tỉnh › xã) and its Mã định danh, so that two units of the same
// name — "UBND phường Nghĩa Lộ" of Lào Cai and of Quảng Ngãi — can be told apart (issue 15): the
// agency search answers with paths; for the other sources they are asked of listUnitPaths.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Select, Spin } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { listAgencyOptions } from '../../common/api/admin-users';
import { listUnitPaths, searchAgencies } from '../../common/api/agencies';
import { listScopeUnits } from '../../common/api/reports';
import { callApi } from '../data/client';

export interface UnitOption {
  id: string;
  code: string;
  name: string;
  status?: string;
  /** The units above it, from the top of the tree (tỉnh, xã, …). */
  path?: { id: string; name: string }[];
}

/** "UBND tỉnh Lào Cai › UBND phường Nghĩa Lộ": the unit's place in the tree, itself last. */
export function unitPathText(o: Pick<UnitOption, 'name' | 'path'>): string {
  return [...(o.path ?? []).map((p) => p.name), o.name].join(' › ');
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

  // The paths of the units the source answered without one (one request per answer).
  const missing = useMemo(() => (data ?? []).filter((o) => !o.path).slice(0, 100).map((o) => o.id), [data]);
  const { data: paths } = useQuery({
    queryKey: [listUnitPaths.url, 'unit-picker', missing.join(',')],
    queryFn: ({ signal }) => callApi(listUnitPaths, { query: { ids: missing.join(',') } }, signal),
    enabled: missing.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });

  const [known, setKnown] = useState<Map<string, UnitOption>>(() => new Map((props.initial ?? []).map((o) => [o.id, o])));
  useEffect(() => {
    if (!data?.length) return;
    const pathOf = new Map((paths?.items ?? []).map((p) => [p.id, p.path]));
    setKnown((prev) => new Map([...prev, ...data.map((o) => [o.id, { ...prev.get(o.id), ...o, path: o.path ?? pathOf.get(o.id) ?? prev.get(o.id)?.path }] as const)]));
  }, [data, paths]);

  const options = useMemo(() => {
    const chosen = ([] as string[])
      .concat(props.value ?? [])
      .map((id) => known.get(id))
      .filter((o): o is UnitOption => !!o);
    const found = (data ?? []).filter((o) => !exclude?.includes(o.id)).map((o) => known.get(o.id) ?? o);
    const all = new Map([...chosen, ...found].map((o) => [o.id, o]));
    return [...all.values()].map((o) => {
      const inactive = o.status === 'inactive' ? ' (ngừng hoạt động)' : '';
      return {
        value: o.id,
        // What the field shows once chosen (and its tooltip): the path, then the code.
        label: `${unitPathText(o)} · ${o.code}${inactive}`,
        unit: o,
        inactive,
      };
    });
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
      // In the list: the unit's name, and under it its Mã định danh and where it sits in the tree.
      optionRender={(o) => {
        const { unit, inactive } = o.data as (typeof options)[number];
        return (
          <div style={{ whiteSpace: 'normal', lineHeight: 1.35, padding: '2px 0' }}>
            <div>
              {unit.name}
              {inactive}
            </div>
            <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.65)' }}>
              <span style={{ fontFamily: 'monospace' }}>{unit.code}</span>
              {unit.path && unit.path.length > 0 && <> · {unit.path.map((p) => p.name).join(' › ')}</>}
            </div>
          </div>
        );
      }}
      notFoundContent={isFetching ? <Spin size="small" /> : source === 'active' && !q.trim() ? 'Nhập để tìm đơn vị' : 'Không có đơn vị phù hợp'}
      style={{ width: '100%' }}
    />
  );
}
