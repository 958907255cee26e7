// "+THÊM MỚI": a new officer account; the temporary password goes out by SMS. The "Tên đăng nhập"
// rule is the contract's USERNAME_PATTERN (the service applies the same one).
import { Alert, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { createUser, listUsers, USERNAME_PATTERN } from '../../../common/api/admin-users';
import type { BodyOf, Reply } from '../../../common/api/contract';
import { errorMessage } from '../../api';
import { UnitPicker } from '../../components/UnitPicker';
import { useApiMutation } from '../../data/hooks';

type NewUserForm = Omit<BodyOf<typeof createUser>, 'unitIds'> & { unitIds?: string[] };
export type CreatedUser = Reply<typeof createUser>;

const USERNAME = new RegExp(USERNAME_PATTERN);

export function CreateUserDialog(props: { open: boolean; onClose: (created?: CreatedUser) => void }) {
  const [form] = Form.useForm<NewUserForm>();
  const [error, setError] = useState<string | null>(null);
  const create = useApiMutation(createUser, { invalidates: [listUsers] });

  const submit = async (v: NewUserForm) => {
    try {
      const created = await create.mutateAsync({ body: { ...v, unitIds: v.unitIds ?? [] } });
      form.resetFields();
      setError(null);
      props.onClose(created);
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  // "HỦY BỎ" (or the X, or Esc) drops what was typed and the last refusal: the next "+THÊM MỚI"
  // starts from an empty form.
  const cancel = () => {
    form.resetFields();
    setError(null);
    props.onClose();
  };

  // The form wraps the whole dialog, so "LƯU LẠI" is its submit button and Enter in a field submits
  // it (a unit list open under the cursor takes Enter for itself).
  return (
    <Modal
      title="Thêm mới tài khoản"
      open={props.open}
      onCancel={cancel}
      okText="LƯU LẠI"
      cancelText="HỦY BỎ"
      confirmLoading={create.isPending}
      okButtonProps={{ htmlType: 'submit' }}
      destroyOnHidden
      modalRender={(dom) => (
        <Form form={form} name="newUser" layout="vertical" onFinish={submit} clearOnDestroy>
          {dom}
        </Form>
      )}
    >
      {error && <Alert role="alert" type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form.Item label="Họ và tên" name="fullName" rules={[{ required: true, message: 'Nhập họ và tên.' }]}>
        <Input autoFocus />
      </Form.Item>
      <Form.Item
        label="Tên đăng nhập"
        name="username"
        rules={[
          { required: true, message: 'Nhập tên đăng nhập.' },
          { pattern: USERNAME, message: 'Tên đăng nhập gồm 3–50 ký tự: chữ không dấu, chữ số, dấu chấm, gạch dưới, gạch ngang.' },
        ]}
      >
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item label="CMND/CCCD" name="idNumber">
        <Input inputMode="numeric" />
      </Form.Item>
      <Form.Item label="Số điện thoại" name="phone" rules={[{ required: true, message: 'Nhập số điện thoại di động để nhận mật khẩu tạm.' }]}>
        <Input inputMode="tel" />
      </Form.Item>
      <Form.Item label="Email" name="email">
        <Input type="email" />
      </Form.Item>
      <Form.Item label="Đơn vị công tác" name="unitIds">
        <UnitPicker source="state" mode="multiple" />
      </Form.Item>
      <Typography.Paragraph type="secondary">
        Mật khẩu tạm được gửi qua SMS; người dùng phải đổi mật khẩu ở lần đăng nhập đầu tiên.
      </Typography.Paragraph>
    </Modal>
  );
}
