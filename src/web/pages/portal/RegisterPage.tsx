// "Đăng ký" (seed 004 PL1 Bước 1–5): the form, an OTP to the phone ("Gửi lại OTP" when it does
// not arrive or has expired), then Mật khẩu + Nhập lại mật khẩu → "Đăng ký". A reload resumes
// where the citizen was (the registration id is kept for this browser tab).
import { Card, Steps, Typography } from 'antd';
import { Link } from 'react-router';
import { InfoStep } from '../../features/registration/InfoStep';
import { OtpStep } from '../../features/registration/OtpStep';
import { PasswordStep } from '../../features/registration/PasswordStep';
import { RegistrationDone } from '../../features/registration/RegistrationDone';
import { useRegistration } from '../../features/registration/useRegistration';
import { PageHeading } from '../../components/PageHeading';

export function RegisterPage() {
  const { reg, loading, fresh, update } = useRegistration();
  if (loading) return null;
  const step = !reg ? 0 : reg.status === 'pending' ? 1 : reg.status === 'verified' ? 2 : 3;
  return (
    <Card style={{ maxWidth: 640, margin: '0 auto' }}>
      <PageHeading>Đăng ký tài khoản</PageHeading>
      <Steps
        size="small"
        current={step}
        style={{ marginBottom: 24 }}
        items={[{ title: 'Thông tin tài khoản' }, { title: 'Xác thực OTP' }, { title: 'Đặt mật khẩu' }, { title: 'Hoàn thành' }]}
      />
      {step === 0 && <InfoStep onStarted={update} />}
      {step === 1 && reg && <OtpStep reg={reg} fresh={fresh} onChange={update} onRestart={() => update(null)} />}
      {step === 2 && reg && <PasswordStep reg={reg} onChange={update} onRestart={() => update(null)} />}
      {step === 3 && reg && <RegistrationDone reg={reg} />}
      {step === 0 && (
        <Typography.Paragraph style={{ marginTop: 16 }}>
          Đã có tài khoản? <Link to="/dang-nhap">Đăng nhập</Link> · <Link to="/ho-tro">Hướng dẫn, hỗ trợ</Link>
        </Typography.Paragraph>
      )}
    </Card>
  );
}
