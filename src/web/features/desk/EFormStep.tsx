// Step 3 of desk reception: the procedure's e-form, prefilled from the population database and the
// citizen's account, completed with the citizen. The caller owns the form, so what was typed stays
// while the officer moves between steps.
import { Alert, Button, Card, Form, Space, type FormInstance } from 'antd';
import { EFormFields } from '../../components/EFormFields';
import type { DeskStart } from './desk-types';

export function EFormStep({ form, start, onBack, onNext }: { form: FormInstance; start: DeskStart | null; onBack: () => void; onNext: () => void }) {
  return (
    <Card size="small" title={start?.procedure.form?.title ?? 'Tờ khai'}>
      {start && !start.prefill.populationAvailable && (
        <Alert type="warning" showIcon title="Không kết nối được CSDL quốc gia về dân cư; nhập thông tin theo giấy tờ của công dân." style={{ marginBottom: 16 }} />
      )}
      {start?.prefill.populationAvailable && Object.keys(start.prefill.provenance).length > 0 && (
        <Alert
          type="info"
          showIcon
          title="Một số thông tin đã được điền sẵn từ CSDL quốc gia về dân cư và tài khoản của công dân."
          description="Thông tin có biểu tượng ổ khóa đã được xác thực nên không sửa được; cùng công dân kiểm tra và nhập các thông tin còn lại."
          style={{ marginBottom: 16 }}
        />
      )}
      <Form form={form} name="desk-eform" layout="vertical" scrollToFirstError>
        {start?.procedure.form && <EFormFields form={start.procedure.form} provenance={start.prefill.provenance} />}
      </Form>
      <Space>
        <Button onClick={onBack}>Quay lại</Button>
        <Button
          type="primary"
          onClick={async () => {
            try {
              await form.validateFields();
              onNext();
            } catch {
              /* the fields show what is wrong */
            }
          }}
        >
          Tiếp tục
        </Button>
      </Space>
    </Card>
  );
}
