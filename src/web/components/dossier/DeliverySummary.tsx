// "Hình thức nhận kết quả" as stored on a dossier (issue 15): the choice, and by post the address
// to send to, the recipient and their phone. Shown to the citizen and the officers.
import { Space, Typography } from 'antd';
import type { DossierDetail } from './dossier-types';

export function DeliverySummary({ delivery }: { delivery: DossierDetail['delivery'] }) {
  if (!delivery) return <Typography.Text type="secondary">Chưa đăng ký</Typography.Text>;
  return (
    <Space orientation="vertical" size={0} data-testid="delivery-summary">
      <span>{delivery.label}</span>
      {delivery.post && (
        <>
          <span>Gửi tới: {delivery.post.line}</span>
          <span>
            Người nhận: {delivery.post.recipientName} – {delivery.post.phone}
          </span>
        </>
      )}
    </Space>
  );
}
