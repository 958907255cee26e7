// "Tiếp nhận hồ sơ trực tiếp" (issue 6): at the one-stop desk an officer finds the citizen by
// CMND/CCCD, picks the procedure and the receiving agency, completes the prefilled e-form with the
// citizen, scans every required paper, and receives the dossier (status 2 Được tiếp nhận) with
// its code, appointment date and printable receipt.
import { ScanOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Form, Input, Select, Space, Spin, Steps, Tag, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import type { EForm, FormValues, ProvenanceMap } from '../../../common/eform';
import { checkIdNumberShape, normalizeIdNumber } from '../../../common/vn-ids';
import { api, ApiError, errorMessage } from '../../api';
import type { DossierResult, ProcedureDocument } from '../../components/dossier/dossier-types';
import { formDataOf, processingText, receiptUrl } from '../../components/dossier/dossier-utils';
import { PaperList, usePaperEditing, type PaperFile } from '../../components/dossier/PaperList';
import { SuccessCard } from '../../components/dossier/SuccessCard';
import { EFormFields } from '../../components/EFormFields';
import { formatDate } from '../../format';
import { useSession } from '../../session';

// ---------------------------------------------------------------------------------------------
// Payloads (src/server/modules/dossiers/service.ts)

interface CitizenLookup {
  account: null | { id: string; fullName: string; idNumber: string; birthDate: string | null; phone: string | null; status: string };
  population: null | { fullName: string; birthDate: string | null };
  populationAvailable: boolean;
}

interface ProcedureItem {
  code: string;
  name: string;
  processingDays: number;
}

interface DeskStart {
  procedure: { code: string; name: string; processingDays: number; fullyOnline: boolean; documents: ProcedureDocument[]; form: EForm | null };
  prefill: { values: FormValues; provenance: ProvenanceMap; populationAvailable: boolean; populationFound: boolean };
  citizen: { id: string; fullName: string; idNumber: string; phone: string | null };
  agencies: { id: string; code: string; name: string }[];
}

/** A paper scanned or uploaded at the desk. */
type Scan = Omit<PaperFile, 'source'>;

const ACCOUNT_WIZARD = '/quan-tri/tao-tai-khoan-cong-dan/them-moi';

const STEP_TITLES = ['Công dân', 'Thủ tục', 'Tờ khai', 'Giấy tờ'];

// ---------------------------------------------------------------------------------------------

const DESK = '/quan-tri/tiep-nhan-truc-tiep';

export function DeskReceptionPage() {
  const location = useLocation();
  const navigate = useNavigate();
  // A fresh flow (new submission key, empty state) on every visit: the menu item, or "Tiếp nhận hồ sơ khác".
  return <Reception key={location.key} onAnother={() => navigate(DESK)} />;
}

function Reception({ onAnother }: { onAnother: () => void }) {
  const [step, setStep] = useState(0);
  const [citizen, setCitizen] = useState<CitizenLookup | null>(null);
  const [start, setStart] = useState<DeskStart | null>(null);
  const [agencyId, setAgencyId] = useState<string | undefined>();
  const [scans, setScans] = useState<Scan[]>([]);
  const [form] = Form.useForm();
  const [result, setResult] = useState<DossierResult | null>(null);
  // One key per flow: a double click or a retry after a lost answer returns the same dossier.
  const submissionKey = useMemo(() => crypto.randomUUID(), []);
  /** Where the reception SMS goes: the contact phone of the form. */
  const sentTo = useRef<string | null>(null);

  const account = citizen?.account ?? null;

  const chooseCitizen = (c: CitizenLookup | null) => {
    setCitizen(c);
    setStart(null);
    setAgencyId(undefined);
    setScans([]);
  };

  const chooseProcedure = (s: DeskStart | null) => {
    setStart(s);
    setScans([]);
    form.resetFields();
    if (s) form.setFieldsValue(s.prefill.values);
    setAgencyId(s && s.agencies.length === 1 ? s.agencies[0]!.id : undefined);
  };

  if (result) return <Received result={result} start={start!} phone={sentTo.current} onAnother={onAnother} />;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        Tiếp nhận hồ sơ trực tiếp
      </Typography.Title>
      <Card size="small">
        <Steps current={step} items={STEP_TITLES.map((title) => ({ title }))} />
      </Card>
      {step > 0 && account && <FlowSummary citizen={account} start={step > 1 ? start : null} agencyId={agencyId} />}

      <div hidden={step !== 0}>
        <CitizenStep found={citizen} onFound={chooseCitizen} onNext={() => setStep(1)} />
      </div>
      {account && (
        <div hidden={step !== 1}>
          <ProcedureStep
            citizenId={account.id}
            start={start}
            onStart={chooseProcedure}
            agencyId={agencyId}
            onAgency={setAgencyId}
            onBack={() => setStep(0)}
            onNext={() => setStep(2)}
          />
        </div>
      )}
      {/* Always mounted, so the form keeps what was typed while the officer moves between steps. */}
      <div hidden={step !== 2}>
        <Card size="small" title={start?.procedure.form?.title ?? 'Tờ khai'}>
          {start && !start.prefill.populationAvailable && (
            <Alert type="warning" showIcon title="Không kết nối được CSDL quốc gia về dân cư; nhập thông tin theo giấy tờ của công dân." style={{ marginBottom: 16 }} />
          )}
          {start?.prefill.populationAvailable && Object.keys(start.prefill.provenance).length > 0 && (
            <Alert
              type="info"
              showIcon
              title="Một số thông tin đã được điền sẵn từ CSDL quốc gia về dân cư và tài khoản của công dân."
              description="Thông tin có biểu tượng ổ khóa đã được xác thực nên không sửa được; cùng công dân kiểm tra và nhập các thông tin còn lại."
              style={{ marginBottom: 16 }}
            />
          )}
          <Form form={form} name="desk-eform" layout="vertical" scrollToFirstError>
            {start?.procedure.form && <EFormFields form={start.procedure.form} provenance={start.prefill.provenance} />}
          </Form>
          <Space>
            <Button onClick={() => setStep(1)}>Quay lại</Button>
            <Button
              type="primary"
              onClick={async () => {
                try {
                  await form.validateFields();
                  setStep(3);
                } catch {
                  /* the fields show what is wrong */
                }
              }}
            >
              Tiếp tục
            </Button>
          </Space>
        </Card>
      </div>
      {start && account && agencyId && (
        <div hidden={step !== 3}>
          <PapersStep
            start={start}
            scans={scans}
            onScans={setScans}
            onBack={() => setStep(2)}
            onFormProblem={() => setStep(2)}
            submit={() => {
              const formData = formDataOf(form.getFieldsValue(true));
              sentTo.current = formData.contactPhone || account.phone;
              return api.post<DossierResult>(`/api/desk/filing/${encodeURIComponent(start.procedure.code)}`, {
                citizenId: account.id,
                agencyId,
                formData,
                documents: scans.map((s) => ({ position: s.position, fileId: s.fileId })),
                submissionKey,
              });
            }}
            onFieldErrors={(problems) => form.setFields(problems.map((p) => ({ name: p.field, errors: [p.message] })))}
            onReceived={setResult}
          />
        </div>
      )}
    </Space>
  );
}

