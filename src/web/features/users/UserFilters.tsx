// "Thông tin tìm kiếm" of "Quản lý người dùng": the search form (it shows what the address says),
// XUẤT EXCEL of the same filters, TÌM KIẾM and +THÊM MỚI.
import { Button, Card, Checkbox, Col, Form, Input, Row, Select, Space } from 'antd';
import { useEffect } from 'react';
import { UnitPicker } from '../../components/UnitPicker';
import { USER_FILTERS, type UserFilterValues } from './useUserList';

export function UserFilters(props: {
  filters: UserFilterValues;
  exportHref: string;
  onSearch: (next: UserFilterValues) => void;
  onCreate: () => void;
}) {
  const { filters } = props;
  const [form] = Form.useForm();

  // The form shows what the address says (a reload, the back button, a shared link).
  useEffect(() => {
    form.setFieldsValue({ ...filters, unassigned: filters.unassigned === 'true' });
  }, [filters, form]);

  const search = (v: Record<string, unknown>) => {
    const next: UserFilterValues = {};
    for (const k of USER_FILTERS) {
      const val = v[k];
      if (k === 'unassigned') {
        if (val) next[k] = 'true';
      } else if (typeof val === 'string') next[k] = val;
    }
    props.onSearch(next);
  };

  return (
    <Card title="Thông tin tìm kiếm" size="small">
      <Form form={form} name="userSearch" layout="vertical" onFinish={search}>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item label="Tên:" name="name">
              <Input allowClear />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label="Số điện thoại:" name="phone">
              <Input allowClear inputMode="tel" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label="CMND/CCCD/MST:" name="idNumber">
              <Input allowClear />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label="Trạng thái:" name="status">
              <Select
                virtual={false}
                allowClear
                placeholder="Tất cả"
                options={[
                  { value: 'active', label: 'Kích hoạt' },
                  { value: 'inactive', label: 'Không kích hoạt' },
                ]}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label="Cơ quan:" name="agencyId">
              <UnitPicker source="state" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label="NH/TGTT/Cơ quan khác:" name="otherAgencyId">
              <UnitPicker source="other" placeholder="Ngân hàng, trung gian thanh toán, cơ quan khác" />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="unassigned" valuePropName="checked">
              <Checkbox>Không được gán cơ quan</Checkbox>
            </Form.Item>
          </Col>
        </Row>
        <Space wrap>
          <Button href={props.exportHref} download>
            XUẤT EXCEL
          </Button>
          <Button type="primary" htmlType="submit">
            TÌM KIẾM
          </Button>
          <Button onClick={props.onCreate}>+THÊM MỚI</Button>
        </Space>
      </Form>
    </Card>
  );
}
