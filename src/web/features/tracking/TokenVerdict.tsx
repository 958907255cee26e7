// The verdict of the public page a signed result's QR code points at (/xac-thuc/:token): authentic
// or not, the document's facts, its original to download, and each signature.
import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Space, Spin } from 'antd';
import { verifiedDocumentPdf, verifyByToken } from '../../../common/api/dossiers';
import { errorMessage } from '../../api';
import { VerifyBanner, VerifySignatures } from '../../components/dossier/VerifyVerdict';
import { urlOf } from '../../data/client';
import { useApiQuery } from '../../data/hooks';
import { formatDateTime } from '../../format';

export function TokenVerdict({ token }: { token: string }) {
  const { data: v, error } = useApiQuery(verifyByToken, { params: { token } });
  if (error) return <Alert role="alert" type="error" showIcon title={errorMessage(error)} />;
  if (!v) return <Spin />;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <VerifyBanner check={v} />
      <Card
        size="small"
        title="Thông tin văn bản"
        extra={
          <Button type="primary" icon={<DownloadOutlined />} href={urlOf(verifiedDocumentPdf, { token })}>
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
