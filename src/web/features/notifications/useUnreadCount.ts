// The number of unread messages of the signed-in citizen, for the badge of "Thông báo" in the
// portal menu. One small read (a page of one); marking a message read invalidates it with the list.
import { listMyNotifications } from '../../../common/api/notifications';
import { useApiQuery } from '../../data/hooks';
import { useSession } from '../../session';

export function useUnreadCount(): number {
  const { me } = useSession();
  const { data } = useApiQuery(listMyNotifications, { query: { page: 1, pageSize: 1 } }, { enabled: me?.audience === 'citizen' });
  return me?.audience === 'citizen' ? (data?.unread ?? 0) : 0;
}
