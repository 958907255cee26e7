// One verdict per file on the verification page (Xác thực văn bản điện tử): the server derives it
// from every check — is it a PDF, is it signed, is each signature intact, trusted and covering the
// whole file, is it a result this system issued — and the page shows only it, prominently, with
// the per-signature details below. Green ("valid") only when every check passed.

export type VerdictStatus =
  /** Every check passed. */
  | 'valid'
  /** A signature does not match the bytes, or something was added after a signature. */
  | 'modified'
  /** Intact, but a signer's certificate does not chain to a trusted CA (or was not valid when it signed). */
  | 'unknown_signer'
  /** No readable signature. */
  | 'unsigned'
  /** Not a PDF at all. */
  | 'not_pdf'
  /** Intact and trusted, but not byte for byte a result this system issued. */
  | 'not_registered';

export interface FileVerdict {
  status: VerdictStatus;
  /** The one line the page shows large. */
  title: string;
  /** What it means for the reader, one or two sentences. */
  explanation: string;
  /** Every check that failed, in the reader's words (empty when valid). */
  reasons: string[];
}

/** What the verdict is derived from: the signature checks of the file and where it comes from. */
export interface VerdictInput {
  /** The bytes start like a PDF. */
  isPdf: boolean;
  signed: boolean;
  signatures: { intact: boolean; trusted: boolean; coversWholeFile: boolean }[];
  /** The file is, byte for byte, a result this system issued (the stored file itself for the QR link). */
  registered: boolean;
}

const NOT = 'Văn bản KHÔNG xác thực được';

export const VERDICT_TEXT: Record<VerdictStatus, { title: string; explanation: string }> = {
  valid: {
    title: 'Văn bản điện tử xác thực, không bị thay đổi',
    explanation:
      'Các chữ ký số trên văn bản còn nguyên vẹn, do cơ quan có thẩm quyền ký bằng chứng thư số được tin cậy, không có nội dung nào thêm vào sau khi ký, và tệp trùng khớp với kết quả do hệ thống này cấp.',
  },
  modified: {
    title: `${NOT}: nội dung đã bị thay đổi sau khi ký`,
    explanation: 'Tệp này không còn giống văn bản đã được ký. Không sử dụng tệp này; hãy tải bản gốc qua mã QR trên văn bản hoặc liên hệ cơ quan ban hành.',
  },
  unknown_signer: {
    title: `${NOT}: không xác định được người ký`,
    explanation:
      'Chữ ký số trên tệp không được tạo bằng chứng thư số được tin cậy (hoặc chứng thư số không còn hiệu lực khi ký), nên không xác nhận được văn bản do cơ quan có thẩm quyền ban hành.',
  },
  unsigned: {
    title: `${NOT}: tệp không có chữ ký số`,
    explanation: 'Không tìm thấy chữ ký số đọc được trong tệp. Kết quả điện tử do hệ thống này cấp luôn được ký số.',
  },
  not_pdf: {
    title: `${NOT}: tệp không phải văn bản PDF`,
    explanation: 'Tệp đã chọn không phải tệp PDF. Hãy chọn tệp PDF kết quả bạn nhận được.',
  },
  not_registered: {
    title: `${NOT}: không khớp với kết quả nào do hệ thống này cấp`,
    explanation:
      'Chữ ký số trên tệp hợp lệ, nhưng nội dung tệp không giống hệt kết quả nào hệ thống này đã cấp (có thể là bản cũ, bản nháp hoặc văn bản của nơi khác). Hãy đối chiếu với bản gốc qua mã QR trên văn bản.',
  },
};

export const REASONS = {
  notPdf: 'Tệp không phải là tệp PDF.',
  unsigned: 'Tệp không có chữ ký số.',
  notIntact: 'Chữ ký không còn nguyên vẹn: nội dung văn bản đã bị thay đổi sau khi ký.',
  appended: 'Có nội dung được thêm vào văn bản sau khi ký.',
  untrusted: 'Chứng thư số của người ký không được tin cậy.',
  notRegistered: 'Nội dung tệp không giống hệt kết quả nào do hệ thống này cấp.',
} as const;

export function fileVerdict(input: VerdictInput): FileVerdict {
  const reasons: string[] = [];
  const sigs = input.signatures;
  const signed = input.signed && sigs.length > 0;
  if (!input.isPdf) reasons.push(REASONS.notPdf);
  else if (!signed) reasons.push(REASONS.unsigned);
  else {
    if (sigs.some((s) => !s.intact)) reasons.push(REASONS.notIntact);
    if (sigs.some((s) => s.intact && !s.coversWholeFile)) reasons.push(REASONS.appended);
    if (sigs.some((s) => !s.trusted)) reasons.push(REASONS.untrusted);
    if (!input.registered) reasons.push(REASONS.notRegistered);
  }
  let status: VerdictStatus;
  if (!input.isPdf) status = 'not_pdf';
  else if (!signed) status = 'unsigned';
  else if (sigs.some((s) => !s.intact || !s.coversWholeFile)) status = 'modified';
  else if (sigs.some((s) => !s.trusted)) status = 'unknown_signer';
  else if (!input.registered) status = 'not_registered';
  else status = 'valid';
  return { status, ...VERDICT_TEXT[status], reasons };
}
