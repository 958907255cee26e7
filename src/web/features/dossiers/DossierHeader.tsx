// The dossier's title and status, the way back to the list, and its printable papers.
import { Button, Space } from 'antd';
import { receiptUrl } from '../../components/dossier/dossier-utils';
import { StatusTag } from '../../components/dossier/StatusTag';
import type { OfficerDossierDetail } from './useDeskDossier';
import { ADMIN_SITE, PageHeading } from '../../components/PageHeading';

export function DossierHeader({ d, onBack }: { d: OfficerDossierDetail; onBack: () => void }) {
  /** The "Giấy tiếp nhận hồ sơ và hẹn trả kết quả" exists once the dossier is received. */
  const hasReceipt = d.receivedAt !== null;
  return (
    <Space wrap align="center" style={{ justifyContent: 'space-between', width: '100%' }}>
      <Space wrap align="center">
        <PageHeading site={ADMIN_SITE} title={`Hồ sơ ${d.code}`} style={{ margin: 0 }}>
          Hồ sơ {d.code}
        </PageHeading>
        <StatusTag status={d.status} label={d.statusLabel} audience="officer" />
      </Space>
      <Space wrap>
        <Button onClick={onBack}>Về danh sách</Button>
        {hasReceipt && (
          <Button href={receiptUrl(d.id)} target="_blank" rel="noopener">
            In giấy tiếp nhận
          </Button>
        )}
        {d.extendedDate && (
          <Button href={`/api/dossiers/${d.id}/apology.pdf`} target="_blank" rel="noopener">
            Phiếu xin lỗi và hẹn lại
          </Button>
        )}
        {d.hasResult && (
          <Button type="primary" ghost href={`/api/dossiers/${d.id}/result.pdf`} target="_blank" rel="noopener">
            Tải kết quả (đã ký số)
          </Button>
        )}
      </Space>
    </Space>
  );
}
