// "Đăng ký" (seed 004 PL1 Bước 1–5): the form, an OTP to the phone ("Gửi lại OTP" when it does
// not arrive or has expired), then Mật khẩu + Nhập lại mật khẩu → "Đăng ký". A reload resumes
// where the citizen was (the registration id is kept for this browser tab).
import { Alert, Button, Card, DatePicker, Form, Input, Result, Segmented, Space, Steps, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { checkBirthDate, checkIdNumber, isEmail, isTaxCode, normalizeIdNumber, normalizeMobile } from '../../../common/vn-ids';
import { api, errorMessage, type Registration } from '../../api';
import { OtpField, OtpTimerText, useOtpTimer } from '../../components/otp';
import { PasswordFields } from '../../components/PasswordFields';

const STORE = 'dvc.registration';
type Kind = Registration['kind'];

interface FormValues {
  idNumber: string;
  fullName: string;
  birthDate?: Dayjs;
  representativeName?: string;
  phone: string;
  email?: string;
}

export function RegisterPage() {
  const [reg, setReg] = useState<Registration | null>(null);
  const [loading, setLoading] = useState(() => sessionStorage.getItem(STORE) !== null);
  /** The code was sent by this page just now (not known only from a reload). */
  const [fresh, setFresh] = useState(false);

  useEffect(() => {
    const id = sessionStorage.getItem(STORE);
    if (!id) return;
    api
      .get<Registration>(`/api/registrations/${id}`)
      .then(setReg)
      .catch(() => sessionStorage.removeItem(STORE))
      .finally(() => setLoading(false));
  }, []);

  const update = (r: Registration | null) => {
    if (r && r.status !== 'completed') sessionStorage.setItem(STORE, r.id);
    else sessionStorage.removeItem(STORE);
    setReg(r);
  };
  if (loading) return null;
  const step = !reg ? 0 : reg.status === 'pending' ? 1 : reg.status === 'verified' ? 2 : 3;
  return (
    <Card style={{ maxWidth: 640, margin: '0 auto' }}>
      <Typography.Title level={3}>Đăng ký tài khoản</Typography.Title>
      <Steps
        size="small"
        current={step}
        style={{ marginBottom: 24 }}
        items={[{ title: 'Thông tin tài khoản' }, { title: 'Xác thực OTP' }, { title: 'Đặt mật khẩu' }, { title: 'Hoàn thành' }]}
      />
      {step === 0 && (
        <InfoStep
          onStarted={(r) => {
            setFresh(true);
            update(r);
          }}
        />
      )}
      {step === 1 && reg && <OtpStep reg={reg} fresh={fresh} onChange={update} onRestart={() => update(null)} />}
      {step === 2 && reg && <PasswordStep reg={reg} onChange={update} onRestart={() => update(null)} />}
      {step === 3 && reg && <Done reg={reg} />}
      {step === 0 && (
        <Typography.Paragraph style={{ marginTop: 16 }}>
          Đã có tài khoản? <Link to="/dang-nhap">Đăng nhập</Link> · <Link to="/ho-tro">Hướng dẫn, hỗ trợ</Link>
        </Typography.Paragraph>
      )}
    </Card>
  );
}

function InfoStep({ onStarted }: { onStarted: (r: Registration) => void }) {
  const [kind, setKind] = useState<Kind>('citizen');
  const [form] = Form.useForm<FormValues>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (v: FormValues) => {
    setBusy(true);
    setError(null);
    try {
      onStarted(
        await api.post<Registration>('/api/registrations', {
          kind,
          idNumber: v.idNumber,
          fullName: v.fullName,
          birthDate: kind === 'citizen' ? v.birthDate?.format('YYYY-MM-DD') : null,
          representativeName: kind === 'organisation' ? v.representativeName : null,
          phone: v.phone,
          email: v.email?.trim() || null,
        }),
      );
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  const citizen = kind === 'citizen';
  return (
    <>
      <Segmented<Kind>
        aria-label="Loại tài khoản"
        value={kind}
        onChange={(k) => {
          setKind(k);
          setError(null);
        }}
        options={[
          { label: 'Công dân', value: 'citizen' },
          { label: 'Tổ chức, doanh nghiệp', value: 'organisation' },
        ]}
        style={{ marginBottom: 16 }}
      />
      {error && <Alert role="alert" type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={submit} key={kind}>
        <Form.Item
          label={citizen ? 'Số CMND/CCCD' : 'Mã số thuế'}
          name="idNumber"
          rules={[
            { required: true, message: citizen ? 'Nhập số CMND/CCCD.' : 'Nhập mã số thuế.' },
            {
              validator: (_, v: string) => {
                if (!v) return Promise.resolve();
                if (!citizen) return isTaxCode(normalizeIdNumber(v)) ? Promise.resolve() : Promise.reject(new Error('Mã số thuế không hợp lệ (sai chữ số kiểm tra hoặc sai định dạng).'));
                const birth = form.getFieldValue('birthDate') as Dayjs | undefined;
                const c = checkIdNumber(normalizeIdNumber(v), birth?.format('YYYY-MM-DD'));
                return c.ok ? Promise.resolve() : Promise.reject(new Error(c.message));
              },
            },
          ]}
          dependencies={['birthDate']}
        >
          <Input inputMode="numeric" autoComplete="off" maxLength={citizen ? 14 : 16} />
        </Form.Item>
        <Form.Item label={citizen ? 'Họ và tên' : 'Tên tổ chức, doanh nghiệp'} name="fullName" rules={[{ required: true, whitespace: true, message: citizen ? 'Nhập họ và tên.' : 'Nhập tên tổ chức, doanh nghiệp.' }]}>
          <Input autoComplete={citizen ? 'name' : 'organization'} />
        </Form.Item>
        {citizen ? (
          <Form.Item
            label="Ngày sinh"
            name="birthDate"
            rules={[
              { required: true, message: 'Chọn ngày sinh.' },
              { validator: (_, v?: Dayjs) => (v && checkBirthDate(v.format('YYYY-MM-DD'), new Date()) ? Promise.reject(new Error(checkBirthDate(v.format('YYYY-MM-DD'), new Date()))) : Promise.resolve()) },
            ]}
          >
            <DatePicker format="DD/MM/YYYY" placeholder="dd/mm/yyyy" disabledDate={(d) => d.isAfter(dayjs())} style={{ width: 200 }} />
          </Form.Item>
        ) : (
          <Form.Item label="Họ và tên người đại diện" name="representativeName" rules={[{ required: true, whitespace: true, message: 'Nhập họ và tên người đại diện.' }]}>
            <Input autoComplete="name" />
          </Form.Item>
        )}
        <Form.Item
          label={citizen ? 'Số điện thoại' : 'Số điện thoại người đại diện'}
          name="phone"
          extra="Mã OTP sẽ được gửi tới số này. Số điện thoại phải đúng chính chủ (nhắn TTTB gửi 1414 để kiểm tra)."
          rules={[
            { required: true, message: 'Nhập số điện thoại.' },
            { validator: (_, v: string) => (!v || normalizeMobile(v) ? Promise.resolve() : Promise.reject(new Error('Số di động Việt Nam gồm 10 chữ số, bắt đầu bằng 03, 05, 07, 08 hoặc 09.'))) },
          ]}
        >
          <Input inputMode="tel" autoComplete="tel" />
        </Form.Item>
        <Form.Item label="Email" name="email" rules={[{ validator: (_, v: string) => (!v?.trim() || isEmail(v.trim()) ? Promise.resolve() : Promise.reject(new Error('Địa chỉ email không hợp lệ.'))) }]}>
          <Input type="email" autoComplete="email" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          Tiếp tục
        </Button>
      </Form>
    </>
  );
}

function Summary({ reg }: { reg: Registration }) {
  return (
    <Typography.Paragraph type="secondary">
      {reg.kind === 'citizen' ? 'Số CMND/CCCD' : 'Mã số thuế'}: <b>{reg.idNumber}</b> · {reg.fullName} · Số điện thoại: <b>{reg.phone}</b>
    </Typography.Paragraph>
  );
}

function OtpStep({ reg, fresh, onChange, onRestart }: { reg: Registration; fresh: boolean; onChange: (r: Registration) => void; onRestart: () => void }) {
  const timer = useOtpTimer(reg.otp, { fresh });
  const [form] = Form.useForm<{ otp: string }>();
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(`Đã gửi mã OTP tới số ${reg.phone}.`);
  const [busy, setBusy] = useState<'verify' | 'resend' | null>(null);
  const resend = async () => {
    setBusy('resend');
    setError(null);
    try {
      const r = await api.post<Registration>(`/api/registrations/${reg.id}/otp`);
      if (r.otp) timer.sent(r.otp);
      setNotice(`Đã gửi lại mã OTP tới số ${reg.phone}.`);
      form.resetFields();
      onChange(r);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(null);
    }
  };
  const verify = async (v: { otp: string }) => {
    setBusy('verify');
    setError(null);
    try {
      onChange(await api.post<Registration>(`/api/registrations/${reg.id}/verify`, { otp: v.otp.trim() }));
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(null);
    }
  };
  return (
    <>
      <Summary reg={reg} />
      <Typography.Paragraph>Nhập mã OTP gồm 6 chữ số vừa được gửi tới số điện thoại của bạn (mã có hiệu lực trong 2 phút).</Typography.Paragraph>
      <OtpTimerText timer={timer} resendLabel="Gửi lại OTP" notice={notice} />
      {error && <Alert role="alert" type="error" showIcon title={error} style={{ margin: '12px 0' }} />}
      <Form form={form} layout="vertical" onFinish={verify} style={{ marginTop: 12 }}>
        <OtpField autoFocus />
        <Space wrap>
          <Button type="primary" htmlType="submit" loading={busy === 'verify'}>
            Xác thực
          </Button>
          <Button onClick={resend} loading={busy === 'resend'} disabled={timer.resendIn > 0}>
            Gửi lại OTP
          </Button>
          <Button type="link" onClick={onRestart}>
            Sửa thông tin đăng ký
          </Button>
        </Space>
      </Form>
    </>
  );
}

function PasswordStep({ reg, onChange, onRestart }: { reg: Registration; onChange: (r: Registration) => void; onRestart: () => void }) {
  const [form] = Form.useForm<{ password: string; passwordConfirm: string }>();
  const [error, setError] = useState<{ code: string; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (v: { password: string; passwordConfirm: string }) => {
    setBusy(true);
    setError(null);
    try {
      onChange(await api.post<Registration>(`/api/registrations/${reg.id}/complete`, v));
    } catch (err) {
      setError({ code: (err as { code?: string }).code ?? '', text: errorMessage(err) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Summary reg={reg} />
      <Alert type="success" showIcon title="Đã xác thực số điện thoại." style={{ marginBottom: 16 }} />
      {error && (
        <Alert
          role="alert"
          type="error"
          showIcon
          title={error.text}
          style={{ marginBottom: 16 }}
          action={error.code === 'REGISTRATION_EXPIRED' ? <Button onClick={onRestart}>Đăng ký lại</Button> : undefined}
        />
      )}
      <Form form={form} layout="vertical" onFinish={submit}>
        <PasswordFields
          form={form}
          name="password"
          label="Mật khẩu"
          confirmName="passwordConfirm"
          confirmLabel="Nhập lại mật khẩu"
          context={{ fullName: reg.fullName, idNumber: reg.idNumber, phone: reg.phone, email: reg.email, birthDate: reg.birthDate, other: [reg.representativeName] }}
        />
        <Button type="primary" htmlType="submit" loading={busy}>
          Đăng ký
        </Button>
      </Form>
    </>
  );
}

function Done({ reg }: { reg: Registration }) {
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
