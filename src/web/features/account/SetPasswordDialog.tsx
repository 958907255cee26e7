// "Đặt mật khẩu": an account opened through VNeID gets a password, so that it can also sign in
// with the CCCD or the phone number.
import { Alert, Form, Modal, Typography } from 'antd';
import { getProfile, setFirstPassword } from '../../../common/api/profile';
import { errorMessage } from '../../api';
import { PasswordFields } from '../../components/PasswordFields';
import { useApiMutation } from '../../data/hooks';
import type { Profile } from './profile';

export function SetPasswordDialog({ profile, onClose, onSaved }: { profile: Profile; onClose: () => void; onSaved: () => void }) {
  const [form] = Form.useForm<{ newPassword: string; confirm: string }>();
  // The profile then says it has a password ("Đổi mật khẩu" instead of "Đặt mật khẩu").
  const set = useApiMutation(setFirstPassword, { invalidates: [getProfile] });
  const save = async (v: { newPassword: string; confirm: string }) => {
    try {
      await set.mutateAsync({ body: { newPassword: v.newPassword, newPasswordConfirm: v.confirm } });
      onSaved();
    } catch {
      // Shown from the mutation's state.
    }
  };
  return (
    <Modal open title="Đặt mật khẩu" okText="Lưu" cancelText="Hủy" onOk={() => form.submit()} confirmLoading={set.isPending} onCancel={onClose} destroyOnHidden>
      <Typography.Paragraph>Tài khoản của bạn được mở bằng VNeID. Đặt mật khẩu để có thể đăng nhập bằng số CCCD hoặc số điện thoại.</Typography.Paragraph>
      {set.error && <Alert role="alert" type="error" showIcon title={errorMessage(set.error)} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={save}>
        <PasswordFields
          form={form}
          context={{ fullName: profile.fullName, idNumber: profile.idNumber, phone: profile.phone, email: profile.email, birthDate: profile.birthDate, other: [profile.representativeName] }}
        />
      </Form>
    </Modal>
  );
}
