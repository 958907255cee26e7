import { Alert, App, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { PasswordFields } from '../../components/PasswordFields';
import { api, ApiError } from '../../api';
import { useSession } from '../../session';

export function ChangePasswordPage() {
  const { me, loading, refresh } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const location = useLocation();
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const inAdmin = location.pathname.startsWith('/quan-tri');
  if (loading) return null;
  if (!me) return <Navigate to={inAdmin ? '/quan-tri/dang-nhap' : '/dang-nhap'} replace />;

  const submit = async (v: { currentPassword: string; newPassword: string }) => {
    setBusy(true);
    setError(null);
    try {
      await api.post('/api/auth/change-password', { currentPassword: v.currentPassword, newPassword: v.newPassword });
      await refresh();
      message.success('Đổi mật khẩu thành công.');
      navigate(inAdmin ? '/quan-tri' : '/tai-khoan');
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'Đã có lỗi xảy ra.');
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card style={{ maxWidth: 520, margin: '0 auto' }}>
      <Typography.Title level={3}>Đổi mật khẩu</Typography.Title>
      {me.mustChangePassword && (
        <Alert type="warning" showIcon title="Bạn cần đổi mật khẩu trước khi sử dụng tài khoản." style={{ marginBottom: 16 }} />
      )}
      {error && <Alert role="alert" type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item label="Mật khẩu hiện tại" name="currentPassword" rules={[{ required: true, message: 'Nhập mật khẩu hiện tại.' }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <PasswordFields form={form} context={{ fullName: me.fullName, username: me.username, phone: me.phone }} />
        <Button type="primary" htmlType="submit" loading={busy}>
          Đổi mật khẩu
        </Button>
      </Form>
    </Card>
  );
}
