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
  const submit = async (v: { login: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      const r = await api.post<{ mustChangePassword: boolean }>('/api/auth/login', { audience, login: v.login, password: v.password });
      await onDone(r.mustChangePassword);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'Đã có lỗi xảy ra.');
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card style={{ maxWidth: 440, margin: '0 auto' }}>
      <Typography.Title level={3}>{title}</Typography.Title>
      {error && <Alert role="alert" type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item label={loginLabel} name="login" rules={[{ required: true, message: `Nhập ${loginLabel.toLowerCase()}.` }]}>
          <Input autoComplete="username" autoFocus />
        </Form.Item>
        <Form.Item label="Mật khẩu" name="password" rules={[{ required: true, message: 'Nhập mật khẩu.' }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy}>
          Đăng nhập
        </Button>
      </Form>
      {footer}
    </Card>
  );
}
