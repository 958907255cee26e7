// "Ngừng kích hoạt" / "Kích hoạt" of one officer, each after a confirmation; deactivating signs
// them out everywhere (the server does it).
import { App, Button, Popconfirm } from 'antd';
import { getUser, listUsers, setUserStatus } from '../../../common/api/admin-users';
import { errorMessage } from '../../api';
import { useApiMutation } from '../../data/hooks';
import type { AdminUser } from './useUserList';

export function UserStatusButton(props: { user: AdminUser }) {
  const { message } = App.useApp();
  const u = props.user;
  const change = useApiMutation(setUserStatus, { invalidates: [listUsers, getUser] });

  const setStatus = async (status: 'active' | 'inactive') => {
    try {
      await change.mutateAsync({ params: { id: u.id }, body: { status } });
      message.success(status === 'active' ? `Đã kích hoạt tài khoản ${u.fullName}.` : `Đã ngừng kích hoạt tài khoản ${u.fullName}.`);
    } catch (err) {
      message.error(errorMessage(err));
    }
  };

  return u.status === 'active' ? (
    <Popconfirm
      title="Ngừng kích hoạt tài khoản?"
      description={`${u.fullName} sẽ bị đăng xuất khỏi mọi thiết bị và không đăng nhập được nữa.`}
      okText="Ngừng kích hoạt"
      cancelText="Hủy"
      onConfirm={() => setStatus('inactive')}
    >
      <Button size="small" danger>
        Ngừng kích hoạt
      </Button>
    </Popconfirm>
  ) : (
    <Popconfirm title="Kích hoạt lại tài khoản?" okText="Kích hoạt" cancelText="Hủy" onConfirm={() => setStatus('active')}>
      <Button size="small">Kích hoạt</Button>
    </Popconfirm>
  );
}
