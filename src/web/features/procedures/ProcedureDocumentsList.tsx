// "Thành phần hồ sơ" of the procedure editor: the documents in order, each with its template
// once the procedure (and so the document) is stored.
import { Button, Card, Checkbox, Col, Form, Input, Row, Space, Typography } from 'antd';
import type { Reply } from '../../../common/api/contract';
import type { getAdminProcedure } from '../../../common/api/procedures';
import { DocumentTemplate } from './DocumentTemplate';
import { NEW_DOCUMENT, required } from './editorValues';
import { LIMITS } from './limits';

type Template = Reply<typeof getAdminProcedure>['documents'][number]['template'];

export function ProcedureDocumentsList(props: {
  /** The stored procedure; none while a new one is being added. */
  procedureId: string | null;
  templates: Record<string, Template>;
  onTemplate: (documentId: string, t: Template) => void;
}) {
  const form = Form.useFormInstance();
  return (
    <>
      <Typography.Title level={5}>Thành phần hồ sơ</Typography.Title>
      <Form.List name="documents">
        {(fields, { add, remove, move }) => (
          <>
            {fields.map((f, i) => {
              const docId = form.getFieldValue(['documents', f.name, 'id']) as string | undefined;
              return (
                <Card
                  key={f.key}
                  size="small"
                  style={{ marginBottom: 8 }}
                  title={`Thành phần ${i + 1}`}
                  extra={
                    <Space size={4}>
                      <Button size="small" disabled={i === 0} onClick={() => move(i, i - 1)} aria-label={`Chuyển thành phần ${i + 1} lên`}>
                        ↑
                      </Button>
                      <Button size="small" disabled={i === fields.length - 1} onClick={() => move(i, i + 1)} aria-label={`Chuyển thành phần ${i + 1} xuống`}>
                        ↓
                      </Button>
                      <Button size="small" danger onClick={() => remove(f.name)}>
                        Xóa
                      </Button>
                    </Space>
                  }
                >
                  <Form.Item name={[f.name, 'id']} hidden>
                    <Input />
                  </Form.Item>
                  <Row gutter={8}>
                    <Col span={16}>
                      <Form.Item label="Tên giấy tờ" name={[f.name, 'name']} rules={required('tên giấy tờ')}>
                        <Input maxLength={LIMITS.document.name} />
                      </Form.Item>
                    </Col>
                    <Col span={8}>
                      <Form.Item label="Số lượng" name={[f.name, 'quantity']} rules={required('số lượng')}>
                        <Input maxLength={LIMITS.document.quantity} placeholder="01 bản chính" />
                      </Form.Item>
                    </Col>
                    <Col span={16}>
                      <Form.Item label="Tên mẫu đơn, tờ khai" name={[f.name, 'templateName']}>
                        <Input maxLength={LIMITS.document.templateName} placeholder="Nếu giấy tờ có mẫu" />
                      </Form.Item>
                    </Col>
                    <Col span={8}>
                      <Form.Item label=" " name={[f.name, 'required']} valuePropName="checked">
                        <Checkbox>Bắt buộc</Checkbox>
                      </Form.Item>
                    </Col>
                    <Col span={24}>
                      <Form.Item label="Ghi chú" name={[f.name, 'note']}>
                        <Input maxLength={LIMITS.document.note} />
                      </Form.Item>
                    </Col>
                  </Row>
                  {docId && props.procedureId ? (
                    <DocumentTemplate
                      procedureId={props.procedureId}
                      documentId={docId}
                      index={i}
                      template={props.templates[docId] ?? null}
                      onChange={(t) => props.onTemplate(docId, t)}
                    />
                  ) : (
                    <Typography.Text type="secondary">Lưu thủ tục để tải lên file mẫu cho giấy tờ này.</Typography.Text>
                  )}
                </Card>
              );
            })}
            <Button onClick={() => add({ ...NEW_DOCUMENT })}>Thêm thành phần hồ sơ</Button>
          </>
        )}
      </Form.List>
    </>
  );
}
