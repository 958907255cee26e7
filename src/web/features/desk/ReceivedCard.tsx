// The end of desk reception: the dossier's code, appointment date and printable receipt.
import { Button, Typography } from 'antd';
import type { DossierResult } from '../../components/dossier/dossier-types';
import { receiptUrl } from '../../components/dossier/dossier-utils';
import { SuccessCard } from '../../components/dossier/SuccessCard';
import { formatDate } from '../../format';
import type { DeskStart } from './desk-types';

export function ReceivedCard({ result, start, phone, onAnother }: { result: DossierResult; start: DeskStart; phone: string | null; onAnother: () => void }) {
  return (
    <SuccessCard
      title="Đã tiếp nhận hồ sơ"
      extra={[
        <Button key="print" type="primary" href={receiptUrl(result.id)} target="_blank" rel="noopener">
          In giấy tiếp nhận
        </Button>,
        <Button key="another" onClick={onAnother}>
          Tiếp nhận hồ sơ khác
        </Button>,
      ]}
    >
      <span>
        {start.procedure.name} – {start.citizen.fullName} ({start.citizen.idNumber})
      </span>
      <span>
        Mã hồ sơ: <Typography.Text strong copyable>{result.code}</Typography.Text>
      </span>
      <span>
        Ngày hẹn trả kết quả: <Typography.Text strong>{formatDate(result.appointmentDate)}</Typography.Text>
      </span>
      {phone && <span>Thông báo tiếp nhận hồ sơ được gửi qua SMS tới số {phone}.</span>}
    </SuccessCard>
  );
}
