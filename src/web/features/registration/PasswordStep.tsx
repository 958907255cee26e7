// "Đăng ký", step 3: Mật khẩu + Nhập lại mật khẩu → "Đăng ký" creates the account. An expired
// registration offers "Đăng ký lại".
import { Alert, Button, Form } from 'antd';
import { completeRegistration, getRegistration } from '../../../common/api/registration';
import { errorMessage } from '../../api';
import { PasswordFields } from '../../components/PasswordFields';
import { useApiMutation } from '../../data/hooks';
import { RegistrationSummary } from './RegistrationSummary';
import type { Registration } from './useRegistration';

export function PasswordStep({ reg, onChange, onRestart }: { reg: Registration; onChange: (r: Registration) => void; onRestart: () => void }) {
  const [form] = Form.useForm<{ password: string; passwordConfirm: string }>();
  const complete = useApiMutation(completeRegistration, { invalidates: [getRegistration] });
  const submit = async (v: { password: string; passwordConfirm: string }) => {
    try {
      onChange(await complete.mutateAsync({ params: { id: reg.id }, body: v }));
    } catch {
      // Shown from the mutation's state.
    }
  };
  const failed = complete.error;
  return (
    <>
      <RegistrationSummary reg={reg} />
      <Alert type="success" showIcon title="Đã xác thực số điện thoại." style={{ marginBottom: 16 }} />
      {failed && (
        <Alert
          role="alert"
          type="error"
          showIcon
          title={errorMessage(failed)}
          style={{ marginBottom: 16 }}
          action={failed.code === 'REGISTRATION_EXPIRED' ? <Button onClick={onRestart}>Đăng ký lại</Button> : undefined}
        />
      )}
      <Form form={form} layout="vertical" onFinish={submit}>
        <PasswordFields
          form={form}
          name="password"
          label="Mật khẩu"
          confirmName="passwordConfirm"
          confirmLabel="Nhập lại mật khẩu"
          context={{ fullName: reg.fullName, idNumber: reg.idNumber, phone: reg.phone, email: reg.email, birthDate: reg.birthDate, other: [reg.representativeName] }}
        />
        <Button type="primary" htmlType="submit" loading={complete.isPending}>
          Đăng ký
        </Button>
      </Form>
    </>
  );
}
