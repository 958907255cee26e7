// "Xác thực văn bản điện tử": the public page the QR code of a signed result points at
// (/xac-thuc/:token), and a box where anyone checks a PDF they have (/xac-thuc).
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Space, Spin, Typography, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { api, errorMessage } from '../../api';
import { VerifyBanner, VerifySignatures, type VerifyCheck } from '../../components/dossier/VerifyVerdict';
import { formatDateTime } from '../../format';

interface TokenVerification extends VerifyCheck {
  code: string;
  procedureName: string;
  agencyName: string;
  applicantName: string;
  issuedAt: string | null;
}

interface UploadVerification extends VerifyCheck {
  issuedHere: { code: string; procedureName: string } | null;
}

export function VerifyPage() {
  const { token } = useParams();
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={2} style={{ margin: 0 }}>
          Xác thực văn bản điện tử
        </Typography.Title>
        <Typography.Text type="secondary">Kiểm tra chữ ký số trên kết quả giải quyết thủ tục hành chính do Cổng Dịch vụ công cấp.</Typography.Text>
      </div>
      {token && <TokenVerdict key={token} token={token} />}
      <UploadCheck />
    </Space>
  );
}

function TokenVerdict({ token }: { token: string }) {
  const [v, setV] = useState<TokenVerification | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api
      .get<TokenVerification>(`/api/verify/${encodeURIComponent(token)}`)
      .then(setV)
      .catch((err) => setError(errorMessage(err)));
  }, [token]);
  if (error) return <Alert role="alert" type="error" showIcon title={error} />;
  if (!v) return <Spin />;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <VerifyBanner check={v} />
      <Card
        size="small"
        title="Thông tin văn bản"
        extra={
          <Button type="primary" icon={<DownloadOutlined />} href={`/api/verify/${encodeURIComponent(token)}/document.pdf`}>
            Tải bản gốc
          </Button>
        }
      >
        <Descriptions bordered column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label="Mã hồ sơ">{v.code}</Descriptions.Item>
          <Descriptions.Item label="Ngày ban hành">{v.issuedAt ? formatDateTime(v.issuedAt).slice(0, 10) : '—'}</Descriptions.Item>
          <Descriptions.Item label="Thủ tục" span={2}>
            {v.procedureName}
          </Descriptions.Item>
          <Descriptions.Item label="Cơ quan ban hành" span={2}>
            {v.agencyName || '—'}
          </Descriptions.Item>
          <Descriptions.Item label="Người được cấp" span={2}>
            {v.applicantName}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card size="small" title="Chữ ký số">
        <VerifySignatures signatures={v.signatures} />
      </Card>
    </Space>
  );
}

function UploadCheck() {
  const [result, setResult] = useState<(UploadVerification & { fileName: string }) | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);
  const check = async (file: File) => {
    setChecking(true);
    setError(null);
    setResult(null);
    try {
      const r = await api.upload<UploadVerification>('/api/verify', file, file.name);
      setResult({ ...r, fileName: file.name });
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setChecking(false);
    }
  };
  return (
    <Card size="small" title="Kiểm tra tệp bạn đang có">
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Text>Chọn tệp PDF kết quả bạn nhận được (qua thư điện tử, tin nhắn…) để kiểm tra chữ ký số và nguồn gốc của tệp.</Typography.Text>
        <Upload
          accept=".pdf,application/pdf"
          showUploadList={false}
          beforeUpload={(file) => {
            void check(file);
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} loading={checking}>
            Chọn tệp PDF để kiểm tra
          </Button>
        </Upload>
        {error && <Alert role="alert" type="error" showIcon title={error} />}
        {result && (
          <div data-testid="upload-verdict" style={{ display: 'flex', flexDirection: 'column', gap: 16 }}>
            <Typography.Text>
              Tệp: <strong>{result.fileName}</strong>
            </Typography.Text>
            <VerifyBanner check={result} />
            <Descriptions bordered column={1} size="small" title="Chi tiết kiểm tra">
              <Descriptions.Item label="Nguồn gốc">
                {result.issuedHere
                  ? `Tệp do hệ thống này cấp: kết quả của hồ sơ ${result.issuedHere.code} — ${result.issuedHere.procedureName}.`
                  : 'Tệp không trùng khớp với văn bản nào do hệ thống này cấp.'}
              </Descriptions.Item>
            </Descriptions>
            {result.signatures.length > 0 && <VerifySignatures signatures={result.signatures} />}
          </div>
        )}
      </Space>
    </Card>
  );
}
