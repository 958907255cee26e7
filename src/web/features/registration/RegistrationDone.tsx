import { Button, Result } from 'antd';
import { Link } from 'react-router';
import type { Registration } from './useRegistration';

/** "Đăng ký tài khoản thành công", with the names to sign in with. */
export function RegistrationDone({ reg }: { reg: Registration }) {
  return (
    <Result
      status="success"
      title="Đăng ký tài khoản thành công"
      subTitle={`Tên đăng nhập: ${reg.idNumber} (hoặc số điện thoại ${reg.phone}).`}
      extra={
        <Link to="/dang-nhap">
          <Button type="primary">Đăng nhập</Button>
        </Link>
      }
    />
  );
}
