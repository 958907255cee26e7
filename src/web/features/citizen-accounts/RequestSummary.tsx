// A citizen account request as saved: the citizen, the attachment, the officer and unit, the status.
import { Descriptions } from 'antd';
import type { getAccountRequest } from '../../../common/api/citizen-accounts';
import type { Reply } from '../../../common/api/contract';
import { formatDate, formatDateTime } from '../../format';
import { STATUS_LABEL } from '../../pages/admin/CitizenAccountListPage';

export function RequestSummary({ d }: { d: Reply<typeof getAccountRequest> }) {
  return (
    <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered>
      <Descriptions.Item label="Số CMND/CCCD">{d.idNumber}</Descriptions.Item>
      <Descriptions.Item label="Họ và tên">{d.fullName}</Descriptions.Item>
      <Descriptions.Item label="Ngày sinh">{formatDate(d.birthDate)}</Descriptions.Item>
      <Descriptions.Item label="Số điện thoại">{d.phone}</Descriptions.Item>
      <Descriptions.Item label="Email">{d.email ?? ''}</Descriptions.Item>
      <Descriptions.Item label="File đính kèm">{d.attachment?.fileName}</Descriptions.Item>
      <Descriptions.Item label="Cán bộ">{d.officer.fullName}</Descriptions.Item>
      <Descriptions.Item label="Đơn vị">{d.unit.name}</Descriptions.Item>
      <Descriptions.Item label="Thời gian tạo">{formatDateTime(d.createdAt)}</Descriptions.Item>
      <Descriptions.Item label="Trạng thái">{STATUS_LABEL[d.status].text}</Descriptions.Item>
    </Descriptions>
  );
}
