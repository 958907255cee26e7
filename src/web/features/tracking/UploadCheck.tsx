// "Kiểm tra tệp bạn đang có": anyone checks a PDF they received — its signatures, and whether this
// system issued it byte for byte. A check, not a change: it invalidates nothing.
import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { verifyUpload } from '../../../common/api/dossiers';
import { errorMessage } from '../../api';
import { VerifyBanner, VerifySignatures } from '../../components/dossier/VerifyVerdict';
import { useApiMutation } from '../../data/hooks';

export function UploadCheck() {
  const check = useApiMutation(verifyUpload);
  // The name of the file last chosen, shown with its verdict.
  const [fileName, setFileName] = useState('');
  const choose = (file: File) => {
    setFileName(file.name);
    const body = new FormData();
    body.append('file', file, file.name);
    check.mutate({ body });
  };
  const result = check.data;
  return (
    <Card size="small" title="Kiểm tra tệp bạn đang có">
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Text>Chọn tệp PDF kết quả bạn nhận được (qua thư điện tử, tin nhắn…) để kiểm tra chữ ký số và nguồn gốc của tệp.</Typography.Text>
        <Upload
          accept=".pdf,application/pdf"
          showUploadList={false}
          beforeUpload={(file) => {
            choose(file);
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} loading={check.isPending}>
            Chọn tệp PDF để kiểm tra
          </Button>
        </Upload>
        {check.error && <Alert role="alert" type="error" showIcon title={errorMessage(check.error)} />}
        {result && (
          <div data-testid="upload-verdict" style={{ display: 'flex', flexDirection: 'column', gap: 16 }}>
            <Typography.Text>
              Tệp: <strong>{fileName}</strong>
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
