import { safeReturnPath } from '../../../common/return-path';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { VNEID_ERROR_MESSAGES } from '../../../common/vneid-errors';
import { useSession } from '../../session';
import { LiteAlert, LoginForm, SignInNotice } from '../LoginForm';

export function CitizenLoginPage() {
  const navigate = useNavigate();
  const { refresh, expired } = useSession();
  const [params] = useSearchParams();
  const loi = params.get('loi');
  const next = safeReturnPath(params.get('next'));
  return (
    <>
      {loi && (
        <div className="lite-narrow">
          <LiteAlert kind="error" role="alert">
            {VNEID_ERROR_MESSAGES[loi as keyof typeof VNEID_ERROR_MESSAGES] ?? `Không đăng nhập được bằng VNeID (mã lỗi ${loi}). Vui lòng thử lại hoặc gọi tổng đài 1022.`}
          </LiteAlert>
        </div>
      )}
      {next && !loi && <SignInNotice expired={expired} audience="citizen" />}
      <LoginForm
        title="Đăng nhập"
        audience="citizen"
        loginLabel="Số CMND/CCCD, mã số thuế hoặc số điện thoại"
        onDone={async (mustChange) => {
          await refresh();
          navigate(mustChange ? '/doi-mat-khau' : (next ?? '/tai-khoan'));
        }}
        footer={
          <div className="lite-stack">
            <p className="lite-secondary">Đăng nhập bằng tài khoản cấp bởi Cổng Dịch vụ công.</p>
            <p className="lite-links">
              <Link to="/quen-mat-khau">Quên mật khẩu</Link>
              <Link to="/dang-ky">Đăng ký</Link>
              <Link to="/ho-tro">Hướng dẫn, hỗ trợ</Link>
            </p>
            <p className="lite-divider">
              <span>hoặc</span>
            </p>
            <a className="lite-button lite-button-block" href={next ? `/api/auth/vneid/start?next=${encodeURIComponent(next)}` : '/api/auth/vneid/start'}>
              Đăng nhập bằng VNeID
            </a>
          </div>
        }
      />
    </>
  );
}

/** A return path inside the portal ("/nop-ho-so/1.001193"), never another site or the back office. */
