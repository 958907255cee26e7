import { Breadcrumb, Button, Layout, Menu, Result, Space, Spin, Typography } from 'antd';
import { ADMIN_SITE, PageHeading } from '../../components/PageHeading';
import { Suspense } from 'react';
import { PageLoading } from '../../lazy-page';
import { DOSSIER_ROLE_PERMISSIONS } from '../../../common/permissions';
import type { MenuProps } from 'antd';
import { Link, Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { canManageCatalogue } from '../../../common/procedure-catalogue';
import { useSession } from '../../session';

export const SCREENS: Record<string, string> = {
  '/quan-tri': 'Trang chủ',
  '/quan-tri/quan-ly-nguoi-dung': 'Quản lý người dùng',
  '/quan-tri/nhap-danh-sach-can-bo': 'Nhập danh sách cán bộ',
  '/quan-tri/co-quan-don-vi': 'Quản lý cơ quan/đơn vị',
  '/quan-tri/bao-cao-thang': 'Báo cáo tài khoản theo tháng',
  '/quan-tri/nhat-ky': 'Nhật ký hệ thống',
  '/quan-tri/thu-tuc-hanh-chinh': 'Danh mục thủ tục',
  '/quan-tri/tao-tai-khoan-cong-dan': 'Tạo tài khoản công dân',
  '/quan-tri/tiep-nhan-truc-tiep': 'Tiếp nhận trực tiếp',
  '/quan-tri/ho-so-cho-tiep-nhan': 'Hồ sơ chờ tiếp nhận',
  '/quan-tri/ho-so-can-xu-ly': 'Hồ sơ cần xử lý',
  '/quan-tri/phan-anh-kien-nghi': 'Phản ánh, kiến nghị',
  '/quan-tri/ho-so': 'Chi tiết hồ sơ',
  '/quan-tri/doi-mat-khau': 'Đổi mật khẩu',
};

const item = (path: string) => ({ key: path, label: <Link to={path}>{SCREENS[path]}</Link> });

/** What an officer may open, from their permissions: the menu and the home page show only these. */
export function screensFor(permissions: readonly string[]) {
  const has = (codes: readonly string[]) => codes.some((c) => permissions.includes(c));
  const admin = has(ADMIN_PERMISSIONS);
  return {
    desk: has(['DESK_RECEIVE', 'POSTAL_DESK']),
    work: has(DOSSIER_ROLE_PERMISSIONS),
    feedback: has(['FEEDBACK_ANSWER']),
    admin,
    citizenAccounts: has(['CITIZEN_ACCOUNT_CREATE']),
    catalogue: canManageCatalogue(permissions),
  };
}

const ADMIN_PERMISSIONS = ['HIGH_ADMIN', 'LEVEL1_ADMIN', 'ADMIN_CUC_KSTTHC'];

type Can = ReturnType<typeof screensFor>;
/** Which of `screensFor` a screen needs (screens not named here are open to every officer). */
const NEEDS: Record<string, keyof Can> = {
  '/quan-tri/quan-ly-nguoi-dung': 'admin',
  '/quan-tri/nhap-danh-sach-can-bo': 'admin',
  '/quan-tri/co-quan-don-vi': 'admin',
  '/quan-tri/bao-cao-thang': 'admin',
  '/quan-tri/nhat-ky': 'admin',
  '/quan-tri/tao-tai-khoan-cong-dan': 'citizenAccounts',
  '/quan-tri/thu-tuc-hanh-chinh': 'catalogue',
  '/quan-tri/tiep-nhan-truc-tiep': 'desk',
  '/quan-tri/ho-so-cho-tiep-nhan': 'desk',
  '/quan-tri/ho-so-can-xu-ly': 'work',
  '/quan-tri/phan-anh-kien-nghi': 'feedback',
};

/** Whether an officer with `can` may use the screen at `path` (screens missing from NEEDS: every officer). */
export function mayUse(can: Can, path: string): boolean {
  const need = NEEDS[path];
  return !need || can[need];
}

const DESK_SCREENS = ['/quan-tri/tiep-nhan-truc-tiep', '/quan-tri/ho-so-cho-tiep-nhan', '/quan-tri/ho-so-can-xu-ly'];
const SYSTEM_SCREENS = [
  '/quan-tri/quan-ly-nguoi-dung',
  '/quan-tri/nhap-danh-sach-can-bo',
  '/quan-tri/co-quan-don-vi',
  '/quan-tri/tao-tai-khoan-cong-dan',
  '/quan-tri/bao-cao-thang',
  '/quan-tri/nhat-ky',
  '/quan-tri/thu-tuc-hanh-chinh',
];

// Only screens the officer can use (the server refuses the others anyway): a specialist or a
// leader sees no desk screens, nobody sees a screen that does not exist yet.
function menu(permissions: readonly string[]): MenuProps['items'] {
  const can = screensFor(permissions);
  const desk = DESK_SCREENS.filter((p) => mayUse(can, p));
  const system = SYSTEM_SCREENS.filter((p) => mayUse(can, p));
  return [
    item('/quan-tri'),
    // The one-stop desk for desk officers, the work list for officers with a dossier role (the server
    // refuses the others and limits both to the agencies their units serve; ADR 0015).
    ...(desk.length ? [{ type: 'group' as const, label: 'MỘT CỬA', children: desk.map(item) }] : []),
    // Citizens' feedback for the officers who answer it (FEEDBACK_ANSWER).
    ...(can.feedback ? [{ type: 'group' as const, label: 'PHẢN ÁNH, KIẾN NGHỊ', children: [item('/quan-tri/phan-anh-kien-nghi')] }] : []),
    ...(system.length ? [{ type: 'group' as const, label: 'QUẢN TRỊ', children: [{ key: 'he-thong', label: 'Quản trị hệ thống', children: system.map(item) }] }] : []),
  ];
}

export function AdminLayout() {
  const { me, loading, logout } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  if (loading) return <Spin fullscreen />;
  if (!me || me.audience !== 'officer') {
    const here = location.pathname + location.search;
    return <Navigate to={here.startsWith('/quan-tri/') ? `/quan-tri/dang-nhap?next=${encodeURIComponent(here)}` : '/quan-tri/dang-nhap'} replace />;
  }
  if (me.mustChangePassword && location.pathname !== '/quan-tri/doi-mat-khau') return <Navigate to="/quan-tri/doi-mat-khau" replace />;
  const section = Object.keys(SCREENS)
    .filter((p) => p !== '/quan-tri' && location.pathname.startsWith(p))
    .sort((a, b) => b.length - a.length)[0];
  const current = section ?? '/quan-tri';
  // An address the officer cannot use shows only the refusal, not an empty screen of errors (the
  // server refuses its reads and writes anyway).
  const refused = !!section && !mayUse(screensFor(me.permissions), section);
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <a className="skip-link" href="#noi-dung">
        Bỏ qua menu, đến nội dung chính
      </a>
      <Layout.Header style={{ background: '#0b5394', display: 'flex', alignItems: 'center', justifyContent: 'space-between', paddingInline: 24 }}>
        <div style={{ lineHeight: 1.3 }}>
          <div style={{ color: '#fff', fontSize: 18, fontWeight: 700 }}>Cổng Dịch vụ công Quốc Gia</div>
          <div style={{ color: '#d6e4f5', fontSize: 12 }}>Kết nối, cung cấp thông tin và dịch vụ công mọi lúc, mọi nơi</div>
        </div>
        <Space>
          <Typography.Text style={{ color: '#fff' }}>{me.fullName}</Typography.Text>
          <Button
            size="small"
            onClick={async () => {
              await logout();
              navigate('/quan-tri/dang-nhap');
            }}
          >
            Đăng xuất
          </Button>
        </Space>
      </Layout.Header>
      <Layout>
        <Layout.Sider width={260} theme="light" breakpoint="lg" collapsedWidth={0}>
          <nav aria-label="Chức năng" style={{ height: '100%' }}>
            <Menu mode="inline" items={menu(me.permissions)} selectedKeys={[current]} defaultOpenKeys={['he-thong']} style={{ height: '100%' }} />
          </nav>
        </Layout.Sider>
        <Layout.Content id="noi-dung" tabIndex={-1} style={{ padding: 24, outline: 'none' }}>
          {section && (
            <Breadcrumb style={{ marginBottom: 16 }} items={[{ title: <Link to="/quan-tri">Trang chủ</Link> }, { title: SCREENS[current] ?? '' }]} />
          )}
          <Suspense fallback={<PageLoading />}>
            {refused ? (
              <Result
                status="403"
                title={<PageHeading site={ADMIN_SITE}>Không có quyền truy cập</PageHeading>}
                subTitle={`Tài khoản của bạn không được sử dụng chức năng "${SCREENS[section!]}". Nếu cần, hãy liên hệ quản trị viên của đơn vị.`}
                extra={<Link to="/quan-tri">Về trang chủ</Link>}
              />
            ) : (
              <Outlet />
            )}
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
