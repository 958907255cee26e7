// "Quên mật khẩu": an OTP to the account's registered phone, then a new password. The page says
// the same thing whether or not the identifier has an account.
import { Card, Result, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { PasswordResetComplete } from '../../features/account/PasswordResetComplete';
import { PasswordResetStart, type ResetStarted } from '../../features/account/PasswordResetStart';
import { ButtonLink } from '../../components/ButtonLink';
import { PageHeading } from '../../components/PageHeading';

export function ForgotPasswordPage() {
  const [reset, setReset] = useState<ResetStarted | null>(null);
  const [done, setDone] = useState(false);
  if (done) {
    return (
      <Card style={{ maxWidth: 560, margin: '0 auto' }}>
        <Result
          status="success"
          title="Đặt lại mật khẩu thành công"
          subTitle="Mọi phiên đăng nhập cũ của tài khoản đã kết thúc. Hãy đăng nhập bằng mật khẩu mới."
          extra={
            <ButtonLink to="/dang-nhap" type="primary">Đăng nhập</ButtonLink>
          }
        />
      </Card>
    );
  }
  return (
    <Card style={{ maxWidth: 560, margin: '0 auto' }}>
      <PageHeading>Quên mật khẩu</PageHeading>
      {reset ? (
        <PasswordResetComplete reset={reset} onDone={() => setDone(true)} onRestart={() => setReset(null)} />
      ) : (
        <PasswordResetStart onStarted={setReset} />
      )}
      <Typography.Paragraph style={{ marginTop: 16 }}>
        <Link to="/dang-nhap">Quay lại trang đăng nhập</Link> · <Link to="/ho-tro">Hướng dẫn, hỗ trợ</Link>
      </Typography.Paragraph>
    </Card>
  );
}
