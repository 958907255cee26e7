// "Cơ quan tiếp nhận": the procedure's receiving agencies, searched on the server (no accents
// needed) 250 ms after the last key. Every line names the province beside the commune (two
// "UBND phường Nghĩa Lộ" exist), and two lines that would still read the same get their codes.
// Before anything is typed, the agencies of the citizen's own commune (from the address the form
// was prefilled with) come first.
import { Select, Spin } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Reply } from '../../../common/api/contract';
import { listProcedureAgencies } from '../../../common/api/dossiers';
import { useApiQuery } from '../../data/hooks';

export type AgencyValue = { value: string; label: string };
type Agency = Reply<typeof listProcedureAgencies>[number];

/** "…, phường Hoàn Kiếm, thành phố Hà Nội" → "phường Hoàn Kiếm" (the last commune-level part). */
export function communeOf(address: string | undefined): string | null {
  if (!address) return null;
  const parts = [...address.matchAll(/(?:^|,)\s*((?:phường|xã|đặc khu|thị trấn)\s+[^,]+)/giu)];
  return parts.at(-1)?.[1]?.trim() ?? null;
}

/** Labels that tell every line apart: name – province, and the code where those still repeat. */
function labelled(agencies: Agency[]): { value: string; label: string }[] {
  const base = (a: Agency) => (a.provinceName ? `${a.name} – ${a.provinceName}` : a.name);
  const seen = new Map<string, number>();
  for (const a of agencies) seen.set(base(a), (seen.get(base(a)) ?? 0) + 1);
  return agencies.map((a) => ({ value: a.id, label: seen.get(base(a))! > 1 ? `${base(a)} (mã ${a.code})` : base(a) }));
}

export function AgencySelect({
  code,
  id,
  value,
  onChange,
  residence,
}: {
  code: string;
  id?: string;
  value?: AgencyValue;
  onChange?: (v: AgencyValue | undefined) => void;
  /** The applicant's address as prefilled: its commune's agencies are suggested first. */
  residence?: string;
}) {
  const [q, setQ] = useState('');
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);
  // The previous answer stays listed while the next search runs; a failed search lists nothing.
  const { data, isFetching } = useApiQuery(listProcedureAgencies, { params: { code }, query: { q } }, { keepPrevious: true });
  const commune = communeOf(residence);
  const near = useApiQuery(listProcedureAgencies, { params: { code }, query: { q: commune ?? '' } }, { enabled: !!commune && !q });
  const shown = useMemo(() => {
    const suggested = !q && near.data?.length ? labelled(near.data) : [];
    const rest = labelled(data ?? []).filter((o) => !suggested.some((s) => s.value === o.value));
    const all = [...suggested, ...rest];
    const current = value && !all.some((o) => o.value === value.value) ? [{ value: value.value, label: value.label }] : [];
    if (!suggested.length) return [...current, ...rest];
    return [...current, { label: 'Theo nơi cư trú của bạn', title: 'Theo nơi cư trú của bạn', options: suggested }, { label: 'Các cơ quan khác', title: 'Các cơ quan khác', options: rest }];
  }, [data, near.data, q, value]);
  return (
    <Select
      id={id}
      labelInValue
      value={value}
      onChange={(v) => onChange?.(v ? { value: String(v.value), label: String(v.label) } : undefined)}
      showSearch={{
        filterOption: false,
        onSearch: (text) => {
          window.clearTimeout(timer.current);
          timer.current = window.setTimeout(() => setQ(text), 250);
        },
      }}
      loading={isFetching}
      virtual={false}
      placeholder="Gõ tên cơ quan để tìm (không cần dấu), ví dụ: UBND phường Cẩm Thành"
      options={shown}
      notFoundContent={isFetching ? <Spin size="small" /> : 'Không có cơ quan phù hợp'}
    />
  );
}
