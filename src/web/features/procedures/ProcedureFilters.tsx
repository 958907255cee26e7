// "Thông tin tìm kiếm" of the catalogue: code or name, state, only the late ones. The form shows
// what the address says (a reload, the back button, a shared link).
import { Button, Card, Checkbox, Col, Form, Input, Row, Select } from 'antd';
import { useEffect } from 'react';
import { statusOptions } from './catalogue';

type Filters = Partial<Record<'q' | 'status' | 'late', string>>;

export function ProcedureFilters(props: { filters: Filters; onSearch: (f: Filters) => void }) {
  const { filters } = props;
  const [form] = Form.useForm();

  useEffect(() => {
    form.setFieldsValue({ q: filters.q, status: filters.status, late: filters.late === 'true' });
  }, [filters, form]);

  const search = (v: { q?: string; status?: string; late?: boolean }) => props.onSearch({ q: v.q, status: v.status, late: v.late ? 'true' : undefined });

  return (
    <Card title="Thông tin tìm kiếm" size="small">
      <Form form={form} name="procedureSearch" layout="vertical" onFinish={search}>
        <Row gutter={16} align="bottom">
          <Col xs={24} md={10}>
            <Form.Item label="Mã hoặc tên thủ tục" name="q">
              <Input allowClear placeholder="Ví dụ: 1.001193 hoặc dang ky khai sinh (không cần dấu)" />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item label="Trạng thái" name="status">
              <Select allowClear virtual={false} placeholder="Tất cả trạng thái" options={statusOptions} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="late" valuePropName="checked">
              <Checkbox>Chỉ hiện thủ tục công bố chậm</Checkbox>
            </Form.Item>
          </Col>
        </Row>
        <Button type="primary" htmlType="submit">
          Tìm kiếm
        </Button>
      </Form>
    </Card>
  );
}
