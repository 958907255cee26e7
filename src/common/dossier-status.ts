// The national list of dossier statuses (DOMAIN-NOTES "Dossier statuses"), used when synchronising
// with the national portal, and the receiving channels.

export const DOSSIER_STATUS = {
  NEW: 1,
  RECEIVED: 2,
  REFUSED: 3,
  PROCESSING: 4,
  SUPPLEMENT_REQUESTED: 5,
  FINANCIAL_OBLIGATION: 6,
  WITHDRAWAL_REQUESTED: 7,
  STOPPED: 8,
  PROCESSED: 9,
  RESULT_RETURNED: 10,
} as const;

export type DossierStatus = (typeof DOSSIER_STATUS)[keyof typeof DOSSIER_STATUS];

export const DOSSIER_STATUS_LABELS: Record<DossierStatus, string> = {
  1: 'Mới đăng ký',
  2: 'Được tiếp nhận',
  3: 'Không được tiếp nhận',
  4: 'Đang xử lý',
  5: 'Yêu cầu bổ sung giấy tờ',
  6: 'Yêu cầu thực hiện nghĩa vụ tài chính',
  7: 'Công dân yêu cầu rút hồ sơ',
  8: 'Dừng xử lý',
  9: 'Đã xử lý xong',
  10: 'Đã trả kết quả',
};

export const CHANNEL = { IN_PERSON: 1, ONLINE: 2, POST: 3 } as const;
export type Channel = (typeof CHANNEL)[keyof typeof CHANNEL];

export const CHANNEL_LABELS: Record<Channel, string> = {
  1: 'Trực tiếp',
  2: 'Trực tuyến',
  3: 'Qua dịch vụ bưu chính',
};

/**
 * The paper a dossier's receipt link gives (GET /api/dossiers/:id/receipt.pdf): an online filing no
 * officer has received yet has a "Phiếu xác nhận nộp hồ sơ trực tuyến" (submitted, waiting for
 * reception, no appointment promised yet); once the desk or an officer receives it, and for every
 * dossier handed in at the desk or by post, the "Giấy tiếp nhận hồ sơ và hẹn trả kết quả".
 */
export function receiptKind(d: { channel: number; receivedAt: Date | string | null }): 'submission' | 'reception' {
  return d.channel === CHANNEL.ONLINE && d.receivedAt === null ? 'submission' : 'reception';
}
