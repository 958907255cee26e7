// The top of one dossier in "Hồ sơ của tôi": right after submission the success card with the new
// code; otherwise the code with the receipt and what the citizen may still do (`actions`). The
// receipt is the Phiếu xác nhận nộp hồ sơ until an officer receives the dossier, then the Giấy tiếp
// nhận (receiptKind, the server's rule).
import { DownloadOutlined } from '@ant-design/icons';
import { Button, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { receiptKind } from '../../../common/dossier-status';
import type { DossierDetail } from '../../components/dossier/dossier-types';
import { receiptUrl } from '../../components/dossier/dossier-utils';
import { SuccessCard } from '../../components/dossier/SuccessCard';
import { formatDate } from '../../format';
import { ButtonLink } from '../../components/ButtonLink';
import { PageHeading } from '../../components/PageHeading';

/** The receipt button's label: what the PDF behind it is. */
function receiptLabel(d: DossierDetail): string {
  return receiptKind(d) === 'submission' ? 'Tải phiếu xác nhận nộp hồ sơ' : 'Tải giấy tiếp nhận';
}

/** "Nộp hồ sơ thành công": the code to keep, the receipt, what happens next. */
export function NewDossierCard({ d }: { d: DossierDetail }) {
  return (
    <SuccessCard
      title="Nộp hồ sơ thành công"
      extra={[
        <Button key="receipt" type="primary" icon={<DownloadOutlined />} href={receiptUrl(d.id)} target="_blank">
          {receiptLabel(d)}
        </Button>,
        <ButtonLink key="list" to="/ho-so-cua-toi">Xem danh sách hồ sơ của tôi</ButtonLink>,
      ]}
    >
      <span>Mã hồ sơ của bạn</span>
      <Typography.Text strong copyable={{ text: d.code, tooltips: ['Sao chép mã hồ sơ', 'Đã sao chép'] }} style={{ fontSize: 26, color: '#0b5394' }} data-testid="dossier-code">
        {d.code}
      </Typography.Text>
      <span>
        Hồ sơ đã được gửi tới {d.agency?.name ?? 'cơ quan tiếp nhận'} và đang chờ tiếp nhận.
        {d.appointmentDate ? ` Ngày hẹn trả kết quả dự kiến: ${formatDate(d.appointmentDate)}.` : ''} Bạn sẽ nhận thông báo qua tin nhắn SMS và thư điện tử.
      </span>
    </SuccessCard>
  );
}

/** Under the success card a plain heading; otherwise the code, the citizen's actions and the receipt. */
export function DossierTitle({ d, isNew, actions }: { d: DossierDetail; isNew: boolean; actions?: ReactNode }) {
  if (isNew) {
    return (
      <PageHeading title={`Hồ sơ ${d.code}`} style={{ margin: 0 }}>
        Thông tin hồ sơ
      </PageHeading>
    );
  }
  return (
    <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
      <div>
        <Typography.Text type="secondary">Hồ sơ</Typography.Text>
        <PageHeading title={`Hồ sơ ${d.code}`} style={{ margin: 0 }}>
          {d.code}
        </PageHeading>
      </div>
      <Space wrap>
        {actions}
        <Button icon={<DownloadOutlined />} href={receiptUrl(d.id)} target="_blank">
          {receiptLabel(d)}
        </Button>
      </Space>
    </Space>
  );
}
