// A new password with the policy shown as the user types, and its confirmation. Used inside an
// antd Form; the server checks the same rules (src/common/password.ts) and the blocklist
// (src/common/password-blocklist.ts). The browser checks the blocklist with the Vietnamese list
// and the account's own words (`context`) as the user types; the server adds zxcvbn's large
// lists and guess estimate (too big to ship to the browser) and its message is shown on submit.
import { CheckCircleFilled, CloseCircleOutlined } from '@ant-design/icons';
import { Form, Input, List, Typography, type FormInstance } from 'antd';
import { PASSWORD_RULES } from '../../common/password';
import { blocklistHit, PASSWORD_TOO_COMMON_MESSAGE, type PasswordContext } from '../../common/password-blocklist';

export function PasswordFields({
  form,
  name = 'newPassword',
  label = 'Mật khẩu mới',
  confirmName = 'confirm',
  confirmLabel = 'Nhập lại mật khẩu mới',
  context,
}: {
  form: FormInstance;
  name?: string;
  label?: string;
  confirmName?: string;
  confirmLabel?: string;
  /** What the page knows of the account (name, CMND/CCCD, phone…): a password built on it is refused. */
  context?: PasswordContext;
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
          // Only once the composition rules pass, so one message shows at a time.
          {
            validator: (_, v: string) =>
              !v || !PASSWORD_RULES.every((r) => r.test(v)) || !blocklistHit(v, context) ? Promise.resolve() : Promise.reject(new Error(PASSWORD_TOO_COMMON_MESSAGE)),
          },
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
