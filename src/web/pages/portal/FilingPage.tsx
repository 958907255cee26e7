// "Nộp hồ sơ trực tuyến" (issue 6): the procedure's e-form prefilled from the population database
// (verified values locked), the receiving agency, the papers (uploaded or taken from Kho dữ liệu),
// an autosaved draft, and submission with an idempotency key.
import { CheckCircleOutlined, LoadingOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Form, Select, Space, Spin, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link, Navigate, useLocation, useNavigate, useParams } from 'react-router';
import type { EForm, FormValues, ProvenanceMap } from '../../../common/eform';
import { api, ApiError, errorMessage, putOnUnload } from '../../api';
import { PapersEditor } from '../../components/dossier/CitizenPapers';
import type { Paper, ProcedureDocument } from '../../components/dossier/dossier-types';
import { formDataOf, missingPositions, processingText } from '../../components/dossier/dossier-utils';
import { EFormFields } from '../../components/EFormFields';
import { formatDateTime } from '../../format';
import { useSession } from '../../session';

// ----------------------------------------------------------------------------------------------
// Shapes of the filing API

interface Agency {
  id: string;
  code: string;
  name: string;
}

interface FilingStart {
  procedure: { code: string; name: string; processingDays: number; fullyOnline: boolean; documents: ProcedureDocument[]; form: EForm };
  prefill: { values: FormValues; provenance: ProvenanceMap; populationAvailable: boolean; populationFound: boolean };
  draft: null | { agencyId: string | null; agency: Agency | null; formData: FormValues; documents: Paper[]; updatedAt: string };
}

interface Submitted {
  id: string;
  code: string;
}

type AgencyValue = { value: string; label: string };

export const POPULATION_UNAVAILABLE = 'Không kết nối được CSDL quốc gia về dân cư; vui lòng tự nhập thông tin.';

const timeOnly = new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });

/** Prefilled values, then what the citizen typed, but verified values always from their source. */
export function initialValues(prefill: { values: FormValues; provenance: ProvenanceMap }, typed: FormValues | null | undefined): FormValues {
  const values = { ...prefill.values, ...(typed ?? {}) };
  for (const [name, p] of Object.entries(prefill.provenance)) if (p.locked && prefill.values[name] !== undefined) values[name] = prefill.values[name]!;
  return values;
}

function scrollToFirstError() {
  requestAnimationFrame(() => document.querySelector('.ant-form-item-has-error, .paper-missing')?.scrollIntoView({ block: 'center', behavior: 'smooth' }));
}

// ----------------------------------------------------------------------------------------------

type SaveState = { kind: 'idle' } | { kind: 'pending' } | { kind: 'saved'; at: string } | { kind: 'restored'; at: string } | { kind: 'error'; message: string };

