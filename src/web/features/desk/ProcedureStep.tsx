// Step 2 of desk reception: the procedure (searched in the catalogue) and the receiving agency.
// Choosing a procedure reads its prefilled e-form for the citizen and the agencies of the officer.
import { Alert, Button, Card, Form, Select, Space, Spin } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { deskStartFiling } from '../../../common/api/dossiers-desk';
import { listProcedures } from '../../../common/api/procedures';
import { ApiError, errorMessage } from '../../api';
import { useApiQuery } from '../../data/hooks';
import type { DeskStart } from './desk-types';
import { ProcedureFacts } from './ProcedureFacts';
import { useFreshRead } from './useFreshRead';

export function ProcedureStep(props: {
  citizenId: string;
  start: DeskStart | null;
  onStart: (s: DeskStart | null) => void;
  agencyId?: string;
  onAgency: (id: string | undefined) => void;
  onBack: () => void;
  onNext: () => void;
}) {
  const { start } = props;
  const [q, setQ] = useState('');
  const found = useApiQuery(listProcedures, { query: { q, pageSize: 20 } }, { keepPrevious: true });
  // A failed search offers nothing rather than an error inside the picker.
  const options = useMemo(() => found.data?.items ?? [], [found.data]);
  const searching = found.isFetching;
  const startFiling = useFreshRead(deskStartFiling);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [code, setCode] = useState<string | undefined>(start?.procedure.code);
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);

  const pick = async (c: string | undefined) => {
    setCode(c);
    setError(null);
    props.onStart(null);
    if (!c) return;
    setLoading(true);
    try {
      props.onStart(await startFiling({ params: { code: c }, query: { citizenId: props.citizenId } }));
    } catch (e) {
      setError(
        e instanceof ApiError && e.code === 'PROCEDURE_NOT_ONLINE'
          ? 'Thủ tục này chưa có biểu mẫu điện tử nên chưa tiếp nhận được trên hệ thống.'
          : errorMessage(e),
      );
    } finally {
      setLoading(false);
    }
  };

  const shown = useMemo(() => {
    const all = options.map((p) => ({ value: p.code, label: `${p.code} – ${p.name}` }));
    if (start && !all.some((o) => o.value === start.procedure.code)) all.unshift({ value: start.procedure.code, label: `${start.procedure.code} – ${start.procedure.name}` });
    return all;
  }, [options, start]);

  const noAgency = start && start.agencies.length === 0;
  return (
    <Card size="small" title="Chọn thủ tục hành chính">
      <Form name="desk-procedure-step" layout="vertical" style={{ maxWidth: 720 }}>
        <Form.Item label="Thủ tục hành chính" htmlFor="desk-procedure" required>
          <Select
            id="desk-procedure"
            value={code}
            onChange={(v) => void pick(v)}
            showSearch={{
              filterOption: false,
              onSearch: (q) => {
                window.clearTimeout(timer.current);
                timer.current = window.setTimeout(() => setQ(q), 250);
              },
            }}
            allowClear
            loading={searching || loading}
            virtual={false}
            placeholder="Gõ tên hoặc mã thủ tục để tìm (không cần dấu), ví dụ: khai sinh"
            options={shown}
            notFoundContent={searching ? <Spin size="small" /> : 'Không có thủ tục phù hợp'}
          />
        </Form.Item>
        {error && <Alert role="alert" type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        {loading && <Spin />}
        {start && (
          <>
            <Form.Item label="Cơ quan tiếp nhận" htmlFor="desk-agency" required>
              <Select
                id="desk-agency"
                value={props.agencyId}
                onChange={props.onAgency}
                virtual={false}
                disabled={!!noAgency}
                placeholder="Chọn cơ quan tiếp nhận hồ sơ"
                options={start.agencies.map((a) => ({ value: a.id, label: a.name }))}
              />
            </Form.Item>
            {noAgency && (
              <Alert role="alert" type="error" showIcon title="Đơn vị của bạn không tiếp nhận hồ sơ của thủ tục này." style={{ marginBottom: 16 }} />
            )}
            <ProcedureFacts procedure={start.procedure} />
          </>
        )}
        <Space>
          <Button onClick={props.onBack}>Quay lại</Button>
          <Button type="primary" disabled={!start || !props.agencyId} onClick={props.onNext}>
            Tiếp tục
          </Button>
        </Space>
      </Form>
    </Card>
  );
}
