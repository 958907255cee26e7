// "Thêm giấy tờ": a title and one file (PDF, JPG or PNG, at most 10 MB) into the citizen's Kho dữ liệu.
import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { addToStore, listStore } from '../../../common/api/dossiers';
import { errorMessage } from '../../api';
import { useApiMutation } from '../../data/hooks';
import { formatBytes } from '../../format';

const MAX = 10 * 1024 * 1024;

export function AddPaper() {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ title: string }>();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const add = useApiMutation(addToStore, { invalidates: [listStore] });

  const submit = async ({ title }: { title: string }) => {
    add.reset();
    if (!file) {
      setFileError('Chọn tệp giấy tờ (PDF, JPG hoặc PNG).');
      return;
    }
    // The title goes first: the server reads the fields sent before the file.
    const body = new FormData();
    body.append('title', title.trim());
    body.append('file', file, file.name);
    try {
      await add.mutateAsync({ body });
    } catch {
      return; // shown above the form
    }
    message.success(`Đã thêm "${title.trim()}" vào Kho dữ liệu.`);
    form.resetFields();
    setFile(null);
  };

  return (
    <Card size="small" title="Thêm giấy tờ">
      {add.error && <Alert role="alert" type="error" showIcon title={errorMessage(add.error)} style={{ marginBottom: 12 }} />}
      <Form form={form} name="store-add" layout="vertical" onFinish={submit}>
        <Form.Item
          name="title"
          label="Tên giấy tờ"
          rules={[
            { required: true, whitespace: true, message: 'Nhập tên giấy tờ.' },
            { min: 2, max: 200, message: 'Tên giấy tờ có từ 2 đến 200 ký tự.' },
          ]}
        >
          <Input placeholder="Ví dụ: Giấy chứng sinh của con" maxLength={200} />
        </Form.Item>
        <Form.Item label="Tệp giấy tờ" required validateStatus={fileError ? 'error' : undefined} help={fileError ?? undefined} extra="PDF, JPG hoặc PNG, tối đa 10 MB">
          <Space wrap>
            <Upload
              accept=".pdf,.jpg,.jpeg,.png"
              showUploadList={false}
              beforeUpload={(f) => {
                if (f.size > MAX) {
                  setFileError(`Tệp "${f.name}" (${formatBytes(f.size)}) vượt quá 10 MB.`);
                  setFile(null);
                } else {
                  setFileError(null);
                  setFile(f);
                }
                return false;
              }}
            >
              <Button icon={<UploadOutlined />}>Chọn tệp</Button>
            </Upload>
            {file && (
              <Typography.Text>
                {file.name} ({formatBytes(file.size)})
              </Typography.Text>
            )}
          </Space>
        </Form.Item>
        <Form.Item style={{ marginBottom: 0 }}>
          <Button type="primary" htmlType="submit" loading={add.isPending}>
            Thêm vào Kho dữ liệu
          </Button>
        </Form.Item>
      </Form>
    </Card>
  );
}
