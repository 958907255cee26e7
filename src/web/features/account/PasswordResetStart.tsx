// "Quên mật khẩu", first step: the identifier of the account. The answer (the reset under way, the
// same whether or not the identifier has an account) is the next step.
import { Alert, Button, Form, Input, Typography } from 'antd';
import { startPasswordReset } from '../../../common/api/auth';
import type { Reply } from '../../../common/api/contract';
import { errorMessage } from '../../api';
import { useApiMutation } from '../../data/hooks';

export type ResetStarted = Reply<typeof startPasswordReset>;

export function PasswordResetStart({ onStarted }: { onStarted: (r: ResetStarted) => void }) {
  const start = useApiMutation(startPasswordReset);
  const submit = async (v: { login: string }) => {
    try {
      onStarted(await start.mutateAsync({ body: { login: v.login } }));
    } catch {
      // Shown from the mutation's state.
    }
  };
  return (
    <>
      <Typography.Paragraph>Nhập số CMND/CCCD, mã số thuế hoặc số điện thoại của tài khoản. Mã OTP sẽ được gửi tới số điện thoại đã đăng ký.</Typography.Paragraph>
      {start.error && <Alert role="alert" type="error" showIcon title={errorMessage(start.error)} style={{ marginBottom: 16 }} />}
      <Form layout="vertical" onFinish={submit}>
        <Form.Item label="Số CMND/CCCD, mã số thuế hoặc số điện thoại" name="login" rules={[{ required: true, whitespace: true, message: 'Nhập số CMND/CCCD, mã số thuế hoặc số điện thoại.' }]}>
          <Input autoComplete="username" autoFocus />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={start.isPending}>
          Gửi mã OTP
        </Button>
      </Form>
    </>
  );
}
