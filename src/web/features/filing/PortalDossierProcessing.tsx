// What the citizen sees of a dossier's processing on "Hồ sơ của tôi" (issue 7): the promised date
// and its extension, the signed result once returned, the satisfaction rating (once), and
// withdrawing a dossier still open.
import { DownloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Button, Card, Space, Typography } from 'antd';
import { DOSSIER_STATUS } from '../../../common/dossier-status';
import { apologyPdf, resultPdf } from '../../../common/api/dossiers';
import { urlOf } from '../../data/client';
import type { DossierDetail } from '../../components/dossier/dossier-types';
import { formatDate, formatDateTime } from '../../format';

export { PortalRating } from './PortalRating';
export { PortalWithdraw } from './PortalWithdraw';

/** "Ngày hẹn trả kết quả": the promise, and the new date with the apology letter after an extension. */
export function PortalAppointment({ id, appointmentDate, extendedDate }: { id: string; appointmentDate: string | null; extendedDate: string | null }) {
  if (!appointmentDate) return <>—</>;
  return (
    <Space orientation="vertical" size={0}>
      <span style={extendedDate ? { textDecoration: 'line-through', color: 'rgba(0,0,0,0.62)' } : undefined}>{formatDate(appointmentDate)}</span>
      {extendedDate && (
        <>
          <Typography.Text strong type="warning">
            Gia hạn đến {formatDate(extendedDate)}
          </Typography.Text>
          <a href={urlOf(apologyPdf, { id })} target="_blank" rel="noreferrer">
            Phiếu xin lỗi và hẹn lại ngày trả kết quả
          </a>
        </>
      )}
    </Space>
  );
}

type Delivery = DossierDetail['delivery'];

/** Where the paper result goes, by the citizen's choice at submission (issue 15). */
function deliveryNote(delivery: Delivery, agencyName: string): string | null {
  if (delivery?.method === 'post' && delivery.post) return `Bản giấy được gửi qua dịch vụ bưu chính công ích tới ${delivery.post.recipientName}, ${delivery.post.line}.`;
  if (delivery?.method === 'in_person') return `Bạn nhận bản giấy trực tiếp tại Bộ phận tiếp nhận và trả kết quả ${agencyName}.`;
  return null;
}

/**
 * The signed result, once returned: download it and check it on the public verification page. The
 * e-result is issued whatever was chosen; by post or in person the card says where the paper goes.
 */
export function PortalResult({
  id,
  status,
  returnedAt,
  verifyToken,
  delivery = null,
  agencyName = '',
}: {
  id: string;
  status: number;
  returnedAt: string | null;
  verifyToken: string | null;
  delivery?: Delivery;
  agencyName?: string;
}) {
  if (status !== DOSSIER_STATUS.RESULT_RETURNED) return null;
  const note = deliveryNote(delivery, agencyName);
  return (
    <Card size="small" title="Kết quả giải quyết">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <span>
          Hồ sơ đã được trả kết quả{returnedAt ? ` lúc ${formatDateTime(returnedAt).slice(0, 16)}` : ''}. Kết quả điện tử được ký số bởi cơ quan giải quyết và lưu trong
          Kho dữ liệu của bạn.
        </span>
        {note && <Typography.Text strong>{note}</Typography.Text>}
        <Space wrap>
          <Button type="primary" icon={<DownloadOutlined />} href={urlOf(resultPdf, { id })} download>
            Tải kết quả (đã ký số)
          </Button>
          {verifyToken && (
            <Button icon={<SafetyCertificateOutlined />} href={`/xac-thuc/${verifyToken}`}>
              Kiểm tra tính xác thực
            </Button>
          )}
        </Space>
      </Space>
    </Card>
  );
}
