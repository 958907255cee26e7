// "Hình thức nhận kết quả" (issue 15), chosen at submission — online filing and the desk: in
// person at the one-stop desk, by public postal service (with the delivery address: detail,
// xã/phường, tỉnh/thành phố, the recipient's name and phone, proposed from the citizen's own), or
// the electronic copy on the portal. The server checks the same rules (delivery.ts).
import { Alert, Form, Input, Radio, Select, Space, type FormInstance } from 'antd';
import type { BodyOf, Reply } from '../../../common/api/contract';
import { listAddressUnits, type startFiling, type submitOnline } from '../../../common/api/dossiers';
import { DELIVERY_LABELS, DELIVERY_METHODS, type DeliveryMethod } from '../../../common/delivery';
import { ApiError } from '../../api';
import { useApiQuery } from '../../data/hooks';

export interface DeliveryValues {
  method?: DeliveryMethod;
  recipientName?: string;
  phone?: string;
  provinceCode?: string;
  communeCode?: string;
  address?: string;
}

export type DeliveryPrefill = Reply<typeof startFiling>['deliveryPrefill'];

const HINTS: Record<DeliveryMethod, string> = {
  in_person: 'Đến Bộ phận tiếp nhận và trả kết quả nơi nộp hồ sơ để nhận bản giấy.',
  post: 'Kết quả được gửi đến địa chỉ bạn đăng ký; cước phí theo quy định của dịch vụ bưu chính công ích.',
  electronic: 'Tải kết quả điện tử đã ký số trong mục "Hồ sơ của tôi"; kết quả cũng được lưu vào Kho dữ liệu.',
};

/** The form's first values: no method chosen (unless `method`), the postal fields proposed from the citizen's. */
export function deliveryInitial(p: DeliveryPrefill | undefined, method?: DeliveryMethod): DeliveryValues {
  return {
    method,
    recipientName: p?.recipientName ?? undefined,
    phone: p?.phone ?? undefined,
    provinceCode: p?.provinceCode ?? undefined,
    communeCode: p?.communeCode ?? undefined,
    address: p?.address ?? undefined,
  };
}

/** What is sent: the method, and the address only by post. */
export function deliveryBody(v: DeliveryValues): NonNullable<BodyOf<typeof submitOnline>['delivery']> {
  if (v.method !== 'post') return { method: v.method };
  return {
    method: 'post',
    post: { recipientName: v.recipientName ?? '', phone: v.phone ?? '', address: v.address ?? '', communeCode: v.communeCode ?? '', provinceCode: v.provinceCode ?? '' },
  };
}

const FIELD_OF: Record<string, keyof DeliveryValues> = {
  recipientName: 'recipientName',
  phone: 'phone',
  address: 'address',
  communeCode: 'communeCode',
  provinceCode: 'provinceCode',
};

/** Marks the fields a DELIVERY_* refusal of the server names; true when it was one. */
export function showDeliveryRefusal(form: FormInstance<DeliveryValues>, err: unknown): boolean {
  if (!(err instanceof ApiError) || !err.code.startsWith('DELIVERY_')) return false;
  if (err.code === 'DELIVERY_METHOD_REQUIRED' || err.code === 'DELIVERY_METHOD_INVALID') {
    form.setFields([{ name: 'method', errors: [err.message] }]);
    return true;
  }
  const fields = ((err.details?.fields ?? []) as unknown[]).filter((f): f is string => typeof f === 'string' && f in FIELD_OF);
  form.setFields(fields.map((f) => ({ name: FIELD_OF[f]!, errors: [err.code === 'DELIVERY_ADDRESS_REQUIRED' ? 'Bắt buộc khi nhận qua bưu chính.' : err.message] })));
  return true;
}

function UnitSelect({ province, id, value, onChange, placeholder, disabled }: { province?: string; id?: string; value?: string; onChange?: (v: string) => void; placeholder: string; disabled?: boolean }) {
  const { data, isFetching } = useApiQuery(listAddressUnits, { query: province ? { province } : {} }, { enabled: !disabled });
  return (
    <Select
      id={id}
      showSearch={{ optionFilterProp: 'label' }}
      value={value}
      onChange={onChange}
      placeholder={placeholder}
      disabled={disabled}
      loading={isFetching}
      options={(data ?? []).map((u) => ({ value: u.code, label: u.name }))}
      notFoundContent={isFetching ? 'Đang tải…' : 'Không tìm thấy'}
      style={{ width: '100%' }}
    />
  );
}

export function DeliveryFields({
  form,
  onChange,
  name = 'delivery',
  initialValues,
}: {
  form: FormInstance<DeliveryValues>;
  onChange?: () => void;
  name?: string;
  initialValues?: DeliveryValues;
}) {
  const method = Form.useWatch('method', form);
  const province = Form.useWatch('provinceCode', form);
  const required = (message: string) => [{ required: true, whitespace: true, message }];
  return (
    <Form
      form={form}
      name={name}
      layout="vertical"
      requiredMark={false}
      initialValues={initialValues}
      onValuesChange={(changed: DeliveryValues) => {
        if ('provinceCode' in changed) form.setFieldValue('communeCode', undefined);
        onChange?.();
      }}
    >
      <Form.Item name="method" label="Chọn hình thức nhận kết quả" rules={[{ required: true, message: 'Chọn hình thức nhận kết quả.' }]} style={{ marginBottom: method ? 12 : 0 }}>
        <Radio.Group style={{ display: 'flex', flexDirection: 'column', gap: 4 }}>
          {DELIVERY_METHODS.map((m) => (
            <Radio key={m} value={m} style={{ minHeight: 44, alignItems: 'center' }}>
              {DELIVERY_LABELS[m]}
            </Radio>
          ))}
        </Radio.Group>
      </Form.Item>
      {method && <Alert type="info" showIcon title={HINTS[method]} style={{ marginBottom: method === 'post' ? 16 : 0 }} />}
      {method === 'post' && (
        <Space orientation="vertical" size={0} style={{ width: '100%' }}>
          <Form.Item name="recipientName" label="Họ và tên người nhận" rules={required('Nhập họ và tên người nhận.')}>
            <Input maxLength={100} autoComplete="name" />
          </Form.Item>
          <Form.Item
            name="phone"
            label="Số điện thoại người nhận"
            rules={[
              ...required('Nhập số điện thoại người nhận.'),
              { pattern: /^(\+84|0)(3|5|7|8|9)\d{8}$/, message: 'Số di động gồm 10 số, bắt đầu bằng 03, 05, 07, 08 hoặc 09.' },
            ]}
          >
            <Input maxLength={20} inputMode="tel" autoComplete="tel" />
          </Form.Item>
          <Form.Item name="provinceCode" label="Tỉnh/thành phố" rules={required('Chọn tỉnh/thành phố.')}>
            <UnitSelect placeholder="Chọn tỉnh/thành phố" />
          </Form.Item>
          <Form.Item name="communeCode" label="Xã/phường/đặc khu" rules={required('Chọn xã/phường.')}>
            <UnitSelect province={province} disabled={!province} placeholder={province ? 'Chọn xã/phường' : 'Chọn tỉnh/thành phố trước'} />
          </Form.Item>
          <Form.Item name="address" label="Địa chỉ chi tiết (số nhà, đường/phố, thôn/tổ dân phố)" rules={required('Nhập địa chỉ chi tiết.')} style={{ marginBottom: 0 }}>
            <Input maxLength={300} autoComplete="street-address" />
          </Form.Item>
        </Space>
      )}
    </Form>
  );
}
