// "Tiếp nhận hồ sơ trực tiếp" (issue 6): at the one-stop desk an officer finds the citizen by
// CMND/CCCD, picks the procedure and the receiving agency, completes the prefilled e-form with the
// citizen, scans every required paper, and receives the dossier (status 2 Được tiếp nhận) with
// its code, appointment date and printable receipt. The steps are in src/web/features/desk.
import { Card, Form, Space, Steps } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import type { DossierResult } from '../../components/dossier/dossier-types';
import { formDataOf } from '../../components/dossier/dossier-utils';
import { CitizenStep } from '../../features/desk/CitizenStep';
import type { CitizenLookup, DeskStart, Scan } from '../../features/desk/desk-types';
import { EFormStep } from '../../features/desk/EFormStep';
import { FlowSummary } from '../../features/desk/FlowSummary';
import { PapersStep } from '../../features/desk/PapersStep';
import { ProcedureStep } from '../../features/desk/ProcedureStep';
import { ReceivedCard } from '../../features/desk/ReceivedCard';
import { ADMIN_SITE, PageHeading } from '../../components/PageHeading';

const STEP_TITLES = ['Công dân', 'Thủ tục', 'Tờ khai', 'Giấy tờ'];

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

  if (result) return <ReceivedCard result={result} start={start!} phone={sentTo.current} onAnother={onAnother} />;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <PageHeading site={ADMIN_SITE} style={{ margin: 0 }}>
        Tiếp nhận hồ sơ trực tiếp
      </PageHeading>
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
        <EFormStep form={form} start={start} onBack={() => setStep(1)} onNext={() => setStep(3)} />
      </div>
      {start && account && agencyId && (
        <div hidden={step !== 3}>
          <PapersStep
            start={start}
            scans={scans}
            onScans={setScans}
            onBack={() => setStep(2)}
            onFormProblem={() => setStep(2)}
            body={() => {
              const formData = formDataOf(form.getFieldsValue(true));
              sentTo.current = formData.contactPhone || account.phone;
              return {
                citizenId: account.id,
                agencyId,
                formData,
                documents: scans.map((s) => ({ position: s.position, fileId: s.fileId })),
                submissionKey,
              };
            }}
            onFieldErrors={(problems) => form.setFields(problems.map((p) => ({ name: p.field, errors: [p.message] })))}
            onReceived={setResult}
          />
        </div>
      )}
    </Space>
  );
}
