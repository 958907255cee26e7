// "Quên mật khẩu": an OTP to the account's registered phone, then a new password. The page says
// the same thing whether or not the identifier has an account.
import { Alert, Button, Card, Form, Input, Result, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, errorMessage, type ResetStarted } from '../../api';
import { OtpField, OtpTimerText, useOtpTimer } from '../../components/otp';
import { PasswordFields } from '../../components/PasswordFields';

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
            <Link to="/dang-nhap">
              <Button type="primary">Đăng nhập</Button>
            </Link>
          }
        />
      </Card>
    );
  }
  return (
    <Card style={{ maxWidth: 560, margin: '0 auto' }}>
      <Typography.Title level={3}>Quên mật khẩu</Typography.Title>
      {reset ? <NewPassword reset={reset} onDone={() => setDone(true)} onRestart={() => setReset(null)} /> : <Start onStarted={setReset} />}
      <Typography.Paragraph style={{ marginTop: 16 }}>
        <Link to="/dang-nhap">Quay lại trang đăng nhập</Link> · <Link to="/ho-tro">Hướng dẫn, hỗ trợ</Link>
      </Typography.Paragraph>
    </Card>
  );
}

function Start({ onStarted }: { onStarted: (r: ResetStarted) => void }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (v: { login: string }) => {
    setBusy(true);
    setError(null);
    try {
      onStarted(await api.post<ResetStarted>('/api/auth/password-resets', { login: v.login }));
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Typography.Paragraph>Nhập số CMND/CCCD, mã số thuế hoặc số điện thoại của tài khoản. Mã OTP sẽ được gửi tới số điện thoại đã đăng ký.</Typography.Paragraph>
      {error && <Alert role="alert" type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form layout="vertical" onFinish={submit}>
        <Form.Item label="Số CMND/CCCD, mã số thuế hoặc số điện thoại" name="login" rules={[{ required: true, whitespace: true, message: 'Nhập số CMND/CCCD, mã số thuế hoặc số điện thoại.' }]}>
          <Input autoComplete="username" autoFocus />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          Gửi mã OTP
        </Button>
      </Form>
    </>
  );
}

interface ResetValues {
  otp: string;
  newPassword: string;
  confirm: string;
}

function NewPassword({ reset, onDone, onRestart }: { reset: ResetStarted; onDone: () => void; onRestart: () => void }) {
  const timer = useOtpTimer(reset, { fresh: true });
  const [form] = Form.useForm<ResetValues>();
  const [error, setError] = useState<{ code: string; text: string } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState<'save' | 'resend' | null>(null);
  const resend = async () => {
    setBusy('resend');
    setError(null);
    try {
      timer.sent(await api.post<ResetStarted>(`/api/auth/password-resets/${reset.id}/otp`));
      setNotice('Đã gửi lại mã OTP (nếu thông tin khớp với một tài khoản).');
      form.setFieldValue('otp', '');
    } catch (err) {
      setError({ code: (err as { code?: string }).code ?? '', text: errorMessage(err) });
    } finally {
      setBusy(null);
    }
  };
  const submit = async (v: ResetValues) => {
    setBusy('save');
    setError(null);
    try {
      await api.post(`/api/auth/password-resets/${reset.id}/complete`, { otp: v.otp.trim(), newPassword: v.newPassword, newPasswordConfirm: v.confirm });
      onDone();
    } catch (err) {
      setError({ code: (err as { code?: string }).code ?? '', text: errorMessage(err) });
    } finally {
      setBusy(null);
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
      {error && (
        <Alert
          role="alert"
          type="error"
          showIcon
          title={error.text}
          style={{ margin: '12px 0' }}
          action={error.code === 'RESET_EXPIRED' ? <Button onClick={onRestart}>Làm lại</Button> : undefined}
        />
      )}
      <Form form={form} layout="vertical" onFinish={submit} style={{ marginTop: 12 }}>
        <OtpField />
        <PasswordFields form={form} />
        <Space wrap>
          <Button type="primary" htmlType="submit" loading={busy === 'save'}>
            Đặt lại mật khẩu
          </Button>
          <Button onClick={resend} loading={busy === 'resend'} disabled={timer.resendIn > 0}>
            Gửi lại OTP
          </Button>
        </Space>
      </Form>
    </>
  );
}
