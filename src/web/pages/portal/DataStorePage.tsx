// "Kho dữ liệu": the citizen's own papers (uploaded once, attached to any dossier) and the results
// of dossiers issued to them.
import { DeleteOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Form, Input, Popconfirm, Space, Spin, Table, Tag, Typography, Upload } from 'antd';
import type { TableColumnsType } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Navigate, useLocation } from 'react-router';
import { api, errorMessage } from '../../api';
import type { StoreItem } from '../../components/dossier/dossier-types';
import { formatBytes, formatDateTime } from '../../format';
import { useSession } from '../../session';

const MAX = 10 * 1024 * 1024;

export function DataStorePage() {
  const { me, loading } = useSession();
  const location = useLocation();
  if (loading) return <Spin />;
  if (!me || me.audience !== 'citizen') return <Navigate to={`/dang-nhap?next=${encodeURIComponent(location.pathname)}`} replace />;
  return <DataStore />;
}

function DataStore() {
  const { message } = App.useApp();
  const [items, setItems] = useState<StoreItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    api
      .get<StoreItem[]>('/api/my/store')
      .then((r) => {
        setItems(r);
        setError(null);
      })
      .catch((err) => setError(errorMessage(err)));
  }, []);
  useEffect(() => load(), [load]);

  const remove = async (item: StoreItem) => {
    try {
      await api.del(`/api/my/store/${item.id}`);
      message.success(`Đã xóa "${item.title}" khỏi Kho dữ liệu.`);
      load();
    } catch (err) {
      message.error(errorMessage(err));
    }
  };

  const columns: TableColumnsType<StoreItem> = [
    { title: 'Tên giấy tờ', dataIndex: 'title' },
    {
      title: 'Tệp',
      dataIndex: 'fileName',
      render: (v: string, r) => (
        <Space size={6} wrap>
          <a href={`/api/papers/${r.fileId}`} target="_blank" rel="noreferrer">
            {v}
          </a>
          <Typography.Text type="secondary">{formatBytes(r.size)}</Typography.Text>
        </Space>
      ),
    },
    {
      title: 'Loại',
      dataIndex: 'kind',
      width: 170,
      render: (v: StoreItem['kind']) => (v === 'result' ? <Tag color="green">Kết quả giải quyết</Tag> : <Tag>Tải lên</Tag>),
    },
    { title: 'Ngày thêm', dataIndex: 'createdAt', width: 170, render: (v: string) => formatDateTime(v) },
    {
      title: '',
      key: 'actions',
      width: 90,
      render: (_, r) => (
        <Popconfirm
          title={`Xóa "${r.title}" khỏi Kho dữ liệu?`}
          description="Các hồ sơ đã nộp kèm giấy tờ này vẫn giữ bản của mình."
          okText="Xóa"
          cancelText="Không"
          okButtonProps={{ danger: true }}
          onConfirm={() => remove(r)}
        >
          <Button danger size="small" icon={<DeleteOutlined />} aria-label={`Xóa ${r.title}`}>
            Xóa
          </Button>
        </Popconfirm>
      ),
    },
  ];

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={2} style={{ margin: 0 }}>
          Kho dữ liệu
        </Typography.Title>
        <Typography.Text type="secondary">
          Lưu bản điện tử giấy tờ của bạn một lần, đính kèm vào nhiều hồ sơ. Kết quả giải quyết thủ tục cũng được lưu tại đây.
        </Typography.Text>
      </div>
      <AddPaper onAdded={load} />
      {error && <Alert role="alert" type="error" showIcon title={error} />}
      <Card size="small" title="Giấy tờ trong Kho dữ liệu">
        <Table<StoreItem>
          rowKey="id"
          size="middle"
          loading={!items && !error}
          columns={columns}
          dataSource={items ?? []}
          pagination={(items?.length ?? 0) > 20 ? { pageSize: 20, showSizeChanger: false } : false}
          scroll={{ x: 760 }}
          locale={{ emptyText: <Empty description="Kho dữ liệu chưa có giấy tờ nào" /> }}
        />
      </Card>
    </Space>
  );
}

function AddPaper({ onAdded }: { onAdded: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ title: string }>();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async ({ title }: { title: string }) => {
    setError(null);
    if (!file) {
      setFileError('Chọn tệp giấy tờ (PDF, JPG hoặc PNG).');
      return;
    }
    setBusy(true);
    try {
      // The title goes first: the server reads the fields sent before the file.
      const fd = new FormData();
      fd.append('title', title.trim());
      fd.append('file', file, file.name);
      await api.post('/api/my/store', fd);
      message.success(`Đã thêm "${title.trim()}" vào Kho dữ liệu.`);
      form.resetFields();
      setFile(null);
      onAdded();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" title="Thêm giấy tờ">
      {error && <Alert role="alert" type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
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
          <Button type="primary" htmlType="submit" loading={busy}>
            Thêm vào Kho dữ liệu
          </Button>
        </Form.Item>
      </Form>
    </Card>
  );
}
