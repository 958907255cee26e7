import { Button, Card, Descriptions, Space, Typography } from 'antd';
import { Link, Navigate, useNavigate } from 'react-router';
import { useSession } from '../../session';

export function AccountPage() {
  const { me, loading, logout } = useSession();
  const navigate = useNavigate();
  if (loading) return null;
  if (!me || me.audience !== 'citizen') return <Navigate to="/dang-nhap" replace />;
  if (me.mustChangePassword) return <Navigate to="/doi-mat-khau" replace />;
  return (
    <Card>
      <Typography.Title level={3}>Thông tin tài khoản</Typography.Title>
      <Descriptions column={1} bordered size="middle">
        <Descriptions.Item label="Họ và tên">{me.fullName}</Descriptions.Item>
        <Descriptions.Item label="Số điện thoại">{me.phone}</Descriptions.Item>
      </Descriptions>
      <Space style={{ marginTop: 16 }}>
        <Link to="/doi-mat-khau">
          <Button>Đổi mật khẩu</Button>
        </Link>
        <Button
          onClick={async () => {
            await logout();
            navigate('/');
          }}
        >
          Đăng xuất
        </Button>
      </Space>
    </Card>
  );
}
