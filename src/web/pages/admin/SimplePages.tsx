// The back office's home page ("Trang chủ") and the page for an address that is not a screen.
import { Alert, Card, Space, Typography } from 'antd';
import { Link } from 'react-router';
import { ADMIN_SITE, PageHeading } from '../../components/PageHeading';
import { DeskCounts, ScreenLinks, WorkCounts } from '../../features/officer-home/HomeCounts';
import { useSession } from '../../session';
import { mayUse, SCREENS, screensFor } from './AdminLayout';

/** What each administration screen is for, in the order the home page lists them. */
const ADMIN_NOTES: Record<string, string> = {
  '/quan-tri/quan-ly-nguoi-dung': 'tài khoản cán bộ, vai trò, khóa và mở khóa',
  '/quan-tri/co-quan-don-vi': 'cây đơn vị, đổi tên, sáp nhập',
  '/quan-tri/bao-cao-thang': 'số tài khoản công dân mới, xuất Excel',
  '/quan-tri/nhat-ky': 'ai đã làm gì, khi nào',
  '/quan-tri/tao-tai-khoan-cong-dan': 'mở tài khoản cho người đến Bộ phận Một cửa',
  '/quan-tri/thu-tuc-hanh-chinh': 'thủ tục, biểu mẫu điện tử, ngày hiệu lực',
};

export function DashboardPage() {
  const { me } = useSession();
  if (!me) return null;
  const can = screensFor(me.permissions);
  // The administration screens the officer may use, named as in the menu.
  const adminLinks = Object.entries(ADMIN_NOTES)
    .filter(([to]) => mayUse(can, to))
    .map(([to, note]) => ({ to, label: SCREENS[to]!, note }));
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
