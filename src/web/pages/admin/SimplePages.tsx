import { Card, Empty, Typography } from 'antd';
import { useLocation } from 'react-router';
import { useSession } from '../../session';
import { SCREENS } from './AdminLayout';

export function DashboardPage() {
  const { me } = useSession();
  return (
    <Card>
      <Typography.Title level={3}>Xin chào, {me?.fullName}</Typography.Title>
      <Typography.Paragraph>Đơn vị công tác: {me?.units.map((u) => u.name).join('; ') || 'chưa được gán đơn vị'}.</Typography.Paragraph>
    </Card>
  );
}

export function PlaceholderPage() {
  const { pathname } = useLocation();
  return (
    <Card>
      <Typography.Title level={3}>{SCREENS[pathname] ?? 'Trang không tồn tại'}</Typography.Title>
      <Empty description="Chức năng đang được xây dựng." />
    </Card>
  );
}
