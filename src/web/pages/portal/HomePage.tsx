import { Button, Card, Space, Typography } from 'antd';
import { Link } from 'react-router';

export function HomePage() {
  return (
    <Card>
      <Typography.Title level={2}>Cổng Dịch vụ công</Typography.Title>
      <Typography.Paragraph>
        Kết nối, cung cấp thông tin và dịch vụ công mọi lúc, mọi nơi. Đăng nhập bằng tài khoản Cổng Dịch vụ công để nộp và theo dõi
        hồ sơ thủ tục hành chính trực tuyến.
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">
        Chưa có tài khoản? <Link to="/dang-ky">Đăng ký</Link> trực tuyến, đăng nhập bằng VNeID, hoặc đến Bộ phận Một cửa gần nhất để cán bộ hỗ trợ
        tạo tài khoản. Tổng đài hỗ trợ: 1022.
      </Typography.Paragraph>
      <Space wrap>
        <Link to="/dang-nhap">
          <Button type="primary" size="large">
            Đăng nhập
          </Button>
        </Link>
        <Link to="/quan-tri/dang-nhap">
          <Button size="large">Đăng nhập cán bộ</Button>
        </Link>
      </Space>
    </Card>
  );
}
