// "Gán người dùng vào đơn vị": the units an officer is assigned to (each in the administrator's
// scope can be removed), and the units not yet assigned, searchable by Mã định danh or name, to
// tick and save.
import { Alert, App, Button, Checkbox, Input, Modal, Popconfirm, Space, Table, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { assignUserUnits, getUser, listAssignableUnits, listUsers, removeUserUnit } from '../../../common/api/admin-users';
import type { Reply } from '../../../common/api/contract';
import { errorMessage } from '../../api';
import { useApiMutation, useApiQuery } from '../../data/hooks';
import type { AdminUser } from './useUserList';

type AssignedUnit = Reply<typeof getUser>['units'][number];
type Candidate = Reply<typeof listAssignableUnits>['items'][number];

/** Every read an assignment changes: the officer, what is still assignable, the list's "Đơn vị". */
const CHANGED = [getUser, listAssignableUnits, listUsers];

export function UnitsDialog(props: { user: AdminUser; onClose: () => void }) {
  const { message } = App.useApp();
  const id = props.user.id;
  const [q, setQ] = useState('');
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(10);
  const [picked, setPicked] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);

  const detail = useApiQuery(getUser, { params: { id } });
  const candidates = useApiQuery(listAssignableUnits, { params: { id }, query: { q: search, page, pageSize } }, { keepPrevious: true });
  const remove = useApiMutation(removeUserUnit, { invalidates: CHANGED });
  const assign = useApiMutation(assignUserUnits, { invalidates: CHANGED });
  const readError = detail.error ?? candidates.error;
  const shownError = error ?? (readError ? errorMessage(readError) : null);

  const find = () => {
    setPage(1);
    setSearch(q);
  };

  const removeUnit = async (unit: AssignedUnit) => {
    try {
      await remove.mutateAsync({ params: { id, unitId: unit.id } });
      message.success(`Đã bỏ gán đơn vị ${unit.name}.`);
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  const save = async () => {
    if (picked.length === 0) {
      props.onClose();
      return;
    }
    try {
      await assign.mutateAsync({ params: { id }, body: { unitIds: picked } });
      message.success(`Đã gán ${props.user.fullName} vào ${picked.length} đơn vị.`);
      props.onClose();
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  return (
    <Modal
      title={`Gán người dùng vào đơn vị — ${props.user.fullName}`}
      open
      width={860}
      onCancel={props.onClose}
      footer={[
        <Button key="cancel" onClick={props.onClose}>
          HỦY BỎ
        </Button>,
        <Button key="save" type="primary" loading={assign.isPending} onClick={save}>
          LƯU LẠI
        </Button>,
      ]}
    >
      {shownError && (
        <Alert role="alert" type="error" showIcon title={shownError} style={{ marginBottom: 12 }} closable={{ onClose: () => setError(null) }} />
      )}
      <Space.Compact style={{ width: '100%', marginBottom: 12 }}>
        <Input
          aria-label="Mã định danh hoặc Tên đơn vị"
          placeholder="Mã định danh (vd. 000.00.43.H35) hoặc Tên đơn vị"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          onPressEnter={find}
        />
        <Button type="primary" onClick={find}>
          TÌM KIẾM
        </Button>
      </Space.Compact>
      <Typography.Title level={5}>DANH SÁCH ĐƠN VỊ ĐÃ ĐƯỢC GÁN CHO NGƯỜI DÙNG</Typography.Title>
      <Table<AssignedUnit>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={detail.data?.units ?? []}
        loading={!detail.data}
        locale={{ emptyText: 'Người dùng chưa được gán đơn vị nào' }}
        columns={[
          { title: 'Mã định danh', dataIndex: 'code', width: 150 },
          { title: 'Tên đơn vị', dataIndex: 'name' },
          {
            title: 'Xóa',
            key: 'remove',
            width: 80,
            render: (_v, u) =>
              u.inScope ? (
                <Popconfirm title={`Bỏ gán đơn vị "${u.name}"?`} okText="Xóa" cancelText="Hủy" onConfirm={() => removeUnit(u)}>
                  <Button size="small" danger aria-label={`Xóa ${u.name}`}>
                    Xóa
                  </Button>
                </Popconfirm>
              ) : (
                <Tooltip title="Ngoài phạm vi quản lý">
                  <span>—</span>
                </Tooltip>
              ),
          },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        DANH SÁCH ĐƠN VỊ CHƯA ĐƯỢC GÁN CHO NGƯỜI DÙNG
      </Typography.Title>
      <Table<Candidate>
        rowKey="id"
        size="small"
        dataSource={candidates.data?.items ?? []}
        loading={!candidates.data}
        locale={{ emptyText: 'Không có đơn vị phù hợp' }}
        columns={[
          { title: 'Mã định danh', dataIndex: 'code', width: 150 },
          { title: 'Tên đơn vị', dataIndex: 'name' },
          {
            title: 'Chọn',
            key: 'pick',
            width: 80,
            render: (_v, u) => (
              <Checkbox
                aria-label={`Chọn ${u.name}`}
                checked={picked.includes(u.id)}
                onChange={(e) => setPicked((prev) => (e.target.checked ? [...prev, u.id] : prev.filter((x) => x !== u.id)))}
              />
            ),
          },
        ]}
        pagination={{
          current: page,
          pageSize,
          total: candidates.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50],
          locale: { items_per_page: '/ trang' },
          showTotal: () => 'Số hàng mỗi trang',
          onChange: (p, s) => {
            setPage(p);
            setPageSize(s);
          },
        }}
      />
    </Modal>
  );
}
