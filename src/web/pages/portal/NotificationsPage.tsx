// "Thông báo" (/thong-bao): the citizen's inbox of SMS and e-mails (src/web/features/notifications).
import { NotificationList } from '../../features/notifications/NotificationList';
import { useCitizenGate } from '../../features/my-dossiers/useCitizenGate';

export function NotificationsPage() {
  const gate = useCitizenGate();
  if (gate) return gate;
  return <NotificationList />;
}
