import { Typography } from 'antd';
import type { Registration } from './useRegistration';

/** Whose registration this is, above the OTP and password steps. */
export function RegistrationSummary({ reg }: { reg: Registration }) {
  return (
    <Typography.Paragraph type="secondary">
      {reg.kind === 'citizen' ? 'Số CMND/CCCD' : 'Mã số thuế'}: <b>{reg.idNumber}</b> · {reg.fullName} · Số điện thoại: <b>{reg.phone}</b>
    </Typography.Paragraph>
  );
}
