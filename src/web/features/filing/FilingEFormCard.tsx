// The procedure's e-form, prefilled: whether the population database answered, and which values
// came from it (locked when verified).
import { Alert, Card, Form, type FormInstance } from 'antd';
import { EFormFields } from '../../components/EFormFields';
import type { FilingStart } from './useFilingStart';

export const POPULATION_UNAVAILABLE = 'Không kết nối được CSDL quốc gia về dân cư; vui lòng tự nhập thông tin.';

export function FilingEFormCard({ start, form, onChange }: { start: FilingStart; form: FormInstance; onChange: () => void }) {
  const { procedure, prefill } = start;
  return (
    <Card size="small" title={procedure.form.title}>
      {!prefill.populationAvailable && <Alert type="warning" showIcon title={POPULATION_UNAVAILABLE} style={{ marginBottom: 16 }} />}
      {prefill.populationAvailable && Object.keys(prefill.provenance).length > 0 && (
        <Alert
          type="info"
          showIcon
          title="Một số thông tin đã được điền sẵn từ CSDL quốc gia về dân cư và tài khoản của bạn."
          description="Thông tin có biểu tượng ổ khóa đã được xác thực nên không sửa được; các thông tin khác bạn có thể sửa nếu chưa đúng."
          style={{ marginBottom: 16 }}
        />
      )}
      <Form form={form} name="filing-eform" layout="vertical" onValuesChange={onChange} scrollToFirstError>
        <EFormFields form={procedure.form} provenance={prefill.provenance} />
      </Form>
    </Card>
  );
}
