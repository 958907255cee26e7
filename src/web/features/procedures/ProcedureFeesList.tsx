// "Phí, lệ phí" of the procedure editor: a list of fees, each a label, an amount and a unit.
import { Button, Col, Form, Input, InputNumber, Row, Typography } from 'antd';
import { required } from './editorValues';

export function ProcedureFeesList() {
  return (
    <>
      <Typography.Title level={5}>Phí, lệ phí</Typography.Title>
      <Form.List name="fees">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f) => (
              <Row key={f.key} gutter={8} align="top">
                <Col span={12}>
                  <Form.Item name={[f.name, 'label']} rules={required('tên khoản phí, lệ phí')}>
                    <Input placeholder="Tên khoản, ví dụ: Lệ phí đăng ký kết hôn" />
                  </Form.Item>
                </Col>
                <Col span={5}>
                  <Form.Item name={[f.name, 'amountVnd']} rules={[{ required: true, message: 'Hãy nhập số tiền.' }]}>
                    <InputNumber min={0} precision={0} style={{ width: '100%' }} placeholder="Số tiền (đồng)" />
                  </Form.Item>
                </Col>
                <Col span={5}>
                  <Form.Item name={[f.name, 'unit']}>
                    <Input placeholder="Đơn vị, ví dụ: bản" />
                  </Form.Item>
                </Col>
                <Col span={2}>
                  <Button onClick={() => remove(f.name)} aria-label="Xóa khoản phí">
                    Xóa
                  </Button>
                </Col>
              </Row>
            ))}
            <Button onClick={() => add({ label: '', amountVnd: 0 })} style={{ marginBottom: 16 }}>
              Thêm khoản phí, lệ phí
            </Button>
          </>
        )}
      </Form.List>
    </>
  );
}
