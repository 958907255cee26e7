// "Thông tin tài khoản": what the portal holds about the citizen (or organisation), what they may
// edit, verified phone/e-mail changes, password, and signing out everywhere.
import { Alert, App, Card, Spin } from 'antd';
import { useState } from 'react';
import { Navigate } from 'react-router';
import { getProfile } from '../../../common/api/profile';
import { errorMessage } from '../../api';
import { useApiQuery } from '../../data/hooks';
import { AccountActions } from '../../features/account/AccountActions';
import { ContactChangeDialog } from '../../features/account/ContactChangeDialog';
import { EditProfileDialog } from '../../features/account/EditProfileDialog';
import { ProfileFacts } from '../../features/account/ProfileFacts';
import { SetPasswordDialog } from '../../features/account/SetPasswordDialog';
import { useSession } from '../../session';
import { PageHeading } from '../../components/PageHeading';

export function AccountPage() {
  const { me, loading, refresh } = useSession();
  const { message } = App.useApp();
  const [dialog, setDialog] = useState<'edit' | 'phone' | 'email' | 'password' | null>(null);
  const citizen = me?.audience === 'citizen' && !me.mustChangePassword;
  const { data: profile, error } = useApiQuery(getProfile, {}, { enabled: citizen });

  if (loading) return null;
  if (!me || me.audience !== 'citizen') return <Navigate to="/dang-nhap" replace />;
  if (me.mustChangePassword) return <Navigate to="/doi-mat-khau" replace />;
  if (error) return <Alert role="alert" type="error" showIcon title={errorMessage(error)} />;
  if (!profile) return <Spin />;

  // The dialog's write has already read the profile again; the session's name and phone follow.
  const changed = async (text: string) => {
    setDialog(null);
    message.success(text);
    await refresh();
  };

  return (
    <Card>
      <PageHeading>Thông tin tài khoản</PageHeading>
      <ProfileFacts profile={profile} onChangeContact={setDialog} />
      <AccountActions profile={profile} onEdit={() => setDialog('edit')} onSetPassword={() => setDialog('password')} />
      {dialog === 'edit' && <EditProfileDialog profile={profile} onClose={() => setDialog(null)} onSaved={() => changed('Đã lưu thông tin tài khoản.')} />}
      {(dialog === 'phone' || dialog === 'email') && (
        <ContactChangeDialog channel={dialog} onClose={() => setDialog(null)} onSaved={() => changed(dialog === 'phone' ? 'Đã đổi số điện thoại.' : 'Đã cập nhật email.')} />
      )}
      {dialog === 'password' && <SetPasswordDialog profile={profile} onClose={() => setDialog(null)} onSaved={() => changed('Đã đặt mật khẩu.')} />}
    </Card>
  );
}
