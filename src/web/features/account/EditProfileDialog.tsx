// "Sửa thông tin tài khoản": the fields the citizen may still edit; a verified field is shown but
// locked, and is not sent.
import { Alert, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { BodyOf } from '../../../common/api/contract';
import { editProfile, getProfile } from '../../../common/api/profile';
import { errorMessage } from '../../api';
import { useApiMutation } from '../../data/hooks';
import { isVerified, verifiedByDesk, type Profile } from './profile';

interface EditValues {
  fullName: string;
  birthDate?: Dayjs | null;
  sex?: Profile['sex'];
  permanentAddress?: string;
  representativeName?: string;
}

export function EditProfileDialog({ profile, onClose, onSaved }: { profile: Profile; onClose: () => void; onSaved: () => void }) {
  const [form] = Form.useForm<EditValues>();
  const edit = useApiMutation(editProfile, { invalidates: [getProfile] });
  const locked = (f: string) => isVerified(profile, f);
  const org = profile.kind === 'organisation';
  const save = async (v: EditValues) => {
    const body: BodyOf<typeof editProfile> = {};
    if (!locked('fullName')) body.fullName = v.fullName;
    if (org) body.representativeName = v.representativeName;
    else {
      if (!locked('birthDate')) body.birthDate = v.birthDate ? v.birthDate.format('YYYY-MM-DD') : null;
      if (!locked('sex')) body.sex = v.sex ?? null;
      if (!locked('permanentAddress')) body.permanentAddress = v.permanentAddress?.trim() || null;
    }
    try {
      await edit.mutateAsync({ body });
      onSaved();
    } catch {
      // Shown from the mutation's state.
    }
  };
  const lockedHelp = verifiedByDesk(profile) ? 'Đã được cán bộ Bộ phận Một cửa xác thực, không thể tự sửa.' : 'Đã xác thực qua VNeID, không thể tự sửa.';
  return (
    <Modal open title="Sửa thông tin tài khoản" okText="Lưu" cancelText="Hủy" onOk={() => form.submit()} confirmLoading={edit.isPending} onCancel={onClose} destroyOnHidden>
      {edit.error && <Alert role="alert" type="error" showIcon title={errorMessage(edit.error)} style={{ marginBottom: 16 }} />}
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
