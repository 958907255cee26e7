import { Result } from 'antd';
import type { Registration } from './useRegistration';
import { ButtonLink } from '../../components/ButtonLink';

/** "Đăng ký tài khoản thành công", with the names to sign in with. */
export function RegistrationDone({ reg }: { reg: Registration }) {
  return (
    <Result
      status="success"
      title="Đăng ký tài khoản thành công"
      subTitle={`Tên đăng nhập: ${reg.idNumber} (hoặc số điện thoại ${reg.phone}).`}
      extra={
        <ButtonLink to="/dang-nhap" type="primary">Đăng nhập</ButtonLink>
      }
    />
  );
}
