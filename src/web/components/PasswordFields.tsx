// A new password with the policy shown as the user types, and its confirmation. Used inside an
// antd Form; the server checks the same rules (src/common/password.ts).
import { CheckCircleFilled, CloseCircleOutlined } from '@ant-design/icons';
import { Form, Input, List, Typography, type FormInstance } from 'antd';
import { PASSWORD_RULES } from '../../common/password';

export function PasswordFields({
  form,
  name = 'newPassword',
  label = 'Mật khẩu mới',
  confirmName = 'confirm',
  confirmLabel = 'Nhập lại mật khẩu mới',
}: {
  form: FormInstance;
  name?: string;
  label?: string;
  confirmName?: string;
  confirmLabel?: string;
}) {
  const value: string = Form.useWatch(name, form) ?? '';
  return (
    <>
      <Form.Item
        label={label}
        name={name}
        rules={[
          { required: true, message: `Nhập ${label.toLowerCase()}.` },
          { validator: (_, v: string) => (PASSWORD_RULES.every((r) => r.test(v ?? '')) ? Promise.resolve() : Promise.reject(new Error(`${label} chưa đạt yêu cầu bên dưới.`))) },
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <List
        size="small"
        aria-label="Yêu cầu mật khẩu"
        dataSource={PASSWORD_RULES}
        style={{ marginBottom: 16 }}
        renderItem={(r) => {
          const ok = r.test(value);
          return (
            <List.Item style={{ padding: '2px 0', border: 0 }}>
              <Typography.Text type={ok ? 'success' : 'secondary'}>
                {ok ? <CheckCircleFilled /> : <CloseCircleOutlined />} {r.label}
              </Typography.Text>
            </List.Item>
          );
        }}
      />
      <Form.Item
        label={confirmLabel}
        name={confirmName}
        dependencies={[name]}
        rules={[
          { required: true, message: `${confirmLabel}.` },
          ({ getFieldValue }) => ({
            validator: (_, v) => (v === getFieldValue(name) ? Promise.resolve() : Promise.reject(new Error('Mật khẩu nhập lại không khớp.'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </>
  );
}
