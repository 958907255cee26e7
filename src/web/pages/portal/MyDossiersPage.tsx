// "Hồ sơ của tôi": the citizen's dossiers, one dossier with its receipt, form, papers and history,
// and — when the receiving agency asked for it — supplementing the dossier. The pieces are in
// src/web/features/my-dossiers; the processing ones (appointment, result, rating, withdrawal, each
// reading the dossier again once done) and the papers editor are the filing's own.
import { Alert, Card, Form, Space, Spin } from 'antd';
import { Link, useParams, useSearchParams } from 'react-router';
import { getMyDossier } from '../../../common/api/dossiers';
import { DOSSIER_STATUS } from '../../../common/dossier-status';
import { errorMessage } from '../../api';
import { PapersEditor } from '../../features/filing/CitizenPapers';
import { FormValuesTable } from '../../components/dossier/FormValuesTable';
import { PortalAppointment, PortalRating, PortalResult, PortalWithdraw } from '../../features/filing/PortalDossierProcessing';
import { EFormFields } from '../../components/EFormFields';
import { useApiQuery } from '../../data/hooks';
import { DossierTitle, NewDossierCard } from '../../features/my-dossiers/DossierHeading';
import { MyDossierFacts } from '../../features/my-dossiers/MyDossierFacts';
import { MyDossierHistory } from '../../features/my-dossiers/MyDossierHistory';
import { MyDossierList } from '../../features/my-dossiers/MyDossierList';
import { SupplementActions, SupplementNotice } from '../../features/my-dossiers/SupplementNotice';
import { useCitizenGate } from '../../features/my-dossiers/useCitizenGate';
import { paperDocuments, useSupplement } from '../../features/my-dossiers/useSupplement';

export function MyDossiersPage() {
  const gate = useCitizenGate();
  if (gate) return gate;
  return <MyDossierList />;
}

export function MyDossierPage() {
  const gate = useCitizenGate();
  const { id = '' } = useParams();
  if (gate) return gate;
  return <DossierView key={id} id={id} />;
}

function DossierView({ id }: { id: string }) {
  const [params] = useSearchParams();
  const isNew = params.get('moi') === '1';
  const { data: d, error } = useApiQuery(getMyDossier, { params: { id } });
  const s = useSupplement(d);

  if (error) return <Alert role="alert" type="error" showIcon title={errorMessage(error)} description={<Link to="/ho-so-cua-toi">Về danh sách hồ sơ của tôi</Link>} />;
  if (!d) return <Spin />;
  const canSupplement = d.status === DOSSIER_STATUS.SUPPLEMENT_REQUESTED;

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Link to="/ho-so-cua-toi">← Hồ sơ của tôi</Link>
        <Link to={`/phan-anh-kien-nghi/gui?hoSo=${encodeURIComponent(d.id)}`}>Gửi phản ánh, kiến nghị về hồ sơ này</Link>
      </Space>
      {isNew && <NewDossierCard d={d} />}
      <DossierTitle d={d} isNew={isNew} actions={d.actions.includes('withdraw') && <PortalWithdraw id={d.id} code={d.code} />} />
      <MyDossierFacts d={d} appointment={<PortalAppointment id={d.id} appointmentDate={d.appointmentDate} extendedDate={d.extendedDate} />} />

      <PortalResult id={d.id} status={d.status} returnedAt={d.returnedAt} verifyToken={d.verifyToken} delivery={d.delivery} agencyName={d.agency?.name ?? ''} />
      <PortalRating id={d.id} status={d.status} rating={d.rating} />

      {(canSupplement || s.editing) && <SupplementNotice reason={d.statusReason} editing={s.editing} onStart={s.start} />}

      <Card size="small" title={d.form?.title ?? 'Tờ khai'}>
        <Form form={s.form} name="dossier-form" layout="vertical">
          {d.form ? <EFormFields form={d.form} provenance={d.provenance} disabled={!s.editing} /> : <FormValuesTable values={d.formData} />}
        </Form>
      </Card>

      <Card size="small" title="Thành phần hồ sơ">
        <PapersEditor documents={paperDocuments(d)} papers={s.editing ? s.papers : d.documents} onChange={s.setPapers} missing={s.missing} readOnly={!s.editing} />
      </Card>

      {s.editing && (
        <Card size="small">
          <SupplementActions error={s.sendError} sending={s.sending} onSend={() => void s.submit()} onCancel={s.cancel} />
        </Card>
      )}

      <Card size="small" title="Quá trình xử lý">
        <MyDossierHistory events={d.events} />
      </Card>
    </Space>
  );
}
