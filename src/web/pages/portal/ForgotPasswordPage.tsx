import { Alert, Card, Typography } from 'antd';
import { Link } from 'react-router';

export function ForgotPasswordPage() {
  return (
    <Card style={{ maxWidth: 520, margin: '0 auto' }}>
      <Typography.Title level={3}>Quên mật khẩu</Typography.Title>
      <Alert
        type="info"
        showIcon
        title="Chức năng lấy lại mật khẩu qua mã OTP đang được hoàn thiện."
        description="Trong thời gian này, vui lòng đến Bộ phận Một cửa nơi tạo tài khoản hoặc gọi tổng đài 1022 để được hỗ trợ."
      />
      <Typography.Paragraph style={{ marginTop: 16 }}>
        <Link to="/dang-nhap">Quay lại trang đăng nhập</Link>
      </Typography.Paragraph>
    </Card>
  );
}
