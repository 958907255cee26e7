// Đăng nhập, shared by the citizen portal and the back office. Plain elements, no antd: the
// citizen's login is the page most visits start on, and on a 3G phone it must be usable before
// the component library has arrived (issue 15; the library loads with the next page). Styles are
// the "lite-" rules of app.css, sized like the portal's antd controls (44 px, 16 px text).
import { useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
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

type Values = { login: string; password: string; code: string };
type Errors = Partial<Record<keyof Values, string>>;

const CODE_PATTERN = /^\s*\d{6}\s*$/;

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
  const [values, setValues] = useState<Values>({ login: '', password: '', code: '' });
  const [errors, setErrors] = useState<Errors>({});
  const [showPassword, setShowPassword] = useState(false);
  const ids = { login: useId(), password: useId(), code: useId() };

  const check = (v: Values, fields: (keyof Values)[]): Errors => {
    const e: Errors = {};
    if (fields.includes('login') && !v.login.trim()) e.login = `Nhập ${loginLabel.toLowerCase()}.`;
    if (fields.includes('password') && !v.password) e.password = 'Nhập mật khẩu.';
    if (fields.includes('code') && challenge && !CODE_PATTERN.test(v.code)) e.code = 'Nhập mã xác thực gồm 6 chữ số đã gửi tới điện thoại.';
    return e;
  };
  const set = (field: keyof Values) => (e: { target: { value: string } }) => {
    const next = { ...values, [field]: e.target.value };
    setValues(next);
    // A message goes as soon as what it asked for is typed.
    if (errors[field]) setErrors({ ...errors, [field]: check(next, [field])[field] });
  };

  const submit = async (opts: { newCode?: boolean } = {}) => {
    const found = check(values, opts.newCode ? ['login', 'password'] : ['login', 'password', 'code']);
    setErrors(found);
    const first = (['login', 'password', 'code'] as const).find((f) => found[f]);
    if (first) {
      document.getElementById(ids[first])?.focus();
      return;
    }
    const answer = challenge && !opts.newCode && values.code ? { challengeId: challenge.id, code: values.code.trim() } : {};
    let r;
    try {
      r = await signIn.mutateAsync({ body: { audience, login: values.login, password: values.password, ...answer } });
    } catch (err) {
      if (codeRequired(err)) {
        setChallenge({ id: err.details.challengeId, notice: err.message });
        setValues((v) => ({ ...v, code: '' }));
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
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void submit();
  };
  // "Mã xác thực" asked for is a step of the sign-in, not an error.
  const error = !signIn.error || codeRequired(signIn.error) ? null : signIn.error instanceof ApiError ? signIn.error.message : 'Đã có lỗi xảy ra.';
  const busy = signIn.isPending || entering;
  const field = (name: keyof Values) => ({
    id: ids[name],
    name,
    value: values[name],
    onChange: set(name),
    className: errors[name] ? 'lite-input lite-input-invalid' : 'lite-input',
    'aria-invalid': errors[name] ? true : undefined,
    'aria-describedby': errors[name] ? `${ids[name]}-error` : undefined,
  });
  const fieldError = (name: keyof Values) =>
    errors[name] && (
      <div id={`${ids[name]}-error`} role="alert" className="lite-field-error">
        {errors[name]}
      </div>
    );
  return (
    <div className="lite-card">
      <PageHeading site={site}>{title}</PageHeading>
      {error && <LiteAlert kind="error" role="alert">{error}</LiteAlert>}
      {challenge && <LiteAlert kind="info">{challenge.notice}</LiteAlert>}
      <form onSubmit={onSubmit} noValidate>
        <div className="lite-field">
          <label htmlFor={ids.login}>{loginLabel}</label>
          <input {...field('login')} autoComplete="username" autoFocus />
          {fieldError('login')}
        </div>
        <div className="lite-field">
          <label htmlFor={ids.password}>Mật khẩu</label>
          <div className="lite-password">
            <input {...field('password')} type={showPassword ? 'text' : 'password'} autoComplete="current-password" />
            <button type="button" className="lite-password-toggle" aria-pressed={showPassword} aria-controls={ids.password} onClick={() => setShowPassword((s) => !s)}>
              {showPassword ? 'Ẩn' : 'Hiện'}
            </button>
          </div>
          {fieldError('password')}
        </div>
        {challenge && (
          <div className="lite-field">
            <label htmlFor={ids.code}>Mã xác thực</label>
            <input {...field('code')} inputMode="numeric" autoComplete="one-time-code" maxLength={6} autoFocus />
            {fieldError('code')}
            <button type="button" className="lite-link-button" disabled={busy} onClick={() => void submit({ newCode: true })}>
              Gửi lại mã
            </button>
          </div>
        )}
        <button type="submit" className="lite-button lite-button-primary lite-button-block" disabled={busy} aria-busy={busy}>
          {busy && <span className="lite-spinner" aria-hidden />}
          Đăng nhập
        </button>
      </form>
      {footer}
    </div>
  );
}

/** A message above a form (antd's Alert look, without antd). */
export function LiteAlert({ kind, role = 'status', children }: { kind: 'error' | 'info' | 'warning'; role?: 'alert' | 'status'; children: ReactNode }) {
  return (
    <div role={role} className={`lite-alert lite-alert-${kind}`}>
      {children}
    </div>
  );
}

/** Above the form when a page sent the user here: why (the session ended, or sign-in is needed). */
export function SignInNotice({ expired, audience }: { expired: boolean; audience: 'officer' | 'citizen' }) {
  const ended =
    audience === 'officer'
      ? 'Phiên làm việc đã hết hạn hoặc đã kết thúc. Vui lòng đăng nhập lại để tiếp tục công việc.'
      : 'Phiên đăng nhập đã hết hạn hoặc đã kết thúc. Vui lòng đăng nhập lại để tiếp tục.';
  return (
    <div className="lite-narrow">
      <LiteAlert kind={expired ? 'warning' : 'info'}>{expired ? ended : 'Bạn cần đăng nhập để tiếp tục.'}</LiteAlert>
    </div>
  );
}

/** The server asks for the code it has just texted (a new challenge). */
function codeRequired(err: unknown): err is ApiError & { details: { challengeId: string } } {
  return err instanceof ApiError && err.code === 'LOGIN_CODE_REQUIRED' && typeof err.details?.challengeId === 'string';
}
