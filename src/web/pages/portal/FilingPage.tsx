// "Nộp hồ sơ trực tuyến" (issue 6): the procedure's e-form prefilled from the population database
// (verified values locked), the receiving agency, the papers (uploaded or taken from Kho dữ liệu),
// an autosaved draft, and submission with an idempotency key. The parts are in
// src/web/features/filing.
import { Alert, Button, Card, Form, Space, Spin } from 'antd';
import { useRef, useState } from 'react';
import { Link, Navigate, useLocation, useParams } from 'react-router';
import { errorMessage } from '../../api';
import type { Paper } from '../../components/dossier/dossier-types';
import { formDataOf } from '../../components/dossier/dossier-utils';
import { AgencySelect, type AgencyValue } from '../../features/filing/AgencySelect';
import { PapersEditor } from '../../features/filing/CitizenPapers';
import { FilingEFormCard } from '../../features/filing/FilingEFormCard';
import { FilingHeader } from '../../features/filing/FilingHeader';
import { SaveIndicator } from '../../features/filing/SaveIndicator';
import { useDraftAutosave } from '../../features/filing/useDraftAutosave';
import { initialValues, useFilingStart } from '../../features/filing/useFilingStart';
import { useFilingSubmit } from '../../features/filing/useFilingSubmit';
import { useSession } from '../../session';

export function FilingPage() {
  const { code = '' } = useParams();
  const { me, loading } = useSession();
  const location = useLocation();
  if (loading) return <Spin />;
  if (!me || me.audience !== 'citizen') return <Navigate to={`/dang-nhap?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  return <Filing key={code} code={code} />;
}

function Filing({ code }: { code: string }) {
  const [form] = Form.useForm();
  const [agencyForm] = Form.useForm<{ agency?: AgencyValue }>();
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
  const start = useFilingStart(code, (d) => {
    form.setFieldsValue(initialValues(d.prefill, d.draft?.formData));
    if (d.draft?.agency) agencyForm.setFieldsValue({ agency: { value: d.draft.agency.id, label: d.draft.agency.name } });
    papersRef.current = d.draft?.documents ?? [];
    setPapers(papersRef.current);
    if (d.draft) draft.restored(d.draft.updatedAt);
  });
  const filing = useFilingSubmit({ code, form, agencyForm, documents: start.data?.procedure.documents, papers: () => papersRef.current, body, draft, setMissing });

  const changed = () => {
    filing.clearError();
    draft.changed();
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
