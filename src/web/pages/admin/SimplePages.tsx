// The back office's home page ("Trang chủ") and the page for an address that is not a screen.
import { Alert, Card, Space, Typography } from 'antd';
import { Link } from 'react-router';
import { ADMIN_SITE, PageHeading } from '../../components/PageHeading';
import { DeskCounts, ScreenLinks, WorkCounts } from '../../features/officer-home/HomeCounts';
import { useSession } from '../../session';
import { screensFor } from './AdminLayout';

export function DashboardPage() {
  const { me } = useSession();
  if (!me) return null;
  const can = screensFor(me.permissions);
  const adminLinks = [
    ...(can.admin
      ? [
          { to: '/quan-tri/quan-ly-nguoi-dung', label: 'Quản lý người dùng', note: 'tài khoản cán bộ, vai trò, khóa và mở khóa' },
          { to: '/quan-tri/co-quan-don-vi', label: 'Quản lý cơ quan/đơn vị', note: 'cây đơn vị, đổi tên, sáp nhập' },
          { to: '/quan-tri/bao-cao-thang', label: 'Báo cáo tài khoản theo tháng', note: 'số tài khoản công dân mới, xuất Excel' },
          { to: '/quan-tri/nhat-ky', label: 'Nhật ký hệ thống', note: 'ai đã làm gì, khi nào' },
        ]
      : []),
    ...(can.citizenAccounts ? [{ to: '/quan-tri/tao-tai-khoan-cong-dan', label: 'Tạo tài khoản công dân', note: 'mở tài khoản cho người đến Bộ phận Một cửa' }] : []),
    ...(can.catalogue ? [{ to: '/quan-tri/thu-tuc-hanh-chinh', label: 'Danh mục thủ tục', note: 'thủ tục, biểu mẫu điện tử, ngày hiệu lực' }] : []),
  ];
  const nothing = !can.desk && !can.work && adminLinks.length === 0;
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <div>
        <PageHeading site={ADMIN_SITE} style={{ marginBottom: 4 }}>
          Trang chủ
        </PageHeading>
        <Typography.Text>
          Xin chào, {me.fullName}. Đơn vị công tác: {me.units.map((u) => u.name).join('; ') || 'chưa được gán đơn vị'}.
        </Typography.Text>
      </div>
      {can.desk && <DeskCounts />}
      {can.work && <WorkCounts />}
      {adminLinks.length > 0 && <ScreenLinks title="Quản trị" links={adminLinks} />}
      {nothing && (
        <Alert
          type="info"
          showIcon
          title="Tài khoản của bạn chưa được giao vai trò nào trong hệ thống."
          description="Liên hệ quản trị viên của đơn vị để được phân quyền tiếp nhận, xử lý hồ sơ hoặc quản trị."
        />
      )}
    </Space>
  );
}

/** An address inside the back office that is no screen: said so, with the way back. */
export function PlaceholderPage() {
  return (
    <Card>
      <PageHeading site={ADMIN_SITE}>Không tìm thấy trang</PageHeading>
      <Typography.Paragraph>
        Địa chỉ này không phải là một chức năng của hệ thống. <Link to="/quan-tri">Về trang chủ</Link>
      </Typography.Paragraph>
    </Card>
  );
}
