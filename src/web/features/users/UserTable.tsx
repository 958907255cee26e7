// The result of "Quản lý người dùng": how many match (and what to do when too many or none), the
// officers with their units and status, and each row's actions.
import { ApartmentOutlined, KeyOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType, TablePaginationConfig } from 'antd';
import type { listUsers } from '../../../common/api/admin-users';
import type { Reply } from '../../../common/api/contract';
import { useSession } from '../../session';
import { UserStatusButton } from './UserStatusButton';
import type { AdminUser } from './useUserList';

const STATUS = {
  active: { text: 'Kích hoạt', color: 'green' },
  inactive: { text: 'Không kích hoạt', color: 'default' },
} as const;

export function UserTable(props: {
  data: Reply<typeof listUsers> | undefined;
  loading: boolean;
  /** The status filter in force: with none, an empty result suggests where else to look. */
  statusFilter: string | undefined;
  page: number;
  pageSize: number;
  pagination: (total: number) => TablePaginationConfig;
  onUnits: (u: AdminUser) => void;
  onGrants: (u: AdminUser) => void;
}) {
  const { data } = props;
  // STT counts from the page the rows are of: the server's answer (the last page when the address
  // asked beyond it; the previous page while the next one loads), as the workbook counts them.
  const page = data?.page ?? props.page;
  const pageSize = data?.pageSize ?? props.pageSize;
  const { me } = useSession();

  const columns: TableColumnsType<AdminUser> = [
    { title: 'STT', key: 'stt', width: 64, render: (_v, _r, i) => (page - 1) * pageSize + i + 1 },
    {
      title: 'Tên',
      dataIndex: 'fullName',
      render: (v: string, r) => (
        <Space orientation="vertical" size={0}>
          <span>{v}</span>
          {r.username && <Typography.Text type="secondary">{r.username}</Typography.Text>}
          {r.issuer === 'VNPOST' && <Tag>Bưu điện Việt Nam</Tag>}
        </Space>
      ),
    },
    { title: 'CMND/CCCD/MST/MCQ', dataIndex: 'idNumber' },
    { title: 'Số điện thoại', dataIndex: 'phone' },
    {
      title: 'Đơn vị',
      key: 'units',
      render: (_v, r) =>
        r.units.length ? (
          <ul style={{ margin: 0, paddingLeft: 16 }}>
            {r.units.map((u) => (
              <li key={u.id}>{u.name}</li>
            ))}
          </ul>
        ) : (
          <Typography.Text type="secondary">Chưa được gán cơ quan</Typography.Text>
        ),
    },
    { title: 'Trạng thái', dataIndex: 'status', render: (s: AdminUser['status']) => <Tag color={STATUS[s].color}>{STATUS[s].text}</Tag> },
    {
      title: 'Thao tác',
      key: 'actions',
      width: 230,
      render: (_v, r) => (
        <Space wrap size={4}>
          <Tooltip title="Gán người dùng vào đơn vị">
            <Button size="small" icon={<ApartmentOutlined />} aria-label={`Gán người dùng vào đơn vị: ${r.fullName}`} onClick={() => props.onUnits(r)} />
          </Tooltip>
          <Tooltip title="Gán quyền người dùng">
            <Button size="small" icon={<KeyOutlined />} aria-label={`Gán quyền người dùng: ${r.fullName}`} onClick={() => props.onGrants(r)} />
          </Tooltip>
          {r.id !== me?.id && <UserStatusButton user={r} />}
        </Space>
      ),
    },
  ];

  return (
    <Card size="small">
      <Typography.Text strong>
        {data
          ? data.totalCapped
            ? `Tìm thấy hơn ${data.total.toLocaleString('vi-VN')} kết quả`
            : `Tìm thấy ${data.total.toLocaleString('vi-VN')} kết quả`
          : ' '}
      </Typography.Text>
      {data?.totalCapped && (
        <Alert
          style={{ marginTop: 8 }}
          type="info"
          showIcon
          title='Có quá nhiều kết quả để xem hết trên màn hình: hãy thu hẹp điều kiện tìm kiếm, hoặc dùng "XUẤT EXCEL" để lấy toàn bộ danh sách.'
        />
      )}
      {data && data.total === 0 && !props.statusFilter && (
        <Alert
          style={{ marginTop: 8 }}
          type="info"
          showIcon
          title='Không thấy cán bộ? Hãy tìm lại với Trạng thái "Không kích hoạt", hoặc đánh dấu "Không được gán cơ quan" (cán bộ chưa được gán vào đơn vị nào); nếu vẫn không có, dùng "+THÊM MỚI" để thêm tài khoản.'
        />
      )}
      <Table<AdminUser>
        rowKey="id"
        size="middle"
        style={{ marginTop: 12 }}
        loading={props.loading}
        columns={columns}
        dataSource={data?.items ?? []}
        locale={{ emptyText: <Empty description="Không tìm thấy người dùng thỏa mãn các tiêu chí trên" /> }}
        scroll={{ x: 1000 }}
        pagination={props.pagination(data?.total ?? 0)}
      />
    </Card>
  );
}
