// Steps 2 and 3 of "Tạo tài khoản công dân": the citizen checks and signs the request form, an OTP
// goes to the citizen's phone, and the account is created with the code the citizen reads out.
import { Alert, Button, Card, Form, Space, Typography } from 'antd';
import { useState } from 'react';
import { completeAccountRequest, downloadAccountRequestForm, getAccountRequest, listAccountRequests, sendAccountOtp } from '../../../common/api/citizen-accounts';
import type { Reply } from '../../../common/api/contract';
import { ApiError } from '../../api';
import { OtpField, OtpTimerText, useOtpTimer } from '../../components/otp';
import { urlOf } from '../../data/client';
import { useApiMutation } from '../../data/hooks';
import { CancelRequestButton } from './CancelRequestButton';
import { errorText } from './errorText';
import { RequestSummary } from './RequestSummary';

type Detail = Reply<typeof getAccountRequest>;

export function ConfirmStep({ detail, onChange, onEdit }: { detail: Detail; onChange: (d: Detail) => void; onEdit: () => void }) {
  // Sending a code changes the request's OTP status (read again); completing answers the request.
  const sendOtp = useApiMutation(sendAccountOtp, { invalidates: [getAccountRequest] });
  const complete = useApiMutation(completeAccountRequest, { invalidates: [listAccountRequests] });
  const sendError = sendOtp.error ? errorText(sendOtp.error) : null;
  const createError = complete.error ? errorText(complete.error) : null;
  const [sendsRemaining, setSendsRemaining] = useState<number | null>(null);
  const [sentNotice, setSentNotice] = useState<string | null>(null);
  const timer = useOtpTimer(detail.otp);
  const [form] = Form.useForm<{ otp: string }>();

  const send = async () => {
    complete.reset();
    try {
      const r = await sendOtp.mutateAsync({ params: { id: detail.id } });
      timer.sent(r);
      setSendsRemaining(r.sendsRemaining);
      setSentNotice(`Đã gửi mã OTP tới số ${detail.phone}.`);
      form.resetFields();
    } catch {
      // Shown from the mutation's state (`sendError`).
    }
  };

  const create = async (v: { otp: string }) => {
    try {
      onChange(await complete.mutateAsync({ params: { id: detail.id }, body: { otp: v.otp.trim() } }));
    } catch (err) {
      if (err instanceof ApiError && ['OTP_EXPIRED', 'OTP_ATTEMPTS_EXCEEDED', 'OTP_NOT_SENT'].includes(err.code)) timer.kill();
    }
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card title="Thông tin tài khoản" size="small" extra={<Button onClick={onEdit}>Sửa thông tin</Button>}>
        <RequestSummary d={detail} />
      </Card>
      <Card title="Xác nhận của công dân về thông tin tài khoản" size="small">
        <Typography.Paragraph>
          Tải giấy đề nghị tạo tài khoản để công dân kiểm tra thông tin và ký xác nhận, sau đó gửi mã OTP tới số điện thoại của công dân.
        </Typography.Paragraph>
        <Space wrap>
          <Button href={urlOf(downloadAccountRequestForm, { id: detail.id })} download>
            Tải xuống
          </Button>
          <Button type="primary" onClick={send} loading={sendOtp.isPending} disabled={timer.resendIn > 0}>
            Gửi mã OTP
          </Button>
        </Space>
        <div style={{ marginTop: 12 }}>
          <OtpTimerText timer={timer} resendLabel="Gửi mã OTP" notice={sentNotice} />
          {sendsRemaining !== null && <Typography.Text type="secondary">Còn được gửi {sendsRemaining} lần trong 1 giờ</Typography.Text>}
        </div>
        {sendError && <Alert role="alert" type="error" showIcon title={sendError} style={{ marginTop: 12 }} />}
      </Card>
      <Card title="Đăng ký tài khoản" size="small">
        <Typography.Paragraph style={{ marginBottom: 4 }}>
          Anh/chị nhập mã OTP gồm 6 số đã được gửi tới số điện thoại đăng ký của công dân
        </Typography.Paragraph>
        <Typography.Paragraph type="secondary">(OTP chỉ có hiệu lực trong vòng 2 phút)</Typography.Paragraph>
        {createError && <Alert role="alert" type="error" showIcon title={createError} style={{ marginBottom: 12 }} />}
        <Form form={form} layout="vertical" onFinish={create} disabled={!timer.started}>
          <OtpField label="Nhập OTP" requiredMessage="Nhập mã OTP công dân đọc." />
          <Space>
            <Button type="primary" htmlType="submit" loading={complete.isPending}>
              Tạo tài khoản
            </Button>
          </Space>
        </Form>
        <div style={{ marginTop: 12 }}>
          <CancelRequestButton id={detail.id} onCancelled={onChange} />
        </div>
      </Card>
    </Space>
  );
}
