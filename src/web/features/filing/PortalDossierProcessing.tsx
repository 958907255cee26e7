// What the citizen sees of a dossier's processing on "Hồ sơ của tôi" (issue 7): the promised date
// and its extension, the signed result once returned, the satisfaction rating (once), and
// withdrawing a dossier still open.
import { DownloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Button, Card, Space, Typography } from 'antd';
import { DOSSIER_STATUS } from '../../../common/dossier-status';
import { apologyPdf, resultPdf } from '../../../common/api/dossiers';
import { urlOf } from '../../data/client';
import { formatDate, formatDateTime } from '../../format';

export { PortalRating } from './PortalRating';
export { PortalWithdraw } from './PortalWithdraw';

/** "Ngày hẹn trả kết quả": the promise, and the new date with the apology letter after an extension. */
export function PortalAppointment({ id, appointmentDate, extendedDate }: { id: string; appointmentDate: string | null; extendedDate: string | null }) {
  if (!appointmentDate) return <>—</>;
  return (
    <Space orientation="vertical" size={0}>
      <span style={extendedDate ? { textDecoration: 'line-through', color: 'rgba(0,0,0,0.45)' } : undefined}>{formatDate(appointmentDate)}</span>
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

/** The signed result, once returned: download it and check it on the public verification page. */
export function PortalResult({ id, status, returnedAt, verifyToken }: { id: string; status: number; returnedAt: string | null; verifyToken: string | null }) {
  if (status !== DOSSIER_STATUS.RESULT_RETURNED) return null;
  return (
    <Card size="small" title="Kết quả giải quyết">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <span>
          Hồ sơ đã được trả kết quả{returnedAt ? ` lúc ${formatDateTime(returnedAt).slice(0, 16)}` : ''}. Kết quả điện tử được ký số bởi cơ quan giải quyết và lưu trong
          Kho dữ liệu của bạn.
        </span>
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
