// "Nộp hồ sơ trực tuyến" (issue 6): the procedure's e-form prefilled from the population database
// (verified values locked), the receiving agency, the papers (uploaded or taken from Kho dữ liệu),
// an autosaved draft, "Hình thức nhận kết quả" (issue 15: in person, by post to an address
// proposed from the citizen's, or electronic), and submission with an idempotency key. The parts
// are in src/web/features/filing.
import { Alert, Button, Card, Form, Space, Spin } from 'antd';
import { useRef, useState } from 'react';
import { Link, Navigate, useLocation, useParams } from 'react-router';
import { errorMessage } from '../../api';
import type { Paper } from '../../components/dossier/dossier-types';
import { formDataOf } from '../../components/dossier/dossier-utils';
import { DeliveryFields, deliveryInitial, type DeliveryValues } from '../../components/dossier/DeliveryFields';
import { AgencySelect, type AgencyValue } from '../../features/filing/AgencySelect';
import { PapersEditor } from '../../features/filing/CitizenPapers';
import { FilingEFormCard } from '../../features/filing/FilingEFormCard';
import { FilingHeader } from '../../features/filing/FilingHeader';
import { SaveIndicator } from '../../features/filing/SaveIndicator';
import { useDraftSafety } from '../../features/filing/use-draft-safety';
import { useHeldAccount } from '../../features/filing/use-session-lapse';
import { useDraftAutosave } from '../../features/filing/useDraftAutosave';
import { initialValues, useFilingStart } from '../../features/filing/useFilingStart';
import { useFilingSubmit } from '../../features/filing/useFilingSubmit';
import { useSession } from '../../session';

export function FilingPage() {
  const { code = '' } = useParams();
  const { me, loading, expired } = useSession();
  const location = useLocation();
  // Issue 15: a session that lapses while typing keeps the form on screen ("Đăng nhập lại").
  const { account, lapsed } = useHeldAccount(me, expired);
  // "Tải lại bản mới nhất" builds the page again from the server.
  const [generation, setGeneration] = useState(0);
  if (loading) return <Spin />;
  if (!account) return <Navigate to={`/dang-nhap?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  return <Filing key={`${code}#${generation}`} code={code} account={account} lapsed={lapsed} reload={() => setGeneration((g) => g + 1)} />;
}

function Filing({ code, account, lapsed, reload }: { code: string; account: string; lapsed: boolean; reload: () => void }) {
  const [form] = Form.useForm();
  const [agencyForm] = Form.useForm<{ agency?: AgencyValue }>();
  const [deliveryForm] = Form.useForm<DeliveryValues>();
  const [papers, setPapers] = useState<Paper[]>([]);
  // The papers as of the last change, for the saves and the submission that read them later.
  const papersRef = useRef<Paper[]>([]);
  const [missing, setMissing] = useState<number[]>([]);

  const body = () => ({
    agencyId: (agencyForm.getFieldValue('agency') as AgencyValue | undefined)?.value ?? null,
    formData: formDataOf(form.getFieldsValue(true)),
    documents: papersRef.current.map((p) => ({ position: p.position, fileId: p.fileId, source: p.source })),
  });
  const draft = useDraftAutosave(code, body);
  const safety = useDraftSafety({
    account,
    code,
    lapsed,
    draft,
    reload,
    snapshot: () => ({ agency: (agencyForm.getFieldValue('agency') as AgencyValue | undefined) ?? null, formData: formDataOf(form.getFieldsValue(true)), papers: papersRef.current }),
  });
  const start = useFilingStart(code, (d) => {
    form.setFieldsValue(initialValues(d.prefill, d.draft?.formData));
    if (d.draft?.agency) agencyForm.setFieldsValue({ agency: { value: d.draft.agency.id, label: d.draft.agency.name } });
    deliveryForm.setFieldsValue(deliveryInitial(d.deliveryPrefill));
    papersRef.current = d.draft?.documents ?? [];
    setPapers(papersRef.current);
    if (d.draft) draft.restored(d.draft.updatedAt, d.draft.version);
    safety.started(d.draft?.version ?? null, (copy) => {
      form.setFieldsValue(initialValues(d.prefill, copy.formData));
      agencyForm.setFieldsValue({ agency: copy.agency ?? undefined });
      papersRef.current = copy.papers;
      setPapers(copy.papers);
    });
  });
  const filing = useFilingSubmit({ code, form, agencyForm, deliveryForm, documents: start.data?.procedure.documents, papers: () => papersRef.current, body, draft: safety.draft, setMissing });

  const changed = () => {
    filing.clearError();
    draft.changed();
    safety.changed();
  };
  const changePapers = (next: Paper[]) => {
    papersRef.current = next;
    setPapers(next);
    setMissing((m) => m.filter((pos) => !next.some((p) => p.position === pos)));
    changed();
  };

  if (start.error)
    return (
      <Alert
        role="alert"
        type="error"
        showIcon
        title={errorMessage(start.error)}
        description={<Link to={`/thu-tuc/${encodeURIComponent(code)}`}>Về trang thủ tục</Link>}
      />
    );
  if (!start.data) return <Spin />;
  const p = start.data.procedure;

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <FilingHeader procedure={p} />
      {safety.notices}

      <Card size="small" title="Cơ quan tiếp nhận hồ sơ">
        <Form form={agencyForm} name="filing-agency" layout="vertical" onValuesChange={changed}>
          <Form.Item name="agency" label="Cơ quan tiếp nhận" rules={[{ required: true, message: 'Chọn cơ quan tiếp nhận hồ sơ.' }]} style={{ marginBottom: 0 }}>
            <AgencySelect code={p.code} residence={start.data.prefill.values.applicantResidence} />
          </Form.Item>
        </Form>
      </Card>

      <FilingEFormCard start={start.data} form={form} onChange={changed} />

      <Card size="small" title="Thành phần hồ sơ">
        <PapersEditor documents={p.documents} papers={papers} onChange={changePapers} missing={missing} />
      </Card>

      <Card size="small" title="Hình thức nhận kết quả">
        <DeliveryFields form={deliveryForm} name="filing-delivery" onChange={filing.clearError} />
      </Card>

      <Card size="small">
        <Space orientation="vertical" style={{ width: '100%' }}>
          {filing.error && <Alert role="alert" type="error" showIcon title={filing.error} />}
          <Space wrap size="large" style={{ justifyContent: 'space-between', width: '100%' }}>
            <SaveIndicator state={draft.state} />
            <Button type="primary" size="large" loading={filing.submitting} onClick={() => void filing.submit()}>
              Nộp hồ sơ
            </Button>
          </Space>
        </Space>
      </Card>
    </Space>
  );
}
