// The verdict on an electronic document's digital signatures (Xác thực văn bản điện tử): a big
// green or red banner, why it failed, and each signature with its checks. Used by the public
// verification page for the QR link and for a file the visitor uploads.
import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { Alert, Table, Tag } from 'antd';
import { formatDateTime } from '../../format';

export interface VerifySignature {
  signerName: string | null;
  signedAt: string | null;
  reason: string | null;
  intact: boolean;
  trusted: boolean;
  coversWholeFile: boolean;
}

export interface VerifyCheck {
  signed: boolean;
  authentic: boolean;
  signatures: VerifySignature[];
}

export const AUTHENTIC_TEXT = 'Văn bản điện tử xác thực, không bị thay đổi';
export const NOT_AUTHENTIC_TEXT = 'Văn bản KHÔNG xác thực được';

/** Why a document is not authentic, in the words a citizen understands. */
export function verifyProblems(check: VerifyCheck): string[] {
  if (!check.signed || check.signatures.length === 0) return ['Tệp không có chữ ký số.'];
  const problems: string[] = [];
  if (check.signatures.some((s) => !s.intact)) problems.push('Chữ ký không còn nguyên vẹn: nội dung văn bản đã bị thay đổi sau khi ký.');
  if (check.signatures.some((s) => !s.trusted)) problems.push('Chứng thư số của người ký không được tin cậy.');
  if (check.signatures.some((s) => s.intact && !s.coversWholeFile)) problems.push('Có nội dung được thêm vào văn bản sau khi ký.');
  return problems;
}

export function VerifyBanner({ check }: { check: VerifyCheck }) {
  if (check.authentic) {
    return (
      <Alert
        type="success"
        showIcon
        icon={<CheckCircleFilled />}
        title={<span style={{ fontSize: 22, fontWeight: 700 }}>{AUTHENTIC_TEXT}</span>}
        description="Các chữ ký số trên văn bản còn nguyên vẹn và do cơ quan có thẩm quyền ký bằng chứng thư số được tin cậy."
      />
    );
  }
  const problems = verifyProblems(check);
  return (
    <Alert
      type="error"
      showIcon
      icon={<CloseCircleFilled />}
      title={<span style={{ fontSize: 22, fontWeight: 700 }}>{NOT_AUTHENTIC_TEXT}</span>}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 20 }}>
          {(problems.length ? problems : ['Không xác định được tính toàn vẹn của văn bản.']).map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      }
    />
  );
}

const yesNo = (ok: boolean, yes: string, no: string) => <Tag color={ok ? 'success' : 'error'}>{ok ? yes : no}</Tag>;

export function VerifySignatures({ signatures }: { signatures: VerifySignature[] }) {
  return (
    <Table<VerifySignature>
      rowKey={(s) => `${s.signedAt}-${s.signerName}`}
      size="small"
      pagination={false}
      dataSource={signatures}
      scroll={{ x: 680 }}
      locale={{ emptyText: 'Không có chữ ký số' }}
      columns={[
        { title: 'Người ký', dataIndex: 'signerName', render: (v: string | null) => v ?? '—' },
        { title: 'Thời điểm ký', dataIndex: 'signedAt', width: 170, render: (v: string | null) => (v ? formatDateTime(v) : '—') },
        { title: 'Lý do', dataIndex: 'reason', render: (v: string | null) => v ?? '—' },
        { title: 'Nguyên vẹn', dataIndex: 'intact', width: 130, render: (v: boolean) => yesNo(v, 'Nguyên vẹn', 'Đã bị thay đổi') },
        { title: 'Tin cậy', dataIndex: 'trusted', width: 130, render: (v: boolean) => yesNo(v, 'Tin cậy', 'Không tin cậy') },
      ]}
    />
  );
}
