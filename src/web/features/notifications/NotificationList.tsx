// "Thông báo": the SMS and e-mails sent to the signed-in citizen, newest first, a page at a time
// (page and size in the address), with how many are unread and "Đánh dấu tất cả đã đọc".
import { Alert, Button, Empty, Pagination, Space, Spin } from 'antd';
import { listMyNotifications, markAllNotificationsRead, markNotificationRead } from '../../../common/api/notifications';
import { errorMessage } from '../../api';
import { PageHeading } from '../../components/PageHeading';
import { useKeepPageInRange, useUrlPagination } from '../../components/url-pagination';
import { useApiMutation, useApiQuery } from '../../data/hooks';
import { NotificationItem } from './NotificationItem';

export function NotificationList() {
  const { page, pageSize, pagination, replacePage } = useUrlPagination(10);
  const { data, error, isPlaceholderData } = useApiQuery(listMyNotifications, { query: { page, pageSize } }, { keepPrevious: true });
  useKeepPageInRange({ page, pageSize, replacePage }, data, !isPlaceholderData);
  const markOne = useApiMutation(markNotificationRead, { invalidates: [listMyNotifications] });
  const markAll = useApiMutation(markAllNotificationsRead, { invalidates: [listMyNotifications] });
  const failed = markOne.error ?? markAll.error;
  const pager = pagination(data?.total ?? 0);
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <PageHeading style={{ margin: 0 }}>Thông báo</PageHeading>
      <p style={{ margin: 0 }}>Các tin nhắn SMS và thư điện tử Cổng Dịch vụ công đã gửi cho bạn về hồ sơ và tài khoản, mới nhất trước.</p>
      {error && <Alert role="alert" type="error" showIcon title={errorMessage(error)} />}
      {failed && <Alert role="alert" type="error" showIcon title={errorMessage(failed)} />}
      {data && (
        <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
          <div role="status">
            {data.unread > 0 ? `Bạn có ${data.unread.toLocaleString('vi-VN')} thông báo chưa đọc` : 'Bạn đã đọc hết thông báo'} (tổng số {data.total.toLocaleString('vi-VN')}).
          </div>
          <Button disabled={data.unread === 0} loading={markAll.isPending} onClick={() => markAll.mutate({})}>
            Đánh dấu tất cả đã đọc
          </Button>
        </Space>
      )}
      {!data && !error && <Spin />}
      {data && data.total === 0 && <Empty description="Chưa có thông báo nào." />}
      {data && data.items.length > 0 && (
        <ul aria-label="Danh sách thông báo" style={{ margin: 0, padding: 0, borderTop: '1px solid #e5e5e5' }}>
          {data.items.map((n) => (
            <NotificationItem key={n.id} n={n} marking={markOne.isPending && markOne.variables?.params?.id === n.id} onOpen={(x) => markOne.mutate({ params: { id: x.id } })} />
          ))}
        </ul>
      )}
      {data && data.total > pageSize && (
        <Pagination
          current={pager.current}
          pageSize={pager.pageSize}
          total={pager.total}
          showSizeChanger={false}
          onChange={(p, s) => pager.onChange?.(p, s)}
          showTotal={(total) => `${total.toLocaleString('vi-VN')} thông báo`}
        />
      )}
    </Space>
  );
}
