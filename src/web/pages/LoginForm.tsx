import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input } from 'antd';
import { useState, type ReactNode } from 'react';
import { login } from '../../common/api/auth';
import { ApiError } from '../api';
import { useApiMutation } from '../data/hooks';
import { PageHeading, ADMIN_SITE, PORTAL_SITE } from '../components/PageHeading';

interface Props {
  title: string;
  audience: 'officer' | 'citizen';
  loginLabel: string;
  onDone: (mustChangePassword: boolean) => Promise<void> | void;
  footer?: ReactNode;
}

/** Đăng nhập, shared by the citizen portal and the back office. */
export function LoginForm({ title, audience, loginLabel, onDone, footer }: Props) {
  const client = useQueryClient();
  const site = audience === 'officer' ? ADMIN_SITE : PORTAL_SITE;
  // A sign-in changes whose data every read answers: nothing cached for the account signed in
  // before (or for nobody) is shown; the reads are made afresh (see below).
  const signIn = useApiMutation(login);
  /** Signed in: the session is read again and the next page opened. */
  const [entering, setEntering] = useState(false);
  // After many wrong passwords, a browser the account does not know must also give the code the
  // server texted to the account's phone (LOGIN_CODE_REQUIRED, ADR 0012).
  const [challenge, setChallenge] = useState<{ id: string; notice: string } | null>(null);
  const [form] = Form.useForm<{ login: string; password: string; code?: string }>();
  const submit = async (v: { login: string; password: string; code?: string }, opts: { newCode?: boolean } = {}) => {
    const answer = challenge && !opts.newCode && v.code ? { challengeId: challenge.id, code: v.code.trim() } : {};
    let r;
    try {
      r = await signIn.mutateAsync({ body: { audience, login: v.login, password: v.password, ...answer } });
    } catch (err) {
      if (codeRequired(err)) {
        setChallenge({ id: err.details.challengeId, notice: err.message });
        form.setFieldValue('code', '');
      }
      return; // Any other refusal is shown from the mutation's state.
    }
    setEntering(true);
    try {
      await client.resetQueries();
      await onDone(r.mustChangePassword);
    } finally {
      setEntering(false);
    }
  };
  // "Mã xác thực" asked for is a step of the sign-in, not an error.
  const error = !signIn.error || codeRequired(signIn.error) ? null : signIn.error instanceof ApiError ? signIn.error.message : 'Đã có lỗi xảy ra.';
  const busy = signIn.isPending || entering;
  return (
    <Card style={{ maxWidth: 440, margin: '0 auto' }}>
      <PageHeading site={site}>{title}</PageHeading>
      {error && <Alert role="alert" type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      {challenge && <Alert type="info" showIcon title={challenge.notice} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={(v) => submit(v)} requiredMark={false}>
        <Form.Item label={loginLabel} name="login" rules={[{ required: true, message: `Nhập ${loginLabel.toLowerCase()}.` }]}>
          <Input autoComplete="username" autoFocus />
        </Form.Item>
        <Form.Item label="Mật khẩu" name="password" rules={[{ required: true, message: 'Nhập mật khẩu.' }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        {challenge && (
          <Form.Item
            label="Mã xác thực"
            name="code"
            rules={[{ required: true, pattern: /^\s*\d{6}\s*$/, message: 'Nhập mã xác thực gồm 6 chữ số đã gửi tới điện thoại.' }]}
            extra={
              <Button
                type="link"
                style={{ paddingInline: 0 }}
                disabled={busy}
                onClick={() => void form.validateFields(['login', 'password']).then((v) => submit(v, { newCode: true }))}
              >
                Gửi lại mã
              </Button>
            }
          >
            <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} autoFocus />
          </Form.Item>
        )}
        <Button type="primary" htmlType="submit" block loading={busy}>
          Đăng nhập
        </Button>
      </Form>
      {footer}
    </Card>
  );
}

/** Above the form when a page sent the user here: why (the session ended, or sign-in is needed). */
export function SignInNotice({ expired, audience }: { expired: boolean; audience: 'officer' | 'citizen' }) {
  const ended =
    audience === 'officer'
      ? 'Phiên làm việc đã hết hạn hoặc đã kết thúc. Vui lòng đăng nhập lại để tiếp tục công việc.'
      : 'Phiên đăng nhập đã hết hạn hoặc đã kết thúc. Vui lòng đăng nhập lại để tiếp tục.';
  return (
    <Alert
      role="status"
      type={expired ? 'warning' : 'info'}
      showIcon
      title={expired ? ended : 'Bạn cần đăng nhập để tiếp tục.'}
      style={{ maxWidth: 440, margin: '0 auto 16px' }}
    />
  );
}

/** The server asks for the code it has just texted (a new challenge). */
function codeRequired(err: unknown): err is ApiError & { details: { challengeId: string } } {
  return err instanceof ApiError && err.code === 'LOGIN_CODE_REQUIRED' && typeof err.details?.challengeId === 'string';
}
