// The verdict on an electronic document (Xác thực văn bản điện tử): the one verdict the server
// derived from every check (common/signature-verdict.ts), shown large — green only when every check
// passed — with what failed, and below it each signature with its own checks. Used by the public
// verification page for the QR link and for a file the visitor uploads.
import { CheckCircleFilled, CloseCircleFilled, ExclamationCircleFilled } from '@ant-design/icons';
import { Alert, Tag } from 'antd';
import { ResponsiveTable } from '../ResponsiveTable';
import type { Reply } from '../../../common/api/contract';
import type { verifyUpload } from '../../../common/api/dossiers';
import { formatDateTime } from '../../format';

/** The checks of a file: what GET /api/verify/:token and POST /api/verify both answer. */
export type VerifyCheck = Omit<Reply<typeof verifyUpload>, 'issuedHere'>;

export type VerifySignature = VerifyCheck['signatures'][number];

/** The one verdict of the file. */
export function VerifyBanner({ check }: { check: VerifyCheck }) {
  const { verdict } = check;
  const valid = verdict.status === 'valid';
  // Amber for a file whose signatures hold but that this system did not issue; red for the rest.
  const type = valid ? 'success' : verdict.status === 'not_registered' ? 'warning' : 'error';
  const icon = valid ? <CheckCircleFilled /> : type === 'warning' ? <ExclamationCircleFilled /> : <CloseCircleFilled />;
  return (
    <Alert
      type={type}
      showIcon
      icon={icon}
      data-testid="verify-verdict"
      data-status={verdict.status}
      title={<span style={{ fontSize: 22, fontWeight: 700 }}>{verdict.title}</span>}
      description={
        <>
          <div>{verdict.explanation}</div>
          {verdict.reasons.length > 0 && (
            <ul style={{ margin: '8px 0 0', paddingInlineStart: 20 }}>
              {verdict.reasons.map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
          )}
        </>
      }
    />
  );
}

const yesNo = (ok: boolean, yes: string, no: string) => <Tag color={ok ? 'success' : 'error'}>{ok ? yes : no}</Tag>;

/** Each signature's own checks (details under the verdict). */
export function VerifySignatures({ signatures }: { signatures: VerifySignature[] }) {
  return (
    <ResponsiveTable<VerifySignature>
      rowKey={(s) => `${s.signedAt}-${s.signerName}-${s.reason}`}
      size="small"
      pagination={false}
      dataSource={signatures}
      scroll={{ x: 800 }}
      locale={{ emptyText: 'Không có chữ ký số' }}
      columns={[
        { title: 'Người ký', dataIndex: 'signerName', render: (v: string | null) => v || '—' },
        { title: 'Thời điểm ký', dataIndex: 'signedAt', width: 170, render: (v: string | null) => (v ? formatDateTime(v) : '—') },
        { title: 'Lý do', dataIndex: 'reason', render: (v: string | null) => v ?? '—' },
        { title: 'Nguyên vẹn', dataIndex: 'intact', width: 130, render: (v: boolean) => yesNo(v, 'Nguyên vẹn', 'Đã bị thay đổi') },
        { title: 'Tin cậy', dataIndex: 'trusted', width: 130, render: (v: boolean) => yesNo(v, 'Tin cậy', 'Không tin cậy') },
        {
          title: 'Phạm vi ký',
          dataIndex: 'coversWholeFile',
          width: 150,
          render: (v: boolean) => yesNo(v, 'Toàn bộ văn bản', 'Có phần thêm sau khi ký'),
        },
      ]}
    />
  );
}
