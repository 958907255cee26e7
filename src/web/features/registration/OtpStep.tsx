// "Đăng ký", step 2: the code sent to the phone ("Gửi lại OTP" when it does not arrive or has
// expired). Each write answers the registration at its next step.
import { Alert, Button, Form, Space, Typography } from 'antd';
import { useState } from 'react';
import { getRegistration, resendRegistrationOtp, verifyRegistration } from '../../../common/api/registration';
import { errorMessage } from '../../api';
import { OtpField, OtpTimerText, useOtpTimer } from '../../components/otp';
import { useApiMutation } from '../../data/hooks';
import { RegistrationSummary } from './RegistrationSummary';
import type { Registration } from './useRegistration';

type Props = { reg: Registration; fresh: boolean; onChange: (r: Registration) => void; onRestart: () => void };

export function OtpStep({ reg, fresh, onChange, onRestart }: Props) {
  const timer = useOtpTimer(reg.otp, { fresh });
  const [form] = Form.useForm<{ otp: string }>();
  const [notice, setNotice] = useState<string | null>(`Đã gửi mã OTP tới số ${reg.phone}.`);
  const resendOtp = useApiMutation(resendRegistrationOtp, { invalidates: [getRegistration] });
  const verify = useApiMutation(verifyRegistration, { invalidates: [getRegistration] });
  const failed = resendOtp.error ?? verify.error;

  const resend = async () => {
    verify.reset();
    try {
      const r = await resendOtp.mutateAsync({ params: { id: reg.id } });
      if (r.otp) timer.sent(r.otp);
      setNotice(`Đã gửi lại mã OTP tới số ${reg.phone}.`);
      form.resetFields();
      onChange(r);
    } catch {
      // Shown from the mutation's state.
    }
  };
  const submit = async (v: { otp: string }) => {
    resendOtp.reset();
    try {
      onChange(await verify.mutateAsync({ params: { id: reg.id }, body: { otp: v.otp.trim() } }));
    } catch {
      // Shown from the mutation's state.
    }
  };
  return (
    <>
      <RegistrationSummary reg={reg} />
      <Typography.Paragraph>Nhập mã OTP gồm 6 chữ số vừa được gửi tới số điện thoại của bạn (mã có hiệu lực trong 2 phút).</Typography.Paragraph>
      <OtpTimerText timer={timer} resendLabel="Gửi lại OTP" notice={notice} />
      {failed && <Alert role="alert" type="error" showIcon title={errorMessage(failed)} style={{ margin: '12px 0' }} />}
      <Form form={form} layout="vertical" onFinish={submit} style={{ marginTop: 12 }}>
        <OtpField autoFocus />
        <Space wrap>
          <Button type="primary" htmlType="submit" loading={verify.isPending}>
            Xác thực
          </Button>
          <Button onClick={resend} loading={resendOtp.isPending} disabled={timer.resendIn > 0}>
            Gửi lại OTP
          </Button>
          <Button type="link" onClick={onRestart}>
            Sửa thông tin đăng ký
          </Button>
        </Space>
      </Form>
    </>
  );
}
