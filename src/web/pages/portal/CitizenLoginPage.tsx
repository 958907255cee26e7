import { safeReturnPath } from '../../../common/return-path';
import { Alert, Button, Divider, Space, Typography } from 'antd';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { VNEID_ERROR_MESSAGES } from '../../../common/vneid-errors';
import { useSession } from '../../session';
import { LoginForm, SignInNotice } from '../LoginForm';

export function CitizenLoginPage() {
  const navigate = useNavigate();
  const { refresh, expired } = useSession();
  const [params] = useSearchParams();
  const loi = params.get('loi');
  const next = safeReturnPath(params.get('next'));
  return (
    <>
      {loi && (
        <Alert
          role="alert"
          type="error"
          showIcon
          title={VNEID_ERROR_MESSAGES[loi as keyof typeof VNEID_ERROR_MESSAGES] ?? `Không đăng nhập được bằng VNeID (mã lỗi ${loi}). Vui lòng thử lại hoặc gọi tổng đài 1022.`}
          style={{ maxWidth: 440, margin: '0 auto 16px' }}
        />
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
          <Space orientation="vertical" style={{ marginTop: 16, width: '100%' }}>
            <Typography.Text type="secondary">Đăng nhập bằng tài khoản cấp bởi Cổng Dịch vụ công.</Typography.Text>
            <Space wrap>
              <Link to="/quen-mat-khau">Quên mật khẩu</Link>
              <Link to="/dang-ky">Đăng ký</Link>
              <Link to="/ho-tro">Hướng dẫn, hỗ trợ</Link>
            </Space>
            <Divider plain style={{ margin: '8px 0' }}>
              hoặc
            </Divider>
            <Button block size="large" href={next ? `/api/auth/vneid/start?next=${encodeURIComponent(next)}` : '/api/auth/vneid/start'}>
              Đăng nhập bằng VNeID
            </Button>
          </Space>
        }
      />
    </>
  );
}

/** A return path inside the portal ("/nop-ho-so/1.001193"), never another site or the back office. */
