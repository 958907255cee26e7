// The look-up form of "Tra cứu hồ sơ": the code on the receipt and the phone's last four digits.
import { SearchOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input } from 'antd';

export type TrackingAsk = { code: string; phone: string };

/** `initialCode`: the code from a link (?ma=); the focus then goes to the digits. */
export function TrackingForm({ initialCode, loading, onSearch }: { initialCode: string; loading: boolean; onSearch: (v: TrackingAsk) => void }) {
  const [form] = Form.useForm<TrackingAsk>();
  return (
    <Card size="small">
      <Form form={form} name="tracking" layout="vertical" initialValues={{ code: initialCode, phone: '' }} onFinish={onSearch} requiredMark={false}>
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 16, alignItems: 'flex-start' }}>
          <Form.Item name="code" label="Mã hồ sơ" style={{ flex: '2 1 280px', marginBottom: 0 }} rules={[{ required: true, whitespace: true, message: 'Nhập mã hồ sơ.' }]}>
            <Input placeholder="Ví dụ: 000.01.15.H48-261125-0001" autoComplete="off" autoFocus={!initialCode} />
          </Form.Item>
          <Form.Item
            name="phone"
            label="4 số cuối số điện thoại đăng ký"
            style={{ flex: '1 1 200px', marginBottom: 0 }}
            rules={[{ required: true, pattern: /^\d{4}$/, message: 'Nhập đúng 4 chữ số.' }]}
          >
            <Input inputMode="numeric" maxLength={4} placeholder="Ví dụ: 5678" autoComplete="off" autoFocus={!!initialCode} />
          </Form.Item>
          <Form.Item label=" " style={{ marginBottom: 0 }}>
            <Button type="primary" htmlType="submit" icon={<SearchOutlined />} loading={loading}>
              Tra cứu
            </Button>
          </Form.Item>
        </div>
      </Form>
    </Card>
  );
}
