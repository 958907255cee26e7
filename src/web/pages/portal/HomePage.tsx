// "Cổng Dịch vụ công": the portal's home page (issue 15), like dichvucong.gov.vn's — search a
// procedure, the most used ones, the catalogue by life event and by field, the year's public
// figures, and the sign-in buttons for a visitor not signed in.
import { Card, Space, Typography } from 'antd';
import { Link } from 'react-router';
import { ButtonLink } from '../../components/ButtonLink';
import { PageHeading } from '../../components/PageHeading';
import { ProcedureGroups, ProcedureMostUsed, ProcedurePublicFigures, ProcedureSearchBox } from '../../features/tracking/ProcedureHome';
import { useSession } from '../../session';

export function HomePage() {
  const { me } = useSession();
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card style={{ background: 'linear-gradient(135deg, #003a8c 0%, #0958d9 100%)', border: 0 }}>
        <PageHeading style={{ color: '#fff', marginTop: 0 }}>Cổng Dịch vụ công</PageHeading>
        <Typography.Paragraph style={{ color: '#fff', fontSize: 17 }}>Kết nối, cung cấp thông tin và dịch vụ công mọi lúc, mọi nơi.</Typography.Paragraph>
        <ProcedureSearchBox />
        {!me && (
          <Space wrap style={{ marginTop: 16 }}>
            <ButtonLink to="/dang-nhap" size="large">
              Đăng nhập
            </ButtonLink>
            <ButtonLink to="/quan-tri/dang-nhap" size="large" ghost>
              Đăng nhập cán bộ
            </ButtonLink>
          </Space>
        )}
      </Card>
      {!me && (
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          Chưa có tài khoản? <Link to="/dang-ky">Đăng ký</Link> trực tuyến, đăng nhập bằng VNeID, hoặc đến Bộ phận Một cửa gần nhất để cán bộ hỗ trợ tạo tài
          khoản. Tổng đài hỗ trợ: 1022.
        </Typography.Paragraph>
      )}
      <ProcedureMostUsed />
      <ProcedureGroups />
      <ProcedurePublicFigures />
    </Space>
  );
}
