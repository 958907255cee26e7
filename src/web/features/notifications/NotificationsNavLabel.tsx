// "Thông báo" in the portal menu, with the number of unread messages as a badge (read out as
// "3 chưa đọc"). Plain elements, no antd: the portal frame shows before the component library.
import { useUnreadCount } from './useUnreadCount';

const HIDDEN = { position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' } as const;

export function NotificationsNavLabel() {
  const unread = useUnreadCount();
  return (
    <>
      Thông báo
      {unread > 0 && (
        <>
          <span
            aria-hidden="true"
            style={{ marginInlineStart: 6, minWidth: 22, padding: '0 6px', borderRadius: 11, background: '#b91c1c', color: '#fff', fontSize: 13, fontWeight: 700, lineHeight: '22px', display: 'inline-block', textAlign: 'center' }}
          >
            {unread > 99 ? '99+' : unread}
          </span>
          <span style={HIDDEN}> ({unread.toLocaleString('vi-VN')} chưa đọc)</span>
        </>
      )}
    </>
  );
}
