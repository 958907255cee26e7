// The search of "Hồ sơ của tôi": a dossier code or a procedure's name (typed without diacritics
// too) and a status. Enter searches; the filters live in the address (useUrlList), so a reload or
// the back button keeps them.
import { Button, Col, Form, Input, Row, Select, Space } from 'antd';
import { useEffect } from 'react';
import { DOSSIER_STATUS_LABELS } from '../../../common/dossier-status';

export interface MyDossierFilterValues {
  q?: string;
  status?: string;
}

const STATUS_OPTIONS = [
  { value: '', label: 'Tất cả trạng thái' },
  ...Object.entries(DOSSIER_STATUS_LABELS).map(([value, label]) => ({ value, label })),
];

export function MyDossierFilters({ value, onSearch, onReset }: { value: MyDossierFilterValues; onSearch: (v: MyDossierFilterValues) => void; onReset: () => void }) {
  const [form] = Form.useForm<MyDossierFilterValues>();
  useEffect(() => {
    form.setFieldsValue({ q: value.q ?? '', status: value.status ?? '' });
  }, [form, value.q, value.status]);
  return (
    <Form form={form} layout="vertical" onFinish={onSearch} role="search" aria-label="Tìm hồ sơ của tôi">
      <Row gutter={16} align="bottom">
        <Col xs={24} md={12}>
          <Form.Item label="Mã hồ sơ hoặc tên thủ tục" name="q" style={{ marginBottom: 12 }}>
            <Input placeholder="Ví dụ: khai sinh (không cần gõ dấu)" allowClear maxLength={100} />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item label="Trạng thái" name="status" style={{ marginBottom: 12 }}>
            <Select options={STATUS_OPTIONS} virtual={false} listHeight={480} />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item style={{ marginBottom: 12 }}>
            <Space wrap>
              <Button type="primary" htmlType="submit">
                Tìm kiếm
              </Button>
              <Button onClick={onReset}>Xóa bộ lọc</Button>
            </Space>
          </Form.Item>
        </Col>
      </Row>
    </Form>
  );
}
