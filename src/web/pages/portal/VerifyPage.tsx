// "Xác thực văn bản điện tử": the public page the QR code of a signed result points at
// (/xac-thuc/:token), and a box where anyone checks a PDF they have (/xac-thuc). The pieces are in
// src/web/features/tracking.
import { Space, Typography } from 'antd';
import { useParams } from 'react-router';
import { TokenVerdict } from '../../features/tracking/TokenVerdict';
import { UploadCheck } from '../../features/tracking/UploadCheck';
import { PageHeading } from '../../components/PageHeading';

export function VerifyPage() {
  const { token } = useParams();
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <div>
        <PageHeading style={{ margin: 0 }}>
          Xác thực văn bản điện tử
        </PageHeading>
        <Typography.Text type="secondary">Kiểm tra chữ ký số trên kết quả giải quyết thủ tục hành chính do Cổng Dịch vụ công cấp.</Typography.Text>
      </div>
      {token && <TokenVerdict key={token} token={token} />}
      <UploadCheck />
    </Space>
  );
}
