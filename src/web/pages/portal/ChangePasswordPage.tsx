import { Alert, App, Button, Card, Form, Input } from 'antd';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { PasswordFields } from '../../components/PasswordFields';
import { changePassword } from '../../../common/api/auth';
import { ApiError } from '../../api';
import { useApiMutation } from '../../data/hooks';
import { useSession } from '../../session';
import { PageHeading, ADMIN_SITE, PORTAL_SITE } from '../../components/PageHeading';

export function ChangePasswordPage() {
  const { me, loading, refresh } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const location = useLocation();
  const [form] = Form.useForm();
  // Changes only the session's "must change the password" (read again through the session): no
  // query reads it.
  const change = useApiMutation(changePassword);
  const inAdmin = location.pathname.startsWith('/quan-tri');
  const site = inAdmin ? ADMIN_SITE : PORTAL_SITE;
  if (loading) return null;
  if (!me) return <Navigate to={inAdmin ? '/quan-tri/dang-nhap' : '/dang-nhap'} replace />;

  const submit = async (v: { currentPassword: string; newPassword: string }) => {
    try {
      await change.mutateAsync({ body: { currentPassword: v.currentPassword, newPassword: v.newPassword } });
    } catch {
      return; // Shown from the mutation's state.
    }
    await refresh();
    message.success('Đổi mật khẩu thành công.');
    navigate(inAdmin ? '/quan-tri' : '/tai-khoan');
  };
  const error = change.error ? (change.error instanceof ApiError ? change.error.message : 'Đã có lỗi xảy ra.') : null;
  return (
    <Card style={{ maxWidth: 520, margin: '0 auto' }}>
      <PageHeading site={site}>Đổi mật khẩu</PageHeading>
      {me.mustChangePassword && (
        <Alert type="warning" showIcon title="Bạn cần đổi mật khẩu trước khi sử dụng tài khoản." style={{ marginBottom: 16 }} />
      )}
      {error && <Alert role="alert" type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item label="Mật khẩu hiện tại" name="currentPassword" rules={[{ required: true, message: 'Nhập mật khẩu hiện tại.' }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <PasswordFields form={form} context={{ fullName: me.fullName, username: me.username, phone: me.phone }} />
        {/* Still busy once changed: the session is read again and the page moves on. */}
        <Button type="primary" htmlType="submit" loading={change.isPending || change.isSuccess}>
          Đổi mật khẩu
        </Button>
      </Form>
    </Card>
  );
}
