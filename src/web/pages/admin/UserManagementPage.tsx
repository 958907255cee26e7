// "Quản trị hệ thống >> Quản lý người dùng" (SPEC §3.1–3.3): search, XUẤT EXCEL, +THÊM MỚI,
// Kích hoạt / Không kích hoạt, "Gán người dùng vào đơn vị", "Gán quyền người dùng".
// The parts live in features/users; every write invalidates the reads it changes.
import { Alert, App, Space } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../api';
import { CreateUserDialog } from '../../features/users/CreateUserDialog';
import { GrantsDialog } from '../../features/users/GrantsDialog';
import { UnitsDialog } from '../../features/users/UnitsDialog';
import { UserFilters } from '../../features/users/UserFilters';
import { UserTable } from '../../features/users/UserTable';
import { useUserList, type AdminUser } from '../../features/users/useUserList';
import { ADMIN_SITE, PageHeading } from '../../components/PageHeading';

export function UserManagementPage() {
  const { message } = App.useApp();
  const list = useUserList();
  const [creating, setCreating] = useState(false);
  const [unitsFor, setUnitsFor] = useState<AdminUser | null>(null);
  const [grantsFor, setGrantsFor] = useState<AdminUser | null>(null);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <PageHeading site={ADMIN_SITE} style={{ margin: 0 }}>
        Quản lý người dùng
      </PageHeading>
      {list.error && <Alert role="alert" type="error" showIcon title={errorMessage(list.error)} />}
      <UserFilters filters={list.filters} exportHref={list.exportHref} onSearch={list.apply} onCreate={() => setCreating(true)} />
      <UserTable
        data={list.data}
        loading={list.isFetching}
        statusFilter={list.filters.status}
        page={list.page}
        pageSize={list.pageSize}
        pagination={list.pagination}
        onUnits={setUnitsFor}
        onGrants={setGrantsFor}
      />
      <CreateUserDialog
        open={creating}
        onClose={(created) => {
          setCreating(false);
          if (created) message.success(`Đã thêm tài khoản ${created.fullName}; mật khẩu tạm đã gửi qua SMS tới ${created.phone}.`);
        }}
      />
      {unitsFor && <UnitsDialog user={unitsFor} onClose={() => setUnitsFor(null)} />}
      {grantsFor && <GrantsDialog user={grantsFor} onClose={() => setGrantsFor(null)} />}
    </Space>
  );
}
