// "Đổi số điện thoại" / "Đổi email": a code goes to the new value; the change takes effect only
// when the citizen types it back. Sending answers the change under way (the next step), which
// changes no read; confirming changes the profile.
import { Alert, Button, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import type { Reply } from '../../../common/api/contract';
import { confirmContactChange, getProfile, startContactChange } from '../../../common/api/profile';
import { isEmail, normalizeMobile } from '../../../common/vn-ids';
import { errorMessage } from '../../api';
import { OtpField, OtpTimerText, useOtpTimer } from '../../components/otp';
import { useApiMutation } from '../../data/hooks';

type ContactChange = Reply<typeof startContactChange>;

export function ContactChangeDialog({ channel, onClose, onSaved }: { channel: 'phone' | 'email'; onClose: () => void; onSaved: () => void }) {
  const phone = channel === 'phone';
  const start = useApiMutation(startContactChange);
  const confirmation = useApiMutation(confirmContactChange, { invalidates: [getProfile] });
  const [change, setChange] = useState<ContactChange | null>(null);
  const timer = useOtpTimer();
  const [form] = Form.useForm<{ value: string; otp?: string }>();
  const busy = start.isPending || confirmation.isPending;
  const failed = start.error ?? confirmation.error;

  const send = async () => {
    const { value } = await form.validateFields(['value']);
    confirmation.reset();
    try {
      const c = await start.mutateAsync({ body: { channel, value } });
      setChange(c);
      timer.sent(c);
    } catch {
      // Shown from the mutation's state.
    }
  };
  const confirm = async () => {
    const { otp } = await form.validateFields(['otp']);
    start.reset();
    try {
      await confirmation.mutateAsync({ params: { id: change!.id }, body: { otp: (otp ?? '').trim() } });
      onSaved();
    } catch {
      // Shown from the mutation's state.
    }
  };
  const label = phone ? 'Số điện thoại mới' : 'Email mới';
  return (
    <Modal
      open
      title={phone ? 'Đổi số điện thoại' : 'Đổi email'}
      onCancel={onClose}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={onClose}>
          Hủy
        </Button>,
        <Button key="send" onClick={send} loading={busy && !change} disabled={timer.resendIn > 0}>
          {change ? 'Gửi lại OTP' : 'Gửi mã OTP'}
        </Button>,
        <Button key="ok" type="primary" onClick={confirm} disabled={!change} loading={busy && !!change}>
          Xác nhận
        </Button>,
      ]}
    >
      {failed && <Alert role="alert" type="error" showIcon title={errorMessage(failed)} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical">
        <Form.Item
          label={label}
          name="value"
          rules={[
            { required: true, message: `Nhập ${label.toLowerCase()}.` },
            {
              validator: (_, v: string) =>
                !v || (phone ? normalizeMobile(v) : isEmail(v.trim())) ? Promise.resolve() : Promise.reject(new Error(phone ? 'Số di động Việt Nam gồm 10 chữ số.' : 'Địa chỉ email không hợp lệ.')),
            },
          ]}
          extra={`Mã OTP sẽ được gửi tới ${phone ? 'số điện thoại' : 'địa chỉ email'} mới; thay đổi chỉ có hiệu lực khi bạn nhập đúng mã.`}
        >
          <Input inputMode={phone ? 'tel' : 'email'} disabled={!!change} autoFocus />
        </Form.Item>
        {change && (
          <>
            <OtpTimerText timer={timer} resendLabel="Gửi lại OTP" notice={`Đã gửi mã OTP tới ${change.value}.`} />
            <div style={{ marginTop: 12 }}>
              <OtpField />
            </div>
          </>
        )}
      </Form>
    </Modal>
  );
}
