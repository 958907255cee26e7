// "Quên mật khẩu", second step: the code sent to the registered phone ("Gửi lại OTP" for another)
// and the new password. An expired reset offers "Làm lại". Nothing here is read by a query.
import { Alert, Button, Form, Space } from 'antd';
import { useState } from 'react';
import { completePasswordReset, resendPasswordResetOtp } from '../../../common/api/auth';
import { errorMessage } from '../../api';
import { OtpField, OtpTimerText, useOtpTimer } from '../../components/otp';
import { PasswordFields } from '../../components/PasswordFields';
import { useApiMutation } from '../../data/hooks';
import type { ResetStarted } from './PasswordResetStart';

interface ResetValues {
  otp: string;
  newPassword: string;
  confirm: string;
}

export function PasswordResetComplete({ reset, onDone, onRestart }: { reset: ResetStarted; onDone: () => void; onRestart: () => void }) {
  const timer = useOtpTimer(reset, { fresh: true });
  const [form] = Form.useForm<ResetValues>();
  const [notice, setNotice] = useState<string | null>(null);
  const resendOtp = useApiMutation(resendPasswordResetOtp);
  const complete = useApiMutation(completePasswordReset);
  const failed = resendOtp.error ?? complete.error;

  const resend = async () => {
    complete.reset();
    try {
      timer.sent(await resendOtp.mutateAsync({ params: { id: reset.id } }));
      setNotice('Đã gửi lại mã OTP (nếu thông tin khớp với một tài khoản).');
      form.setFieldValue('otp', '');
    } catch {
      // Shown from the mutation's state.
    }
  };
  const submit = async (v: ResetValues) => {
    resendOtp.reset();
    try {
      await complete.mutateAsync({ params: { id: reset.id }, body: { otp: v.otp.trim(), newPassword: v.newPassword, newPasswordConfirm: v.confirm } });
      onDone();
    } catch {
      // Shown from the mutation's state.
    }
  };
  return (
    <>
      <Alert
        type="info"
        showIcon
        title="Nếu thông tin bạn nhập khớp với một tài khoản, mã OTP đã được gửi tới số điện thoại đã đăng ký của tài khoản đó."
        description="Không nhận được mã sau 1–2 phút? Kiểm tra lại thông tin đã nhập rồi nhấn Gửi lại OTP, hoặc gọi tổng đài 1022."
        style={{ marginBottom: 16 }}
      />
      <OtpTimerText timer={timer} resendLabel="Gửi lại OTP" notice={notice} />
      {failed && (
        <Alert
          role="alert"
          type="error"
          showIcon
          title={errorMessage(failed)}
          style={{ margin: '12px 0' }}
          action={failed.code === 'RESET_EXPIRED' ? <Button onClick={onRestart}>Làm lại</Button> : undefined}
        />
      )}
      <Form form={form} layout="vertical" onFinish={submit} style={{ marginTop: 12 }}>
        <OtpField />
        <PasswordFields form={form} />
        <Space wrap>
          <Button type="primary" htmlType="submit" loading={complete.isPending}>
            Đặt lại mật khẩu
          </Button>
          <Button onClick={resend} loading={resendOtp.isPending} disabled={timer.resendIn > 0}>
            Gửi lại OTP
          </Button>
        </Space>
      </Form>
    </>
  );
}
