// "Tra cứu hồ sơ": anyone follows a dossier with its code and the last four digits of the phone
// number registered for it (GET /api/tracking). ?ma=<code> prefills the code.
import { SearchOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Form, Input, Space, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { api, errorMessage } from '../../api';
import { StatusTag } from '../../components/dossier/StatusTag';
import { formatDate, formatDateTime } from '../../format';

interface Tracked {
  code: string;
  procedureName: string;
  agencyName: string;
  status: number;
  statusLabel: string;
  submittedAt: string;
  appointmentDate: string | null;
  extendedDate: string | null;
  returnedAt: string | null;
  events: { at: string; action: string; toStatusLabel: string }[];
}

const minutes = (iso: string) => formatDateTime(iso).slice(0, 16);

export function TrackingPage() {
  const [params, setParams] = useSearchParams();
  const [form] = Form.useForm<{ code: string; phone: string }>();
  const [result, setResult] = useState<Tracked | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  const search = async ({ code, phone }: { code: string; phone: string }) => {
    setLoading(true);
    setError(null);
    setResult(null);
    try {
      setResult(await api.get<Tracked>('/api/tracking', { code: code.trim(), phone: phone.trim() }));
      if (params.get('ma') !== code.trim()) setParams({ ma: code.trim() }, { replace: true });
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setLoading(false);
    }
  };

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={2} style={{ margin: 0 }}>
          Tra cứu hồ sơ
        </Typography.Title>
        <Typography.Text type="secondary">Nhập mã hồ sơ trên giấy tiếp nhận và 4 số cuối của số điện thoại đã đăng ký khi nộp hồ sơ.</Typography.Text>
      </div>
      <Card size="small">
        <Form form={form} name="tracking" layout="vertical" initialValues={{ code: params.get('ma') ?? '', phone: '' }} onFinish={(v) => void search(v)} requiredMark={false}>
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: 16, alignItems: 'flex-start' }}>
            <Form.Item
              name="code"
              label="Mã hồ sơ"
              style={{ flex: '2 1 280px', marginBottom: 0 }}
              rules={[{ required: true, whitespace: true, message: 'Nhập mã hồ sơ.' }]}
            >
              <Input placeholder="Ví dụ: 000.01.15.H48-261125-0001" autoComplete="off" autoFocus={!params.get('ma')} />
            </Form.Item>
            <Form.Item
              name="phone"
              label="4 số cuối số điện thoại đăng ký"
              style={{ flex: '1 1 200px', marginBottom: 0 }}
              rules={[{ required: true, pattern: /^\d{4}$/, message: 'Nhập đúng 4 chữ số.' }]}
            >
              <Input inputMode="numeric" maxLength={4} placeholder="Ví dụ: 5678" autoComplete="off" autoFocus={!!params.get('ma')} />
            </Form.Item>
            <Form.Item label=" " style={{ marginBottom: 0 }}>
              <Button type="primary" htmlType="submit" icon={<SearchOutlined />} loading={loading}>
                Tra cứu
              </Button>
            </Form.Item>
          </div>
        </Form>
      </Card>

      {error && <Alert role="alert" type="error" showIcon title={error} />}

      {result && (
        <Card
          title={
            <Space wrap>
              <span>Hồ sơ {result.code}</span>
              <StatusTag status={result.status} label={result.statusLabel} audience="citizen" />
            </Space>
          }
        >
          <Space orientation="vertical" size="large" style={{ width: '100%' }}>
            <Descriptions bordered column={{ xs: 1, md: 2 }} size="small">
              <Descriptions.Item label="Mã hồ sơ">{result.code}</Descriptions.Item>
              <Descriptions.Item label="Trạng thái">
                <StatusTag status={result.status} label={result.statusLabel} audience="citizen" />
              </Descriptions.Item>
              <Descriptions.Item label="Thủ tục" span={2}>
                {result.procedureName}
              </Descriptions.Item>
              <Descriptions.Item label="Cơ quan tiếp nhận" span={2}>
                {result.agencyName}
              </Descriptions.Item>
              <Descriptions.Item label="Ngày nộp">{minutes(result.submittedAt)}</Descriptions.Item>
              <Descriptions.Item label="Ngày hẹn trả kết quả">
                {result.appointmentDate ? formatDate(result.appointmentDate) : '—'}
                {result.extendedDate && (
                  <div>
                    <Typography.Text type="warning">Gia hạn đến {formatDate(result.extendedDate)}</Typography.Text>
                  </div>
                )}
              </Descriptions.Item>
              {result.returnedAt && <Descriptions.Item label="Ngày trả kết quả">{minutes(result.returnedAt)}</Descriptions.Item>}
            </Descriptions>
            <div data-testid="tracking-history">
              <Typography.Title level={5}>Quá trình xử lý</Typography.Title>
              <Timeline
                items={result.events.map((e, i) => ({
                  key: `${e.at}-${i}`,
                  color: i === result.events.length - 1 ? 'green' : 'blue',
                  content: (
                    <div>
                      <Typography.Text type="secondary">{minutes(e.at)}</Typography.Text>
                      <div>
                        <strong>{e.action}</strong> — {e.toStatusLabel}
                      </div>
                    </div>
                  ),
                }))}
              />
            </div>
          </Space>
        </Card>
      )}
    </Space>
  );
}
