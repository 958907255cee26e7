import { Layout, Space, Typography } from 'antd';
import { Link, Outlet } from 'react-router';
import { useSession } from '../../session';

export function PortalLayout() {
  const { me } = useSession();
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ background: '#0b5394', display: 'flex', alignItems: 'center', justifyContent: 'space-between' }}>
        <Link to="/" style={{ color: '#fff', fontSize: 20, fontWeight: 700 }}>
          Cổng Dịch vụ công
        </Link>
        <Space size="large">
          <Link to="/thu-tuc" style={{ color: '#fff' }}>
            Thủ tục hành chính
          </Link>
          <Link to="/tra-cuu-ho-so" style={{ color: '#fff' }}>
            Tra cứu hồ sơ
          </Link>
          <Link to="/ho-tro" style={{ color: '#fff' }}>
            Hỗ trợ
          </Link>
          {me?.audience === 'citizen' ? (
            <>
              <Link to="/ho-so-cua-toi" style={{ color: '#fff' }}>
                Hồ sơ của tôi
              </Link>
              <Link to="/kho-du-lieu" style={{ color: '#fff' }}>
                Kho dữ liệu
              </Link>
              <Link to="/tai-khoan" style={{ color: '#fff' }}>
                {me.fullName}
              </Link>
            </>
          ) : (
            <>
              <Link to="/dang-ky" style={{ color: '#fff' }}>
                Đăng ký
              </Link>
              <Link to="/dang-nhap" style={{ color: '#fff' }}>
                Đăng nhập
              </Link>
            </>
          )}
        </Space>
      </Layout.Header>
      <Layout.Content style={{ padding: '32px 16px', maxWidth: 960, width: '100%', margin: '0 auto' }}>
        <Outlet />
      </Layout.Content>
      <Layout.Footer style={{ textAlign: 'center' }}>
        <Typography.Text type="secondary">
          Tổng đài hỗ trợ <a href="tel:1022">1022</a> · <Link to="/ho-tro">Hướng dẫn, hỗ trợ</Link> · Cổng Dịch vụ công
        </Typography.Text>
      </Layout.Footer>
    </Layout>
  );
}
