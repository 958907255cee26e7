// One message of "Thông báo": unread ones carry the words "Chưa đọc", a bold title and a bar at
// their start (never colour alone). "Xem nội dung" opens the whole text and marks it read.
import { MailOutlined, MessageOutlined } from '@ant-design/icons';
import { Button, Space, Tag, Typography } from 'antd';
import { useId, useState } from 'react';
import { Link } from 'react-router';
import type { Reply } from '../../../common/api/contract';
import type { listMyNotifications } from '../../../common/api/notifications';
import { formatDateTime } from '../../format';

export type Notification = Reply<typeof listMyNotifications>['items'][number];

/** dd/mm/yyyy HH:mm in Vietnam time. */
const when = (iso: string) => formatDateTime(iso).slice(0, 16);

const CHANNEL = { sms: 'Tin nhắn SMS', email: 'Thư điện tử' } as const;

export function NotificationItem({ n, onOpen, marking }: { n: Notification; onOpen: (n: Notification) => void; marking: boolean }) {
  const [open, setOpen] = useState(false);
  const bodyId = useId();
  const unread = n.readAt === null;
  const title = n.subject ?? n.body.split('\n')[0]!;
  const toggle = () => {
    if (!open && unread) onOpen(n);
    setOpen((o) => !o);
  };
  return (
    <li
      className="notification-item"
      style={{
        listStyle: 'none',
        padding: '12px 12px 12px 14px',
        borderBottom: '1px solid #e5e5e5',
        borderInlineStart: unread ? '4px solid #1d4ed8' : '4px solid transparent',
        background: unread ? '#f3f7ff' : undefined,
        overflowWrap: 'anywhere',
      }}
    >
      <Space size={[8, 4]} wrap style={{ marginBottom: 4 }}>
        {unread ? <Tag color="blue" style={{ fontWeight: 600 }}>Chưa đọc</Tag> : <Tag>Đã đọc</Tag>}
        <span>
          {n.channel === 'sms' ? <MessageOutlined aria-hidden /> : <MailOutlined aria-hidden />} {CHANNEL[n.channel]} tới {n.sentTo}
        </span>
        <time dateTime={n.createdAt}>{when(n.createdAt)}</time>
      </Space>
      <Typography.Paragraph
        id={bodyId}
        style={{ margin: '4px 0', fontWeight: unread ? 700 : 400, whiteSpace: open ? 'pre-line' : undefined }}
        ellipsis={open ? false : { rows: 2 }}
      >
        {open ? (n.subject ? `${n.subject}\n\n${n.body}` : n.body) : title}
      </Typography.Paragraph>
      <Space size={[8, 8]} wrap>
        <Button onClick={toggle} aria-expanded={open} aria-controls={bodyId} loading={marking}>
          {open ? 'Thu gọn' : 'Xem nội dung'}
        </Button>
        {n.dossierId && <Link to={`/ho-so-cua-toi/${n.dossierId}`} style={{ display: 'inline-flex', alignItems: 'center', minHeight: 44 }}>Xem hồ sơ</Link>}
      </Space>
    </li>
  );
}
