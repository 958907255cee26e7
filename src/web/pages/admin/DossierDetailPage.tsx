// "Chi tiết hồ sơ" for the one-stop desk (issue 6): the dossier as filed (read-only e-form with
// where each value came from, the papers, the history) and, while it waits in the reception queue
// (status 1 Mới đăng ký), the three decisions: receive, ask for supplementation, refuse. Once
// received (issue 7): the workflow, its deadlines and the processing actions of the officer's role.
// The panels are in src/web/features/dossiers.
import { Alert, Button, Card, Space, Spin } from 'antd';
import { useLocation, useNavigate, useParams } from 'react-router';
import { DOSSIER_STATUS } from '../../../common/dossier-status';
import { errorMessage } from '../../api';
import { RatingSummary } from '../../components/dossier/RatingSummary';
import { DossierFacts } from '../../features/dossiers/DossierFacts';
import { DossierHeader } from '../../features/dossiers/DossierHeader';
import { DossierHistory } from '../../features/dossiers/DossierHistory';
import { DossierPapers } from '../../features/dossiers/DossierPapers';
import { ReadOnlyForm } from '../../features/dossiers/ReadOnlyForm';
import { ReceptionDecisions } from '../../features/dossiers/ReceptionDecisions';
import { StatusReasonAlert } from '../../features/dossiers/StatusReasonAlert';
import { useDeskDossier } from '../../features/dossiers/useDeskDossier';
import { WorkProcessing } from '../../features/dossiers/WorkProcessing';

// The desk's lists show the channel the same way.
export { channelLabel } from '../../features/dossiers/channelLabel';

const QUEUE = '/quan-tri/ho-so-cho-tiep-nhan';

export function DossierDetailPage() {
  const { id } = useParams();
  const location = useLocation();
  const navigate = useNavigate();
  const { data: d, error } = useDeskDossier(id ?? '');
  /** The list (with its filters) the officer came from. */
  const back = (location.state as { from?: string } | null)?.from ?? QUEUE;

  if (error && !d) {
    return (
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Alert role="alert" type="error" showIcon title={errorMessage(error)} />
        <Button onClick={() => navigate(back)}>Về danh sách</Button>
      </Space>
    );
  }
  if (!d) return <Spin />;
  const waiting = d.status === DOSSIER_STATUS.NEW;
  /** Received dossiers go through the procedure's workflow (issue 7). */
  const inWorkflow = d.receivedAt !== null && d.status !== DOSSIER_STATUS.NEW && d.status !== DOSSIER_STATUS.REFUSED;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <DossierHeader d={d} onBack={() => navigate(back)} />
      {waiting && <ReceptionDecisions d={d} />}
      {inWorkflow && (
        <Card size="small" title="Xử lý hồ sơ">
          <WorkProcessing d={d} />
        </Card>
      )}
      <StatusReasonAlert d={d} />
      {/* Issue 15: the result goes where the citizen chose; by post the officer sees where to send it. */}
      {d.status === DOSSIER_STATUS.PROCESSED && d.delivery?.post && (
        <Alert type="warning" showIcon title={`Trả kết quả qua bưu chính công ích: gửi tới ${d.delivery.post.recipientName} (${d.delivery.post.phone}), ${d.delivery.post.line}`} />
      )}
      <DossierFacts d={d} />
      {d.rating && (
        <Card size="small" title="Đánh giá mức độ hài lòng">
          <RatingSummary rating={d.rating} who="officer" />
        </Card>
      )}
      <Card size="small" title={d.form?.title ?? 'Tờ khai'}>
        <ReadOnlyForm form={d.form} values={d.formData} provenance={d.provenance} />
      </Card>
      <Card size="small" title="Thành phần hồ sơ">
        <DossierPapers d={d} />
      </Card>
      <Card size="small" title="Quá trình xử lý">
        <DossierHistory events={d.events} />
      </Card>
    </Space>
  );
}
