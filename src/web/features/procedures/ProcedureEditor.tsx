// Editing a procedure in a drawer: metadata, fees, thành phần hồ sơ and their templates. It edits
// the procedure as it was when opened (a refetch must not wipe what is being typed); after a save,
// the answer is the procedure it edits next.
import { Alert, App, Button, Col, DatePicker, Drawer, Form, Input, InputNumber, Row, Select, Space, Switch } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import type { Reply } from '../../../common/api/contract';
import { createAdminProcedure, updateAdminProcedure, type getAdminProcedure } from '../../../common/api/procedures';
import { errorMessage } from '../../api';
import { useApiMutation } from '../../data/hooks';
import { levelOptions, NO_FORM_WARNING, PROCEDURE_READS } from './catalogue';
import { DATE_FORMATS, required, toBody, toValues, type EditorValues } from './editorValues';
import { LIMITS } from './limits';
import { ProcedureDocumentsList } from './ProcedureDocumentsList';
import { ProcedureFeesList } from './ProcedureFeesList';

type Detail = Reply<typeof getAdminProcedure>;
type Template = Detail['documents'][number]['template'];

export function ProcedureEditor(props: { detail: Detail | null; onClose: () => void; onSaved: (d: Detail) => void }) {
  const { message } = App.useApp();
  const { detail } = props;
  const [form] = Form.useForm<EditorValues>();
  const create = useApiMutation(createAdminProcedure, { invalidates: PROCEDURE_READS });
  const update = useApiMutation(updateAdminProcedure, { invalidates: PROCEDURE_READS });
  const saving = create.isPending || update.isPending;
  // The last save's error (a new save clears it; after adding, the drawer edits the new draft).
  const error = detail ? update.error : create.error;
  const [templates, setTemplates] = useState<Record<string, Template>>({});
  const codeLocked = !!detail && (detail.status !== 'draft' || detail.publishedAt !== null);

  useEffect(() => {
    form.resetFields();
    form.setFieldsValue(toValues(detail) as EditorValues);
    setTemplates(Object.fromEntries((detail?.documents ?? []).map((d) => [d.id, d.template])));
  }, [detail, form]);

  const save = async () => {
    const body = toBody(await form.validateFields());
    // The error is shown in the drawer (see `error`).
    const saved = detail ? await update.mutateAsync({ params: { id: detail.id }, body }) : await create.mutateAsync({ body });
    message.success(detail ? 'Đã lưu thủ tục.' : 'Đã thêm thủ tục (bản nháp). Có thể tải lên mẫu đơn, tờ khai cho từng thành phần hồ sơ.');
    props.onSaved(saved);
  };

  return (
    <Drawer
      open
      size={820}
      title={detail ? `Sửa thủ tục ${detail.code}` : 'Thêm thủ tục'}
      onClose={props.onClose}
      extra={
        <Space>
          <Button onClick={props.onClose}>Đóng</Button>
          <Button type="primary" loading={saving} onClick={() => void save().catch(() => undefined)}>
            Lưu
          </Button>
        </Space>
      }
    >
      {error && <Alert role="alert" type="error" showIcon title={errorMessage(error)} style={{ marginBottom: 16 }} />}
      {detail && !detail.hasForm && <Alert type="warning" showIcon title={NO_FORM_WARNING} style={{ marginBottom: 16 }} />}
      <Form form={form} name="procedureEdit" layout="vertical">
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item label="Mã thủ tục" name="code" rules={required('Mã thủ tục')} extra={codeLocked ? 'Thủ tục đã công bố: không đổi được mã.' : 'Ví dụ 1.001193'}>
              <Input disabled={codeLocked} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item label="Tên thủ tục" name="name" rules={required('Tên thủ tục')}>
              <Input maxLength={LIMITS.name} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="Lĩnh vực" name="field" rules={required('Lĩnh vực')}>
              <Input maxLength={LIMITS.field} placeholder="Ví dụ: Hộ tịch" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="Cấp thực hiện" name="level" rules={[{ required: true, message: 'Hãy chọn Cấp thực hiện.' }]}>
              <Select virtual={false} options={levelOptions} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="Thời hạn giải quyết (ngày làm việc)" name="processingDays" rules={[{ required: true, message: 'Hãy nhập Thời hạn giải quyết.' }]} extra="0 = trong ngày làm việc">
              <InputNumber min={0} max={LIMITS.processingDays} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item label="Cơ quan thực hiện" name="implementingAgency" rules={required('Cơ quan thực hiện')}>
              <Input maxLength={LIMITS.implementingAgency} placeholder="Ví dụ: Ủy ban nhân dân cấp xã" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="Dịch vụ công trực tuyến toàn trình" name="fullyOnline" valuePropName="checked">
              <Switch checkedChildren="Toàn trình" unCheckedChildren="Một phần" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item label="Ghi chú thời hạn" name="processingNote">
              <Input maxLength={LIMITS.processingNote} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="Hiệu lực từ ngày" name="effectiveFrom" rules={[{ required: true, message: 'Hãy chọn ngày bắt đầu hiệu lực.' }]}>
              <DatePicker format={DATE_FORMATS} placeholder="dd/mm/yyyy" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              label="Hiệu lực đến ngày"
              name="effectiveTo"
              dependencies={['effectiveFrom']}
              rules={[
                ({ getFieldValue }) => ({
                  validator: (_r, v: Dayjs | null) => {
                    const from = getFieldValue('effectiveFrom') as Dayjs | undefined;
                    return !v || !from || !v.isBefore(from, 'day') ? Promise.resolve() : Promise.reject(new Error('Ngày hết hiệu lực phải cùng ngày hoặc sau ngày bắt đầu hiệu lực.'));
                  },
                }),
              ]}
            >
              <DatePicker format={DATE_FORMATS} placeholder="Không thời hạn" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8} />
          <Col span={8}>
            <Form.Item label="Quyết định công bố" name="decisionRef">
              <Input maxLength={LIMITS.decisionRef} placeholder="Ví dụ: 1234/QĐ-BTP" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="Ngày quyết định" name="decisionDate">
              <DatePicker format={DATE_FORMATS} placeholder="dd/mm/yyyy" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item label="Căn cứ pháp lý" name="legalBasis">
              <Input.TextArea rows={3} maxLength={LIMITS.legalBasis} />
            </Form.Item>
          </Col>
        </Row>
        <ProcedureFeesList />
        <ProcedureDocumentsList
          procedureId={detail?.id ?? null}
          templates={templates}
          onTemplate={(id, t) => setTemplates((prev) => ({ ...prev, [id]: t }))}
        />
      </Form>
    </Drawer>
  );
}
