// "Cơ quan tiếp nhận": the procedure's receiving agencies, searched on the server (no accents
// needed) 250 ms after the last key.
import { Select, Spin } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { listProcedureAgencies } from '../../../common/api/dossiers';
import { useApiQuery } from '../../data/hooks';

export type AgencyValue = { value: string; label: string };

export function AgencySelect({ code, id, value, onChange }: { code: string; id?: string; value?: AgencyValue; onChange?: (v: AgencyValue | undefined) => void }) {
  const [q, setQ] = useState('');
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);
  // The previous answer stays listed while the next search runs; a failed search lists nothing.
  const { data, isFetching } = useApiQuery(listProcedureAgencies, { params: { code }, query: { q } }, { keepPrevious: true });
  const shown = useMemo(() => {
    const all = (data ?? []).map((a) => ({ value: a.id, label: a.name }));
    if (value && !all.some((o) => o.value === value.value)) all.unshift({ value: value.value, label: value.label });
    return all;
  }, [data, value]);
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