function FlowSummary({ citizen, start, agencyId }: { citizen: NonNullable<CitizenLookup['account']>; start: DeskStart | null; agencyId?: string }) {
  const agency = start?.agencies.find((a) => a.id === agencyId);
  return (
    <Descriptions size="small" bordered column={{ xs: 1, md: 3 }}>
      <Descriptions.Item label="Công dân">
        {citizen.fullName} – {citizen.idNumber}
      </Descriptions.Item>
      {start && <Descriptions.Item label="Thủ tục">{start.procedure.name}</Descriptions.Item>}
      {agency && <Descriptions.Item label="Cơ quan tiếp nhận">{agency.name}</Descriptions.Item>}
    </Descriptions>
  );
}

// ---------------------------------------------------------------------------------------------
// Step 1: the citizen

function CitizenStep({ found, onFound, onNext }: { found: CitizenLookup | null; onFound: (c: CitizenLookup | null) => void; onNext: () => void }) {
  const navigate = useNavigate();
  const { me } = useSession();
  const [params] = useSearchParams();
  const [idNumber, setIdNumber] = useState(params.get('idNumber') ?? '');
  const [searched, setSearched] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const mayCreate = !!me?.permissions.includes('CITIZEN_ACCOUNT_CREATE');

  const search = async () => {
    setError(null);
    onFound(null);
    const shape = checkIdNumberShape(idNumber);
    if (!shape.ok) {
      setError(shape.message ?? 'Số CMND/CCCD không hợp lệ.');
      return;
    }
    const id = normalizeIdNumber(idNumber);
    setBusy(true);
    try {
      onFound(await api.get<CitizenLookup>('/api/desk/citizens', { idNumber: id }));
      setSearched(id);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const a = found?.account ?? null;
  const active = a?.status === 'active';
  return (
    <Card size="small" title="Tìm công dân">
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Form name="desk-citizen" layout="vertical" onFinish={search} style={{ maxWidth: 520 }}>
          <Form.Item label="Số CMND/CCCD" htmlFor="desk-id-number" style={{ marginBottom: 0 }} extra="Nhập số CMND (9 số) hoặc CCCD (12 số) trên giấy tờ của công dân.">
            <Space.Compact style={{ width: '100%' }}>
              <Input
                id="desk-id-number"
                aria-label="Số CMND/CCCD"
                inputMode="numeric"
                maxLength={14}
                autoFocus
                autoComplete="off"
                value={idNumber}
                onChange={(e) => setIdNumber(e.target.value)}
              />
              <Button type="primary" htmlType="submit" loading={busy}>
                Tìm
              </Button>
            </Space.Compact>
          </Form.Item>
        </Form>
        {error && <Alert role="alert" type="error" showIcon title={error} />}
        {found && !a && searched && (
          <Alert
            role="alert"
            type="warning"
            showIcon
            title="Công dân chưa có tài khoản"
            description={
              <Space orientation="vertical">
                <span>
                  Chưa có tài khoản Cổng Dịch vụ công với số CMND/CCCD {searched}. Tạo tài khoản cho công dân trước, sau đó tiếp nhận hồ sơ.
                </span>
                <PopulationNote c={found} />
                <Button
                  type="primary"
                  disabled={!mayCreate}
                  title={mayCreate ? undefined : 'Bạn chưa được cấp "Quyền tạo tài khoản công dân"'}
                  onClick={() => navigate(`${ACCOUNT_WIZARD}?idNumber=${encodeURIComponent(searched)}`)}
                >
                  Tạo tài khoản công dân
                </Button>
              </Space>
            }
          />
        )}
        {a && (
          <>
            <Descriptions size="small" bordered column={{ xs: 1, md: 2 }} title="Thông tin công dân">
              <Descriptions.Item label="Họ và tên">{a.fullName}</Descriptions.Item>
              <Descriptions.Item label="Số CMND/CCCD">{a.idNumber}</Descriptions.Item>
              <Descriptions.Item label="Ngày sinh">{formatDate(a.birthDate)}</Descriptions.Item>
              <Descriptions.Item label="Số điện thoại">{a.phone ?? ''}</Descriptions.Item>
              <Descriptions.Item label="Tài khoản">{active ? <Tag color="green">Đang hoạt động</Tag> : <Tag color="red">Đang bị khóa</Tag>}</Descriptions.Item>
              <Descriptions.Item label="CSDL quốc gia về dân cư">
                <PopulationNote c={found!} />
              </Descriptions.Item>
            </Descriptions>
            {!active && <Alert role="alert" type="error" showIcon title="Tài khoản công dân này đang bị khóa; chưa tiếp nhận hồ sơ được." />}
            <div>
              <Button type="primary" disabled={!active} onClick={onNext}>
                Tiếp tục
              </Button>
            </div>
          </>
        )}
      </Space>
    </Card>
  );
}

function PopulationNote({ c }: { c: CitizenLookup }) {
  if (!c.populationAvailable) return <Tag color="orange">Không kết nối được CSDL quốc gia về dân cư</Tag>;
  if (!c.population) return <Tag>Không có thông tin trong CSDL quốc gia về dân cư</Tag>;
  return (
    <span>
      <Tag color="green">Có thông tin trong CSDL quốc gia về dân cư</Tag>
      {c.population.fullName}
      {c.population.birthDate ? `, sinh ngày ${formatDate(c.population.birthDate)}` : ''}
    </span>
  );
}

// ---------------------------------------------------------------------------------------------
// Step 2: the procedure and the receiving agency

function ProcedureStep(props: {
  citizenId: string;
  start: DeskStart | null;
  onStart: (s: DeskStart | null) => void;
  agencyId?: string;
  onAgency: (id: string | undefined) => void;
  onBack: () => void;
  onNext: () => void;
}) {
  const { start } = props;
  const [options, setOptions] = useState<ProcedureItem[]>([]);
  const [searching, setSearching] = useState(false);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [code, setCode] = useState<string | undefined>(start?.procedure.code);
  const timer = useRef<number | undefined>(undefined);

  const search = useCallback((q: string) => {
    setSearching(true);
    api
      .get<{ items: ProcedureItem[] }>('/api/procedures', { q, pageSize: 20 })
      .then((r) => setOptions(r.items))
      .catch(() => setOptions([]))
      .finally(() => setSearching(false));
  }, []);
  useEffect(() => search(''), [search]);
  useEffect(() => () => window.clearTimeout(timer.current), []);

  const pick = async (c: string | undefined) => {
    setCode(c);
    setError(null);
    props.onStart(null);
    if (!c) return;
    setLoading(true);
    try {
      props.onStart(await api.get<DeskStart>(`/api/desk/filing/${encodeURIComponent(c)}`, { citizenId: props.citizenId }));
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
                timer.current = window.setTimeout(() => search(q), 250);
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
            <Descriptions size="small" bordered column={1} style={{ marginBottom: 16 }}>
              <Descriptions.Item label="Thời hạn giải quyết">{processingText(start.procedure.processingDays)}</Descriptions.Item>
              <Descriptions.Item label="Thành phần hồ sơ">
                <ol style={{ margin: 0, paddingInlineStart: 20 }}>
                  {start.procedure.documents.map((d) => (
                    <li key={d.position}>
                      {d.name} {d.required ? <Tag color="red">Bắt buộc</Tag> : <Tag>Nếu có</Tag>}
                    </li>
                  ))}
                </ol>
              </Descriptions.Item>
            </Descriptions>
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

// ---------------------------------------------------------------------------------------------
// Step 4: the papers, scanned or uploaded at the desk, then reception

function PapersStep(props: {
  start: DeskStart;
  scans: Scan[];
  onScans: (s: Scan[]) => void;
  onBack: () => void;
  onFormProblem: () => void;
  onFieldErrors: (problems: { field: string; message: string }[]) => void;
  submit: () => Promise<DossierResult>;
  onReceived: (r: DossierResult) => void;
}) {
  const { start, scans } = props;
  const documents = start.procedure.documents;
  const [submitError, setSubmitError] = useState<{ message: string; formProblem: boolean } | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const editing = usePaperEditing<Scan>({
    files: scans,
    onChange: props.onScans,
    endpoint: '/api/desk/papers',
    checkName: true,
    toFile: (position, r) => ({ position, fileId: r.id, fileName: r.fileName, size: r.size }),
  });

  const missing = documents.filter((d) => d.required && !scans.some((s) => s.position === d.position));

  const receive = async () => {
    setSubmitError(null);
    setSubmitting(true);
    try {
      props.onReceived(await props.submit());
    } catch (err) {
      const formProblem = err instanceof ApiError && (err.code === 'FORM_INVALID' || err.code === 'FORM_LOCKED_FIELD_CHANGED');
      setSubmitError({ message: errorMessage(err), formProblem });
      if (err instanceof ApiError && err.code === 'FORM_INVALID') {
        props.onFieldErrors(((err.details?.problems ?? []) as { field: string; message: string }[]).filter((p) => typeof p.field === 'string'));
      }
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Card size="small" title="Thành phần hồ sơ">
      <Typography.Paragraph type="secondary">
        Quét hoặc tải lên bản điện tử của từng giấy tờ công dân nộp (PDF, JPG hoặc PNG, tối đa 10 MB mỗi tệp). Phải số hóa đủ các giấy tờ bắt buộc mới tiếp nhận được hồ sơ.
      </Typography.Paragraph>
      <PaperList
        documents={documents}
        files={scans}
        editing={editing}
        uploadLabel="Quét/Tải lên"
        uploadIcon={<ScanOutlined />}
        fileGap={6}
        actions={(doc, mine) => doc.required && mine.length === 0 && <Typography.Text type="warning">Chưa số hóa</Typography.Text>}
      />
      <Space orientation="vertical" style={{ width: '100%', marginTop: 16 }}>
        {missing.length > 0 && (
          <Alert type="warning" showIcon title={`Chưa số hóa: ${missing.map((d) => d.name).join('; ')}`} />
        )}
        {submitError && (
          <Alert
            role="alert"
            type="error"
            showIcon
            title={submitError.message}
            action={
              submitError.formProblem ? (
                <Button size="small" onClick={props.onFormProblem}>
                  Sửa tờ khai
                </Button>
              ) : undefined
            }
          />
        )}
        <Space>
          <Button onClick={props.onBack}>Quay lại</Button>
          <Button type="primary" size="large" disabled={missing.length > 0 || editing.uploading !== null} loading={submitting} onClick={() => void receive()}>
            Tiếp nhận hồ sơ
          </Button>
        </Space>
      </Space>
    </Card>
  );
}

// ---------------------------------------------------------------------------------------------

function Received({ result, start, phone, onAnother }: { result: DossierResult; start: DeskStart; phone: string | null; onAnother: () => void }) {
  return (
    <SuccessCard
      title="Đã tiếp nhận hồ sơ"
      extra={[
        <Button key="print" type="primary" href={receiptUrl(result.id)} target="_blank" rel="noopener">
          In giấy tiếp nhận
        </Button>,
        <Button key="another" onClick={onAnother}>
          Tiếp nhận hồ sơ khác
        </Button>,
      ]}
    >
      <span>
        {start.procedure.name} – {start.citizen.fullName} ({start.citizen.idNumber})
      </span>
      <span>
        Mã hồ sơ: <Typography.Text strong copyable>{result.code}</Typography.Text>
      </span>
      <span>
        Ngày hẹn trả kết quả: <Typography.Text strong>{formatDate(result.appointmentDate)}</Typography.Text>
      </span>
      {phone && <span>Thông báo tiếp nhận hồ sơ được gửi qua SMS tới số {phone}.</span>}
    </SuccessCard>
  );
}