export function FilingPage() {
  const { code = '' } = useParams();
  const { me, loading } = useSession();
  const location = useLocation();
  if (loading) return <Spin />;
  if (!me || me.audience !== 'citizen') return <Navigate to={`/dang-nhap?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  return <Filing key={code} code={code} />;
}

function Filing({ code }: { code: string }) {
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [data, setData] = useState<FilingStart | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [form] = Form.useForm();
  const [agencyForm] = Form.useForm<{ agency?: AgencyValue }>();
  const [papers, setPapers] = useState<Paper[]>([]);
  const [missing, setMissing] = useState<number[]>([]);
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  // One key per page: a repeated click or a retry after a lost answer returns the same dossier.
  const submissionKey = useMemo(() => crypto.randomUUID(), []);

  const papersRef = useRef<Paper[]>([]);
  const seq = useRef(0);
  const timer = useRef<number | undefined>(undefined);
  const inflight = useRef<Promise<void> | null>(null);
  const done = useRef(false);
  const pending = useRef(false);

  useEffect(() => {
    api
      .get<FilingStart>(`/api/filing/${encodeURIComponent(code)}`)
      .then((d) => {
        setData(d);
        form.setFieldsValue(initialValues(d.prefill, d.draft?.formData));
        if (d.draft?.agency) agencyForm.setFieldsValue({ agency: { value: d.draft.agency.id, label: d.draft.agency.name } });
        const restored = d.draft?.documents ?? [];
        papersRef.current = restored;
        setPapers(restored);
        if (d.draft) setSave({ kind: 'restored', at: d.draft.updatedAt });
      })
      .catch((err) => setLoadError(errorMessage(err)));
  }, [code, form, agencyForm]);


  const draftBody = useCallback(
    () => ({
      agencyId: agencyForm.getFieldValue('agency')?.value ?? null,
      formData: formDataOf(form.getFieldsValue(true)),
      documents: papersRef.current.map((p) => ({ position: p.position, fileId: p.fileId, source: p.source })),
    }),
    [form, agencyForm],
  );

  const saveNow = useCallback(async () => {
    pending.current = false;
    if (done.current) return;
    if (inflight.current) await inflight.current;
    const mine = seq.current;
    const body = draftBody();
    const p = api
      .put<{ savedAt: string }>(`/api/filing/${encodeURIComponent(code)}/draft`, body)
      .then((r) => {
        if (seq.current === mine) setSave({ kind: 'saved', at: r.savedAt });
      })
      .catch((err) => {
        if (seq.current === mine) setSave({ kind: 'error', message: errorMessage(err) });
      });
    inflight.current = p;
    await p;
    if (inflight.current === p) inflight.current = null;
  }, [code, draftBody]);

  // Closing or reloading the tab within the 1.5 s before an autosave: send the draft anyway.
  useEffect(() => {
    const onHide = () => {
      if (!pending.current || done.current) return;
      window.clearTimeout(timer.current);
      if (putOnUnload(`/api/filing/${encodeURIComponent(code)}/draft`, draftBody())) pending.current = false;
    };
    window.addEventListener('pagehide', onHide);
    return () => window.removeEventListener('pagehide', onHide);
  }, [code, draftBody]);

  // Leaving the page (another link) with a change not yet saved: save it now.
  useEffect(
    () => () => {
      window.clearTimeout(timer.current);
      if (pending.current) void saveNow();
    },
    [saveNow],
  );

  /** Something changed: save the draft 1.5 s after the last change. */
  const changed = useCallback(() => {
    if (done.current) return;
    seq.current += 1;
    pending.current = true;
    setSave({ kind: 'pending' });
    setSubmitError(null);
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => void saveNow(), 1500);
  }, [saveNow]);

  const changePapers = (next: Paper[]) => {
    papersRef.current = next;
    setPapers(next);
    setMissing((m) => m.filter((pos) => !next.some((p) => p.position === pos)));
    changed();
  };

  const submit = async () => {
    if (!data) return;
    setSubmitError(null);
    const checks = await Promise.allSettled([agencyForm.validateFields(), form.validateFields()]);
    const lacking = missingPositions(data.procedure.documents, papersRef.current);
    setMissing(lacking);
    if (checks.some((c) => c.status === 'rejected') || lacking.length) {
      setSubmitError(
        lacking.length && checks.every((c) => c.status === 'fulfilled')
          ? 'Còn thiếu bản điện tử của giấy tờ bắt buộc trong thành phần hồ sơ.'
          : 'Hồ sơ chưa đầy đủ; hãy kiểm tra các mục được đánh dấu đỏ.',
      );
      scrollToFirstError();
      return;
    }
    // The draft first (if a change is waiting), so that a refused submission loses nothing.
    window.clearTimeout(timer.current);
    if (pending.current) await saveNow();
    else if (inflight.current) await inflight.current;
    setSubmitting(true);
    try {
      const r = await api.post<Submitted>(`/api/filing/${encodeURIComponent(code)}/submit`, {
        agencyId: agencyForm.getFieldValue('agency')!.value,
        formData: formDataOf(form.getFieldsValue(true)),
        documents: papersRef.current.map((p) => ({ position: p.position, fileId: p.fileId, source: p.source })),
        submissionKey,
      });
      done.current = true;
      navigate(`/ho-so-cua-toi/${r.id}?moi=1`);
    } catch (err) {
      setSubmitError(errorMessage(err));
      if (err instanceof ApiError) {
        if (err.code === 'FORM_INVALID') {
          const problems = (err.details?.problems ?? []) as { field: string; message: string }[];
          form.setFields(problems.map((p) => ({ name: p.field, errors: [p.message] })));
          scrollToFirstError();
        } else if (err.code === 'DOSSIER_DOCUMENT_MISSING') {
          setMissing(((err.details?.positions ?? []) as number[]).filter((n) => typeof n === 'number'));
          scrollToFirstError();
        } else if (err.code === 'AGENCY_NOT_RECEIVING') {
          agencyForm.setFields([{ name: 'agency', errors: [err.message] }]);
        }
      }
      if (!(err instanceof ApiError) || err.status >= 500) message.error(errorMessage(err));
    } finally {
      setSubmitting(false);
    }
  };

  if (loadError)
    return (
      <Alert
        role="alert"
        type="error"
        showIcon
        title={loadError}
        description={
          <Link to={`/thu-tuc/${encodeURIComponent(code)}`}>Về trang thủ tục</Link>
        }
      />
    );
  if (!data) return <Spin />;
  const p = data.procedure;

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Link to={`/thu-tuc/${encodeURIComponent(p.code)}`}>← Thông tin thủ tục</Link>
      <div>
        <Typography.Text type="secondary">Nộp hồ sơ trực tuyến</Typography.Text>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {p.name}
        </Typography.Title>
      </div>
      <Descriptions bordered column={{ xs: 1, sm: 2 }} size="small">
        <Descriptions.Item label="Mã thủ tục">{p.code}</Descriptions.Item>
        <Descriptions.Item label="Thời hạn giải quyết">{processingText(p.processingDays)}</Descriptions.Item>
      </Descriptions>

      <Card size="small" title="Cơ quan tiếp nhận hồ sơ">
        <Form form={agencyForm} name="filing-agency" layout="vertical" onValuesChange={changed}>
          <Form.Item name="agency" label="Cơ quan tiếp nhận" rules={[{ required: true, message: 'Chọn cơ quan tiếp nhận hồ sơ.' }]} style={{ marginBottom: 0 }}>
            <AgencySelect code={p.code} />
          </Form.Item>
        </Form>
      </Card>

      <Card size="small" title={p.form.title}>
        {!data.prefill.populationAvailable && <Alert type="warning" showIcon title={POPULATION_UNAVAILABLE} style={{ marginBottom: 16 }} />}
        {data.prefill.populationAvailable && Object.keys(data.prefill.provenance).length > 0 && (
          <Alert
            type="info"
            showIcon
            title="Một số thông tin đã được điền sẵn từ CSDL quốc gia về dân cư và tài khoản của bạn."
            description="Thông tin có biểu tượng ổ khóa đã được xác thực nên không sửa được; các thông tin khác bạn có thể sửa nếu chưa đúng."
            style={{ marginBottom: 16 }}
          />
        )}
        <Form form={form} name="filing-eform" layout="vertical" onValuesChange={changed} scrollToFirstError>
          <EFormFields form={p.form} provenance={data.prefill.provenance} />
        </Form>
      </Card>

      <Card size="small" title="Thành phần hồ sơ">
        <PapersEditor documents={p.documents} papers={papers} onChange={changePapers} missing={missing} />
      </Card>

      <Card size="small">
        <Space orientation="vertical" style={{ width: '100%' }}>
          {submitError && <Alert role="alert" type="error" showIcon title={submitError} />}
          <Space wrap size="large" style={{ justifyContent: 'space-between', width: '100%' }}>
            <SaveIndicator state={save} />
            <Button type="primary" size="large" loading={submitting} onClick={() => void submit()}>
              Nộp hồ sơ
            </Button>
          </Space>
        </Space>
      </Card>
    </Space>
  );
}

function SaveIndicator({ state }: { state: SaveState }) {
  const style = { fontSize: 13 };
  switch (state.kind) {
    case 'pending':
      return (
        <Typography.Text type="secondary" style={style} role="status">
          <LoadingOutlined /> Đang lưu…
        </Typography.Text>
      );
    case 'saved':
      return (
        <Typography.Text type="success" style={style} role="status">
          <CheckCircleOutlined /> Đã lưu nháp lúc {timeOnly.format(new Date(state.at))}
        </Typography.Text>
      );
    case 'restored':
      return (
        <Typography.Text type="secondary" style={style} role="status">
          Đã khôi phục bản nháp lưu lúc {formatDateTime(state.at)}
        </Typography.Text>
      );
    case 'error':
      return (
        <Typography.Text type="danger" style={style} role="status">
          Chưa lưu được bản nháp: {state.message}
        </Typography.Text>
      );
    default:
      return (
        <Typography.Text type="secondary" style={style}>
          Hồ sơ được tự động lưu nháp khi bạn nhập.
        </Typography.Text>
      );
  }
}

/** Receiving agencies of the procedure, searched on the server (no accents needed). */
function AgencySelect({ code, id, value, onChange }: { code: string; id?: string; value?: AgencyValue; onChange?: (v: AgencyValue | undefined) => void }) {
  const [options, setOptions] = useState<Agency[]>([]);
  const [busy, setBusy] = useState(false);
  const timer = useRef<number | undefined>(undefined);
  const load = useCallback(
    (q: string) => {
      setBusy(true);
      api
        .get<Agency[]>(`/api/procedures/${encodeURIComponent(code)}/agencies`, { q })
        .then(setOptions)
        .catch(() => setOptions([]))
        .finally(() => setBusy(false));
    },
    [code],
  );
  useEffect(() => load(''), [load]);
  const shown = useMemo(() => {
    const all = options.map((a) => ({ value: a.id, label: a.name }));
    if (value && !all.some((o) => o.value === value.value)) all.unshift({ value: value.value, label: value.label });
    return all;
  }, [options, value]);
  return (
    <Select
      id={id}
      labelInValue
      value={value}
      onChange={(v) => onChange?.(v ? { value: String(v.value), label: String(v.label) } : undefined)}
      showSearch={{
        filterOption: false,
        onSearch: (q) => {
          window.clearTimeout(timer.current);
          timer.current = window.setTimeout(() => load(q), 250);
        },
      }}
      loading={busy}
      virtual={false}
      placeholder="Gõ tên cơ quan để tìm (không cần dấu), ví dụ: UBND phường Cẩm Thành"
      options={shown}
      notFoundContent={busy ? <Spin size="small" /> : 'Không có cơ quan phù hợp'}
    />
  );
}
