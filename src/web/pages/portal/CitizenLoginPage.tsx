import { Space, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { useSession } from '../../session';
import { LoginForm } from '../LoginForm';

export function CitizenLoginPage() {
  const navigate = useNavigate();
  const { refresh } = useSession();
  return (
    <LoginForm
      title="Đăng nhập"
      audience="citizen"
      loginLabel="Số CMND/CCCD hoặc số điện thoại"
      onDone={async (mustChange) => {
        await refresh();
        navigate(mustChange ? '/doi-mat-khau' : '/tai-khoan');
      }}
      footer={
        <Space orientation="vertical" style={{ marginTop: 16 }}>
          <Typography.Text type="secondary">Đăng nhập bằng tài khoản cấp bởi Cổng Dịch vụ công.</Typography.Text>
          <Link to="/quen-mat-khau">Quên mật khẩu</Link>
        </Space>
      }
    />
  );
}
