// "Thông tin tài khoản": what the portal holds about the citizen (or organisation), what they may
// edit, verified phone/e-mail changes, password, and signing out everywhere.
import { SafetyCertificateFilled } from '@ant-design/icons';
import { Alert, App, Button, Card, DatePicker, Descriptions, Form, Input, Modal, Select, Space, Spin, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { Link, Navigate, useNavigate } from 'react-router';
import { isEmail, normalizeMobile } from '../../../common/vn-ids';
import { api, errorMessage, type ContactChange, type Profile } from '../../api';
import { OtpField, OtpTimerText, useOtpTimer } from '../../components/otp';
import { PasswordFields } from '../../components/PasswordFields';
import { formatDate, formatDateTime } from '../../format';
import { useSession } from '../../session';

const SEX_LABEL = { male: 'Nam', female: 'Nữ' } as const;

export function AccountPage() {
  const { me, loading, logout, refresh } = useSession();
  const navigate = useNavigate();
  const { modal, message } = App.useApp();
  const [profile, setProfile] = useState<Profile | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [dialog, setDialog] = useState<'edit' | 'phone' | 'email' | 'password' | null>(null);

  const load = useCallback(() => {
    api
      .get<Profile>('/api/profile')
      .then(setProfile)
      .catch((err) => setError(errorMessage(err)));
  }, []);
  useEffect(() => {
    if (me?.audience === 'citizen' && !me.mustChangePassword) load();
  }, [me, load]);

  if (loading) return null;
  if (!me || me.audience !== 'citizen') return <Navigate to="/dang-nhap" replace />;
  if (me.mustChangePassword) return <Navigate to="/doi-mat-khau" replace />;
  if (error) return <Alert role="alert" type="error" showIcon title={error} />;
  if (!profile) return <Spin />;

  const verified = (field: string) => profile.verifiedFields.includes(field);
  const byDesk = profile.identityVerifiedBy === 'desk';
  const markText = byDesk ? 'Đã xác thực tại Bộ phận Một cửa' : 'Đã xác thực VNeID';
  const mark = (field: string) =>
    verified(field) ? (
      <Tag color="green" icon={<SafetyCertificateFilled />} style={{ marginLeft: 8 }}>
        {markText}
      </Tag>
    ) : null;
  const org = profile.kind === 'organisation';
  const changed = async (p: Profile, text: string) => {
    setProfile(p);
    setDialog(null);
    message.success(text);
    await refresh();
  };
  const logoutEverywhere = () =>
    modal.confirm({
      title: 'Đăng xuất khỏi mọi thiết bị?',
      content: 'Mọi phiên đăng nhập của tài khoản này (trên máy tính, điện thoại khác và trình duyệt này) sẽ kết thúc.',
      okText: 'Đăng xuất khỏi mọi thiết bị',
      cancelText: 'Hủy',
      okButtonProps: { danger: true },
      onOk: async () => {
        await api.post('/api/auth/logout-all');
        await refresh();
        navigate('/dang-nhap');
      },
    });

  return (
    <Card>
      <Typography.Title level={3}>Thông tin tài khoản</Typography.Title>
      {profile.identityVerified && (
        <Alert
          type="success"
          showIcon
          title={byDesk ? 'Thông tin định danh đã được cán bộ Bộ phận Một cửa xác thực' : 'Thông tin định danh đã được xác thực qua VNeID'}
          description={`Các thông tin có dấu "${markText}" ${byDesk ? 'được cán bộ đối chiếu với thẻ CCCD khi mở tài khoản' : 'lấy từ tài khoản định danh điện tử'}${profile.identityVerifiedAt ? ` (${formatDateTime(profile.identityVerifiedAt)})` : ''} và không thể tự sửa.`}
          style={{ marginBottom: 16 }}
        />
      )}
      <Descriptions column={1} bordered size="middle" styles={{ label: { width: 220 } }}>
        <Descriptions.Item label={org ? 'Mã số thuế' : 'Số CMND/CCCD'}>
          {profile.idNumber}
          {mark('idNumber')}
        </Descriptions.Item>
        <Descriptions.Item label={org ? 'Tên tổ chức, doanh nghiệp' : 'Họ và tên'}>
          {profile.fullName}
          {mark('fullName')}
        </Descriptions.Item>
        {org ? (
          <Descriptions.Item label="Người đại diện">{profile.representativeName}</Descriptions.Item>
        ) : (
          <>
            <Descriptions.Item label="Ngày sinh">
              {profile.birthDate ? formatDate(profile.birthDate) : '—'}
              {mark('birthDate')}
            </Descriptions.Item>
            <Descriptions.Item label="Giới tính">
              {profile.sex ? SEX_LABEL[profile.sex] : '—'}
              {mark('sex')}
            </Descriptions.Item>
            <Descriptions.Item label="Địa chỉ thường trú">
              {profile.permanentAddress ?? '—'}
              {mark('permanentAddress')}
            </Descriptions.Item>
          </>
        )}
        <Descriptions.Item label="Số điện thoại">
          <Space>
            {profile.phone ?? '—'}
            <Button size="small" onClick={() => setDialog('phone')}>
              Đổi số điện thoại
            </Button>
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label="Email">
          <Space>
            {profile.email ?? '—'}
            <Button size="small" onClick={() => setDialog('email')}>
              {profile.email ? 'Đổi email' : 'Thêm email'}
            </Button>
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label="Ngày tạo tài khoản">{formatDateTime(profile.createdAt)}</Descriptions.Item>
      </Descriptions>
      <Space wrap style={{ marginTop: 16 }}>
        <Button type="primary" onClick={() => setDialog('edit')}>
          Sửa thông tin
        </Button>
        {profile.hasPassword ? (
          <Link to="/doi-mat-khau">
            <Button>Đổi mật khẩu</Button>
          </Link>
        ) : (
          <Button onClick={() => setDialog('password')}>Đặt mật khẩu</Button>
        )}
        <Button
          onClick={async () => {
            await logout();
            navigate('/');
          }}
        >
          Đăng xuất
        </Button>
        <Button danger onClick={logoutEverywhere}>
          Đăng xuất khỏi mọi thiết bị
        </Button>
      </Space>
      {dialog === 'edit' && <EditDialog profile={profile} onClose={() => setDialog(null)} onSaved={(p) => changed(p, 'Đã lưu thông tin tài khoản.')} />}
      {(dialog === 'phone' || dialog === 'email') && (
        <ContactDialog channel={dialog} onClose={() => setDialog(null)} onSaved={(p) => changed(p, dialog === 'phone' ? 'Đã đổi số điện thoại.' : 'Đã cập nhật email.')} />
      )}
      {dialog === 'password' && <SetPasswordDialog profile={profile} onClose={() => setDialog(null)} onSaved={(p) => changed(p, 'Đã đặt mật khẩu.')} />}
    </Card>
  );
}

interface EditValues {
  fullName: string;
  birthDate?: Dayjs | null;
  sex?: 'male' | 'female' | null;
  permanentAddress?: string;
  representativeName?: string;
}

function EditDialog({ profile, onClose, onSaved }: { profile: Profile; onClose: () => void; onSaved: (p: Profile) => void }) {
  const [form] = Form.useForm<EditValues>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const locked = (f: string) => profile.verifiedFields.includes(f);
  const org = profile.kind === 'organisation';
  const save = async (v: EditValues) => {
    setBusy(true);
    setError(null);
    const body: Record<string, unknown> = {};
    if (!locked('fullName')) body.fullName = v.fullName;
    if (org) body.representativeName = v.representativeName;
    else {
      if (!locked('birthDate')) body.birthDate = v.birthDate ? v.birthDate.format('YYYY-MM-DD') : null;
      if (!locked('sex')) body.sex = v.sex ?? null;
      if (!locked('permanentAddress')) body.permanentAddress = v.permanentAddress?.trim() || null;
    }
    try {
      onSaved(await api.put<Profile>('/api/profile', body));
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  const lockedHelp = profile.identityVerifiedBy === 'desk' ? 'Đã được cán bộ Bộ phận Một cửa xác thực, không thể tự sửa.' : 'Đã xác thực qua VNeID, không thể tự sửa.';
  return (
    <Modal open title="Sửa thông tin tài khoản" okText="Lưu" cancelText="Hủy" onOk={() => form.submit()} confirmLoading={busy} onCancel={onClose} destroyOnHidden>
      {error && <Alert role="alert" type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        layout="vertical"
        onFinish={save}
        initialValues={{
          fullName: profile.fullName,
          birthDate: profile.birthDate ? dayjs(profile.birthDate) : null,
          sex: profile.sex,
          permanentAddress: profile.permanentAddress ?? '',
          representativeName: profile.representativeName ?? '',
        }}
      >
        <Form.Item label={org ? 'Tên tổ chức, doanh nghiệp' : 'Họ và tên'} name="fullName" rules={[{ required: true, whitespace: true, message: 'Nhập họ và tên.' }]} extra={locked('fullName') ? lockedHelp : undefined}>
          <Input disabled={locked('fullName')} />
        </Form.Item>
        {org ? (
          <Form.Item label="Người đại diện" name="representativeName" rules={[{ required: true, whitespace: true, message: 'Nhập họ và tên người đại diện.' }]}>
            <Input />
          </Form.Item>
        ) : (
          <>
            <Form.Item label="Ngày sinh" name="birthDate" rules={[{ required: true, message: 'Chọn ngày sinh.' }]} extra={locked('birthDate') ? lockedHelp : undefined}>
              <DatePicker format="DD/MM/YYYY" disabled={locked('birthDate')} disabledDate={(d) => d.isAfter(dayjs())} />
            </Form.Item>
            <Form.Item label="Giới tính" name="sex" extra={locked('sex') ? lockedHelp : undefined}>
              <Select
                allowClear
                disabled={locked('sex')}
                style={{ width: 160 }}
                options={[
                  { value: 'male', label: 'Nam' },
                  { value: 'female', label: 'Nữ' },
                ]}
              />
            </Form.Item>
            <Form.Item label="Địa chỉ thường trú" name="permanentAddress" extra={locked('permanentAddress') ? lockedHelp : undefined}>
              <Input.TextArea rows={2} maxLength={300} disabled={locked('permanentAddress')} />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}

function ContactDialog({ channel, onClose, onSaved }: { channel: 'phone' | 'email'; onClose: () => void; onSaved: (p: Profile) => void }) {
  const phone = channel === 'phone';
  const [change, setChange] = useState<ContactChange | null>(null);
  const timer = useOtpTimer();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ value: string; otp?: string }>();
  const send = async () => {
    const { value } = await form.validateFields(['value']);
    setBusy(true);
    setError(null);
    try {
      const c = await api.post<ContactChange>('/api/profile/contact-changes', { channel, value });
      setChange(c);
      timer.sent(c);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  const confirm = async () => {
    const { otp } = await form.validateFields(['otp']);
    setBusy(true);
    setError(null);
    try {
      onSaved(await api.post<Profile>(`/api/profile/contact-changes/${change!.id}/confirm`, { otp: (otp ?? '').trim() }));
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
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
      {error && <Alert role="alert" type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
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

function SetPasswordDialog({ profile, onClose, onSaved }: { profile: Profile; onClose: () => void; onSaved: (p: Profile) => void }) {
  const [form] = Form.useForm<{ newPassword: string; confirm: string }>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const save = async (v: { newPassword: string; confirm: string }) => {
    setBusy(true);
    setError(null);
    try {
      onSaved(await api.post<Profile>('/api/profile/password', { newPassword: v.newPassword, newPasswordConfirm: v.confirm }));
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title="Đặt mật khẩu" okText="Lưu" cancelText="Hủy" onOk={() => form.submit()} confirmLoading={busy} onCancel={onClose} destroyOnHidden>
      <Typography.Paragraph>Tài khoản của bạn được mở bằng VNeID. Đặt mật khẩu để có thể đăng nhập bằng số CCCD hoặc số điện thoại.</Typography.Paragraph>
      {error && <Alert role="alert" type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={save}>
        <PasswordFields
          form={form}
          context={{ fullName: profile.fullName, idNumber: profile.idNumber, phone: profile.phone, email: profile.email, birthDate: profile.birthDate, other: [profile.representativeName] }}
        />
      </Form>
    </Modal>
  );
}
