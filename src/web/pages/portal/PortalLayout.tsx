// The portal's frame: a skip link, the header with the main navigation (behind a "Menu" button
// on phones, in one row from 768 px), the page in <main>, the footer. Controls are 44 px high and
// text 16 px, so they are easy to touch and a phone does not zoom into a field. No antd here: the
// frame and the login page show before the component library arrives (AntdRoot, issue 15).
import { Suspense, useEffect, useState, type ReactNode } from 'react';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { NotificationsNavLabel } from '../../features/notifications/NotificationsNavLabel';
import { PageLoading } from '../../lazy-page';
import { useSession } from '../../session';

export function PortalLayout() {
  const { me } = useSession();
  const { pathname } = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  // A new page starts at its top, with the menu folded.
  useEffect(() => {
    setMenuOpen(false);
    window.scrollTo(0, 0);
  }, [pathname]);
  const links: [string, ReactNode][] = [
    ['/thu-tuc', 'Thủ tục hành chính'],
    ['/tra-cuu-ho-so', 'Tra cứu hồ sơ'],
    ['/phan-anh-kien-nghi', 'Phản ánh, kiến nghị'],
    ['/ho-tro', 'Hỗ trợ'],
    ...(me?.audience === 'citizen'
      ? ([
          ['/ho-so-cua-toi', 'Hồ sơ của tôi'],
          ['/kho-du-lieu', 'Kho dữ liệu'],
          ['/thong-bao', <NotificationsNavLabel />],
          ['/tai-khoan', me.fullName],
        ] as [string, ReactNode][])
      : ([
          ['/dang-ky', 'Đăng ký'],
          ['/dang-nhap', 'Đăng nhập'],
        ] as [string, string][])),
  ];
  return (
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
            <MenuIcon /> Menu
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
  );
}

/** Three bars (antd's MenuOutlined, drawn here so that the frame needs no icon library). */
function MenuIcon() {
  return (
    <svg aria-hidden="true" focusable="false" width="1em" height="1em" viewBox="0 0 16 16" fill="currentColor">
      <rect x="1" y="3" width="14" height="1.6" rx="0.8" />
      <rect x="1" y="7.2" width="14" height="1.6" rx="0.8" />
      <rect x="1" y="11.4" width="14" height="1.6" rx="0.8" />
    </svg>
  );
}
