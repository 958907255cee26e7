// The portal's frame: a skip link, the header with the main navigation (behind a "Menu" button
// on phones, in one row from 768 px), the page in <main>, the footer. Controls are 44 px high and
// text 16 px, so they are easy to touch and a phone does not zoom into a field.
import { MenuOutlined } from '@ant-design/icons';
import { ConfigProvider } from 'antd';
import { Suspense, useEffect, useState } from 'react';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { PageLoading } from '../../lazy-page';
import { useSession } from '../../session';

const PORTAL_THEME = { token: { controlHeight: 44, fontSize: 16 } };

export function PortalLayout() {
  const { me } = useSession();
  const { pathname } = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  // A new page starts at its top, with the menu folded.
  useEffect(() => {
    setMenuOpen(false);
    window.scrollTo(0, 0);
  }, [pathname]);
  const links: [string, string][] = [
    ['/thu-tuc', 'Thủ tục hành chính'],
    ['/tra-cuu-ho-so', 'Tra cứu hồ sơ'],
    ['/ho-tro', 'Hỗ trợ'],
    ...(me?.audience === 'citizen'
      ? ([
          ['/ho-so-cua-toi', 'Hồ sơ của tôi'],
          ['/kho-du-lieu', 'Kho dữ liệu'],
          ['/tai-khoan', me.fullName],
        ] as [string, string][])
      : ([
          ['/dang-ky', 'Đăng ký'],
          ['/dang-nhap', 'Đăng nhập'],
        ] as [string, string][])),
  ];
  return (
    <ConfigProvider theme={PORTAL_THEME}>
      <div className="portal">
        <a className="skip-link" href="#noi-dung">
          Bỏ qua menu, đến nội dung chính
        </a>
        <header className="portal-header">
          <div className="portal-header-bar">
            <Link to="/" className="portal-brand">
              Cổng Dịch vụ công
            </Link>
            <button
              type="button"
              className="portal-menu-button"
              aria-expanded={menuOpen}
              aria-controls="portal-nav"
              onClick={() => setMenuOpen((o) => !o)}
              onKeyDown={(e) => e.key === 'Escape' && setMenuOpen(false)}
            >
              <MenuOutlined aria-hidden /> Menu
            </button>
            <nav id="portal-nav" aria-label="Điều hướng chính" className={menuOpen ? 'portal-nav open' : 'portal-nav'}>
              <ul>
                {links.map(([to, label]) => (
                  <li key={to}>
                    <NavLink to={to}>{label}</NavLink>
                  </li>
                ))}
              </ul>
            </nav>
          </div>
        </header>
        <main id="noi-dung" tabIndex={-1} className="portal-main">
          <Suspense fallback={<PageLoading />}>
            <Outlet />
          </Suspense>
        </main>
        <footer className="portal-footer">
          Tổng đài hỗ trợ <a href="tel:1022">1022</a> · <Link to="/ho-tro">Hướng dẫn, hỗ trợ</Link> · Cổng Dịch vụ công
        </footer>
      </div>
    </ConfigProvider>
  );
}
