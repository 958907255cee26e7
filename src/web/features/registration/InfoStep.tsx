// "Đăng ký", step 1: a citizen (CMND/CCCD, name, birth date) or an organisation (tax code, name,
// representative), the phone the OTP goes to and an optional e-mail, each checked as typed.
import { Alert, Button, DatePicker, Form, Input, Segmented } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { startRegistration } from '../../../common/api/registration';
import { checkBirthDate, checkIdNumber, isEmail, isTaxCode, normalizeIdNumber, normalizeMobile } from '../../../common/vn-ids';
import { errorMessage } from '../../api';
import { useApiMutation } from '../../data/hooks';
import type { Registration } from './useRegistration';

type Kind = Registration['kind'];

interface FormValues {
  idNumber: string;
  fullName: string;
  birthDate?: Dayjs;
  representativeName?: string;
  phone: string;
  email?: string;
}

export function InfoStep({ onStarted }: { onStarted: (r: Registration) => void }) {
  const [kind, setKind] = useState<Kind>('citizen');
  const [form] = Form.useForm<FormValues>();
  // A new registration: no read knows it yet.
  const start = useApiMutation(startRegistration);
  const submit = async (v: FormValues) => {
    try {
      onStarted(
        await start.mutateAsync({
          body: {
            kind,
            idNumber: v.idNumber,
            fullName: v.fullName,
            birthDate: kind === 'citizen' ? v.birthDate?.format('YYYY-MM-DD') : null,
            representativeName: kind === 'organisation' ? v.representativeName : null,
            phone: v.phone,
            email: v.email?.trim() || null,
          },
        }),
      );
    } catch {
      // Shown from the mutation's state.
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
          if (start.isError) start.reset();
        }}
        options={[
          { label: 'Công dân', value: 'citizen' },
          { label: 'Tổ chức, doanh nghiệp', value: 'organisation' },
        ]}
        style={{ marginBottom: 16 }}
      />
      {start.error && <Alert role="alert" type="error" showIcon title={errorMessage(start.error)} style={{ marginBottom: 16 }} />}
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
        <Button type="primary" htmlType="submit" loading={start.isPending}>
          Tiếp tục
        </Button>
      </Form>
    </>
  );
}
