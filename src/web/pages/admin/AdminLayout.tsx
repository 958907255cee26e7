import { Breadcrumb, Button, Layout, Menu, Space, Spin, Typography } from 'antd';
import { Suspense } from 'react';
import { PageLoading } from '../../lazy-page';
import { DOSSIER_ROLE_PERMISSIONS } from '../../../common/permissions';
import type { MenuProps } from 'antd';
import { Link, Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { canManageCatalogue } from '../../../common/procedure-catalogue';
import { useSession } from '../../session';

export const SCREENS: Record<string, string> = {
  '/quan-tri': 'Dashboard',
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
  '/quan-tri/ho-so': 'Chi tiết hồ sơ',
  '/quan-tri/kiem-tra-api': 'Kiểm tra API',
  '/quan-tri/yeu-cau-ho-tro': 'Quản lý yêu cầu hỗ trợ',
  '/quan-tri/canh-bao-loi': 'Đăng ký nhận cảnh báo lỗi',
  '/quan-tri/thong-bao': 'Thông báo',
  '/quan-tri/doi-mat-khau': 'Đổi mật khẩu',
};

const item = (path: string) => ({ key: path, label: <Link to={path}>{SCREENS[path]}</Link> });

/** Screens of the back office that only administrators can use (the server refuses others anyway). */
const ADMIN_ONLY = new Set(['/quan-tri/quan-ly-nguoi-dung', '/quan-tri/nhap-danh-sach-can-bo', '/quan-tri/co-quan-don-vi', '/quan-tri/bao-cao-thang', '/quan-tri/nhat-ky']);

/** Only for HIGH_ADMIN and ADMIN CỤC KSTTHC (a level-1 administrator does not manage the catalogue). */
const CATALOGUE_ONLY = new Set(['/quan-tri/thu-tuc-hanh-chinh']);

function menu(isAdmin: boolean, isCatalogueAdmin = false, permissions: readonly string[] = []): MenuProps['items'] {
  const system = [
    '/quan-tri/quan-ly-nguoi-dung',
    '/quan-tri/nhap-danh-sach-can-bo',
    '/quan-tri/co-quan-don-vi',
    '/quan-tri/tao-tai-khoan-cong-dan',
    '/quan-tri/bao-cao-thang',
    '/quan-tri/nhat-ky',
    '/quan-tri/thu-tuc-hanh-chinh',
  ].filter((p) => (isAdmin || !ADMIN_ONLY.has(p)) && (isCatalogueAdmin || !CATALOGUE_ONLY.has(p)));
  const has = (codes: readonly string[]) => codes.some((c) => permissions.includes(c));
  const desk = [
    ...(has(['DESK_RECEIVE', 'POSTAL_DESK']) ? ['/quan-tri/tiep-nhan-truc-tiep', '/quan-tri/ho-so-cho-tiep-nhan'] : []),
    ...(has(DOSSIER_ROLE_PERMISSIONS) ? ['/quan-tri/ho-so-can-xu-ly'] : []),
  ];
  return [
    item('/quan-tri'),
    // The one-stop desk for desk officers, the work list for officers with a dossier role (the server
    // refuses the others and limits both to the agencies their units serve; ADR 0015).
    ...(desk.length ? [{ type: 'group' as const, label: 'MỘT CỬA', children: desk.map(item) }] : []),
    {
      type: 'group',
      label: 'QUẢN TRỊ',
      children: [
        { key: 'he-thong', label: 'Quản trị hệ thống', children: system.map(item) },
        { key: 'ho-tro', label: 'Màn hình hỗ trợ', children: [item('/quan-tri/kiem-tra-api'), item('/quan-tri/yeu-cau-ho-tro'), item('/quan-tri/canh-bao-loi')] },
        item('/quan-tri/thong-bao'),
      ],
    },
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
  const isAdmin = ['HIGH_ADMIN', 'LEVEL1_ADMIN', 'ADMIN_CUC_KSTTHC'].some((p) => me.permissions.includes(p));
  return (
    <Layout style={{ minHeight: '100vh' }}>
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
          <Menu mode="inline" items={menu(isAdmin, canManageCatalogue(me.permissions), me.permissions)} selectedKeys={[current]} defaultOpenKeys={['he-thong']} style={{ height: '100%' }} />
        </Layout.Sider>
        <Layout.Content style={{ padding: 24 }}>
          <Breadcrumb
            style={{ marginBottom: 16 }}
            items={[{ title: <Link to="/quan-tri">Trang chủ</Link> }, { title: SCREENS[current] ?? '' }]}
          />
          <Suspense fallback={<PageLoading />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
