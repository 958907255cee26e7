import { Card, Space, Typography } from 'antd';
import { Link } from 'react-router';
import { ButtonLink } from '../../components/ButtonLink';
import { PageHeading } from '../../components/PageHeading';

export function HomePage() {
  return (
    <Card>
      <PageHeading>Cổng Dịch vụ công</PageHeading>
      <Typography.Paragraph>
        Kết nối, cung cấp thông tin và dịch vụ công mọi lúc, mọi nơi. Đăng nhập bằng tài khoản Cổng Dịch vụ công để nộp và theo dõi
        hồ sơ thủ tục hành chính trực tuyến.
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">
        Chưa có tài khoản? <Link to="/dang-ky">Đăng ký</Link> trực tuyến, đăng nhập bằng VNeID, hoặc đến Bộ phận Một cửa gần nhất để cán bộ hỗ trợ
        tạo tài khoản. Tổng đài hỗ trợ: 1022.
      </Typography.Paragraph>
      <Space wrap>
        <ButtonLink to="/dang-nhap" type="primary" size="large">Đăng nhập</ButtonLink>
        <ButtonLink to="/quan-tri/dang-nhap" size="large">Đăng nhập cán bộ</ButtonLink>
      </Space>
    </Card>
  );
}
