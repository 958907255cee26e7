// "Gán quyền người dùng": the officer's permissions as the server last answered them (with why a
// permission cannot change), ticked and saved at once.
import { Alert, App, Button, Modal } from 'antd';
import { useState } from 'react';
import { getUser, listUsers, setUserPermissions } from '../../../common/api/admin-users';
import type { Reply } from '../../../common/api/contract';
import { errorMessage } from '../../api';
import { useApiMutation, useApiQuery } from '../../data/hooks';
import { GrantTable } from './GrantTable';
import type { AdminUser } from './useUserList';

type Detail = Reply<typeof getUser>;

export function GrantsDialog(props: { user: AdminUser; onClose: () => void }) {
  const { message } = App.useApp();
  const id = props.user.id;
  const detail = useApiQuery(getUser, { params: { id } });
  const saveGrants = useApiMutation(setUserPermissions, { invalidates: [getUser, listUsers] });
  const [error, setError] = useState<string | null>(null);
  // The boxes start from the answer fetched for this dialog (not an older cached one) and then stay
  // as the administrator ticks them, whatever is fetched later.
  const [shown, setShown] = useState<Detail | null>(null);
  const [checked, setChecked] = useState<Set<string>>(new Set());
  if (!shown && detail.data && !detail.isFetching) {
    setShown(detail.data);
    setChecked(new Set(detail.data.permissions));
  }

  const save = async () => {
    try {
      await saveGrants.mutateAsync({ params: { id }, body: { permissions: [...checked] } });
      message.success(`Đã lưu quyền của ${props.user.fullName}.`);
      props.onClose();
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  const shownError = error ?? (detail.error ? errorMessage(detail.error) : null);
  return (
    <Modal
      title={`Gán quyền người dùng — ${props.user.fullName}`}
      open
      width={720}
      onCancel={props.onClose}
      footer={[
        <Button key="exit" onClick={props.onClose}>
          THOÁT
        </Button>,
        <Button key="save" type="primary" loading={saveGrants.isPending} disabled={!shown} onClick={save}>
          LƯU LẠI
        </Button>,
      ]}
    >
      {shownError && <Alert role="alert" type="error" showIcon title={shownError} style={{ marginBottom: 12 }} />}
      <GrantTable grants={shown?.grants ?? []} checked={checked} onChange={setChecked} />
    </Modal>
  );
}
