// "Cổng Dịch vụ công": the portal's home page (issue 15), like dichvucong.gov.vn's — search a
// procedure, the most used ones, the catalogue by life event and by field, the year's public
// figures, and the sign-in buttons for a visitor not signed in. In the first download with the
// portal frame and without antd (ADR 0019): most visits start here, many on a 3G phone.
import { Link } from 'react-router';
import { PageHeading } from '../../components/PageHeading';
import { ProcedureGroups, ProcedureMostUsed, ProcedurePublicFigures, ProcedureSearchBox } from '../../features/tracking/ProcedureHome';
import { useSession } from '../../session';

export function HomePage() {
  const { me } = useSession();
  return (
    <div className="lite-home">
      <div className="lite-hero">
        <PageHeading style={{ color: '#fff', marginTop: 0 }}>Cổng Dịch vụ công</PageHeading>
        <p>Kết nối, cung cấp thông tin và dịch vụ công mọi lúc, mọi nơi.</p>
        <ProcedureSearchBox />
        {!me && (
          <div className="lite-hero-actions">
            <Link to="/dang-nhap" className="lite-button">
              Đăng nhập
            </Link>
            <Link to="/quan-tri/dang-nhap" className="lite-button lite-button-ghost">
              Đăng nhập cán bộ
            </Link>
          </div>
        )}
      </div>
      {!me && (
        <p className="lite-secondary" style={{ margin: 0 }}>
          Chưa có tài khoản? <Link to="/dang-ky">Đăng ký</Link> trực tuyến, đăng nhập bằng VNeID, hoặc đến Bộ phận Một cửa gần nhất để cán bộ hỗ trợ tạo tài
          khoản. Tổng đài hỗ trợ: 1022.
        </p>
      )}
      <ProcedureMostUsed />
      <ProcedureGroups />
      <ProcedurePublicFigures />
    </div>
  );
}
