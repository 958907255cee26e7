import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { api, ApiError } from '../api';

interface Props {
  title: string;
  audience: 'officer' | 'citizen';
  loginLabel: string;
  onDone: (mustChangePassword: boolean) => Promise<void> | void;
  footer?: ReactNode;
}

/** Đăng nhập, shared by the citizen portal and the back office. */
export function LoginForm({ title, audience, loginLabel, onDone, footer }: Props) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // After many wrong passwords, a browser the account does not know must also give the code the
  // server texted to the account's phone (LOGIN_CODE_REQUIRED, ADR 0012).
  const [challenge, setChallenge] = useState<{ id: string; notice: string } | null>(null);
  const [form] = Form.useForm<{ login: string; password: string; code?: string }>();
  const submit = async (v: { login: string; password: string; code?: string }, opts: { newCode?: boolean } = {}) => {
    setBusy(true);
    setError(null);
    const answer = challenge && !opts.newCode && v.code ? { challengeId: challenge.id, code: v.code.trim() } : {};
    try {
      const r = await api.post<{ mustChangePassword: boolean }>('/api/auth/login', { audience, login: v.login, password: v.password, ...answer });
      await onDone(r.mustChangePassword);
    } catch (err) {
      if (err instanceof ApiError && (err.code === 'LOGIN_CODE_REQUIRED' || err.code === 'LOGIN_CODE_INVALID') && typeof err.details?.challengeId === 'string') {
        if (err.code === 'LOGIN_CODE_REQUIRED') {
          setChallenge({ id: err.details.challengeId, notice: err.message });
          form.setFieldValue('code', '');
        } else {
          setError(err.message);
        }
      } else {
        setError(err instanceof ApiError ? err.message : 'Đã có lỗi xảy ra.');
      }
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card style={{ maxWidth: 440, margin: '0 auto' }}>
      <Typography.Title level={3}>{title}</Typography.Title>
      {error && <Alert role="alert" type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      {challenge && <Alert type="info" showIcon title={challenge.notice} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={(v) => submit(v)} requiredMark={false}>
        <Form.Item label={loginLabel} name="login" rules={[{ required: true, message: `Nhập ${loginLabel.toLowerCase()}.` }]}>
          <Input autoComplete="username" autoFocus />
        </Form.Item>
        <Form.Item label="Mật khẩu" name="password" rules={[{ required: true, message: 'Nhập mật khẩu.' }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        {challenge && (
          <Form.Item
            label="Mã xác thực"
            name="code"
            rules={[{ required: true, pattern: /^\s*\d{6}\s*$/, message: 'Nhập mã xác thực gồm 6 chữ số đã gửi tới điện thoại.' }]}
            extra={
              <Button
                type="link"
                style={{ paddingInline: 0 }}
                disabled={busy}
                onClick={() => void form.validateFields(['login', 'password']).then((v) => submit(v, { newCode: true }))}
              >
                Gửi lại mã
              </Button>
            }
          >
            <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} autoFocus />
          </Form.Item>
        )}
        <Button type="primary" htmlType="submit" block loading={busy}>
          Đăng nhập
        </Button>
      </Form>
      {footer}
    </Card>
  );
}

/** Above the form when a page sent the user here: why (the session ended, or sign-in is needed). */
export function SignInNotice({ expired, audience }: { expired: boolean; audience: 'officer' | 'citizen' }) {
  const ended =
    audience === 'officer'
      ? 'Phiên làm việc đã hết hạn hoặc đã kết thúc. Vui lòng đăng nhập lại để tiếp tục công việc.'
      : 'Phiên đăng nhập đã hết hạn hoặc đã kết thúc. Vui lòng đăng nhập lại để tiếp tục.';
  return (
    <Alert
      role="status"
      type={expired ? 'warning' : 'info'}
      showIcon
      title={expired ? ended : 'Bạn cần đăng nhập để tiếp tục.'}
      style={{ maxWidth: 440, margin: '0 auto 16px' }}
    />
  );
}
