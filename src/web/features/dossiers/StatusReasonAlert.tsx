// Why the dossier is where it is (refused, supplement asked, fee asked, stopped, withdrawn).
import { Alert } from 'antd';
import { DOSSIER_STATUS } from '../../../common/dossier-status';
import type { OfficerDossierDetail } from './useDeskDossier';

/** What the dossier's status reason is, by status. */
const STATUS_REASON_TITLES: Record<number, string> = {
  [DOSSIER_STATUS.REFUSED]: 'Lý do từ chối tiếp nhận',
  [DOSSIER_STATUS.SUPPLEMENT_REQUESTED]: 'Nội dung yêu cầu bổ sung',
  [DOSSIER_STATUS.FINANCIAL_OBLIGATION]: 'Nội dung thu phí, lệ phí',
  [DOSSIER_STATUS.STOPPED]: 'Lý do dừng xử lý',
  [DOSSIER_STATUS.WITHDRAWAL_REQUESTED]: 'Lý do rút hồ sơ',
};

export function StatusReasonAlert({ d }: { d: OfficerDossierDetail }) {
  if (!d.statusReason || !STATUS_REASON_TITLES[d.status]) return null;
  return (
    <Alert
      type={d.status === DOSSIER_STATUS.REFUSED || d.status === DOSSIER_STATUS.STOPPED ? 'error' : 'warning'}
      showIcon
      title={STATUS_REASON_TITLES[d.status]}
      description={d.statusReason}
    />
  );
}
