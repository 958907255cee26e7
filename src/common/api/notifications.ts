// "Thông báo" (notifications module): the SMS and e-mails sent to the signed-in citizen, newest
// first, with read/unread. Only the caller's own messages; another's id answers not found. A
// message that carried an OTP or a password is shown as a note, without the secret (ADR 0018).
import { Type } from 'typebox';
import { endpoint, Nullable, PageQuery } from './contract.js';

export const NotificationItem = Type.Object({
  id: Type.String(),
  channel: Type.Union([Type.Literal('sms'), Type.Literal('email')], { description: 'sms: tin nhắn SMS; email: thư điện tử' }),
  subject: Nullable(Type.String({ description: 'Tiêu đề thư; null với tin nhắn SMS' })),
  body: Type.String({ description: 'Nội dung như đã gửi; với tin có mã OTP hoặc mật khẩu: một ghi chú thay cho nội dung' }),
  sentTo: Type.String({ description: 'Số điện thoại hoặc email đã gửi tới, đã che bớt (09•••••123)' }),
  dossierId: Nullable(Type.String({ description: 'Hồ sơ mà thông báo nói đến, nếu có' })),
  createdAt: Type.String({ description: 'Thời điểm gửi' }),
  readAt: Nullable(Type.String({ description: 'Thời điểm đọc lần đầu; null khi chưa đọc' })),
});

export const listMyNotifications = endpoint({
  method: 'GET',
  url: '/api/my/notifications',
  summary: 'Thông báo của tôi: tin nhắn SMS và thư điện tử đã gửi tới tài khoản, mới nhất trước, kèm số chưa đọc',
  schema: {
    querystring: Type.Object({
      unread: Type.Optional(Type.Boolean({ description: 'true: chỉ các thông báo chưa đọc' })),
      ...PageQuery,
    }),
    response: {
      200: Type.Object({
        items: Type.Array(NotificationItem),
        total: Type.Integer(),
        unread: Type.Integer({ description: 'Số thông báo chưa đọc (của cả hộp thư)' }),
        page: Type.Integer(),
        pageSize: Type.Integer(),
      }),
    },
  },
});

export const markNotificationRead = endpoint({
  method: 'POST',
  url: '/api/my/notifications/:id/read',
  summary: 'Đánh dấu một thông báo của tôi là đã đọc',
  schema: {
    params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
    response: { 200: Type.Object({ item: NotificationItem, unread: Type.Integer() }) },
  },
});

export const markAllNotificationsRead = endpoint({
  method: 'POST',
  url: '/api/my/notifications/read-all',
  summary: 'Đánh dấu tất cả thông báo của tôi là đã đọc',
  schema: { response: { 200: Type.Object({ marked: Type.Integer({ description: 'Số thông báo vừa được đánh dấu đã đọc' }), unread: Type.Integer() }) } },
});
