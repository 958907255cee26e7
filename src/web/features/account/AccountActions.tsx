// The buttons under "Thông tin tài khoản": edit, change or set the password, sign out here, and
// sign out on every device (after a confirmation).
import { App, Button, Space } from 'antd';
import { useNavigate } from 'react-router';
import { logoutEverywhere } from '../../../common/api/auth';
import { useApiMutation } from '../../data/hooks';
import { useSession } from '../../session';
import type { Profile } from './profile';
import { ButtonLink } from '../../components/ButtonLink';

export function AccountActions({ profile, onEdit, onSetPassword }: { profile: Profile; onEdit: () => void; onSetPassword: () => void }) {
  const { logout, refresh } = useSession();
  const navigate = useNavigate();
  const { modal } = App.useApp();
  // Ends this session too: nothing is read again here (the profile would answer 401); the next
  // sign-in starts from an empty cache (LoginForm).
  const endAll = useApiMutation(logoutEverywhere);
  const confirmLogoutEverywhere = () =>
    modal.confirm({
      title: 'Đăng xuất khỏi mọi thiết bị?',
      content: 'Mọi phiên đăng nhập của tài khoản này (trên máy tính, điện thoại khác và trình duyệt này) sẽ kết thúc.',
      okText: 'Đăng xuất khỏi mọi thiết bị',
      cancelText: 'Hủy',
      okButtonProps: { danger: true },
      onOk: async () => {
        await endAll.mutateAsync({});
        await refresh();
        navigate('/dang-nhap');
      },
    });
  return (
    <Space wrap style={{ marginTop: 16 }}>
      <Button type="primary" onClick={onEdit}>
        Sửa thông tin
      </Button>
      {profile.hasPassword ? (
        <ButtonLink to="/doi-mat-khau">Đổi mật khẩu</ButtonLink>
      ) : (
        <Button onClick={onSetPassword}>Đặt mật khẩu</Button>
      )}
      <Button
        onClick={async () => {
          await logout();
          navigate('/');
        }}
      >
        Đăng xuất
      </Button>
      <Button danger onClick={confirmLogoutEverywhere}>
        Đăng xuất khỏi mọi thiết bị
      </Button>
    </Space>
  );
}
