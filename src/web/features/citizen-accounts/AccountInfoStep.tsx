// Step 1 of "Tạo tài khoản công dân": look the CMND/CCCD up (no account may exist yet), then the
// citizen's data, the CCCD/CMND scan and the unit; saved as a draft (new or edited).
import { Alert, Button, Card, DatePicker, Descriptions, Form, Input, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { createAccountRequest, listAccountRequests, updateAccountRequest, type getAccountFormContext, type getAccountRequest } from '../../../common/api/citizen-accounts';
import type { BodyOf, Reply } from '../../../common/api/contract';
import { checkBirthDate, checkIdNumber, isEmail, normalizeIdNumber, normalizeMobile } from '../../../common/vn-ids';
import { useApiMutation } from '../../data/hooks';
import { formatDateTime } from '../../format';
import { AttachmentInput } from './AttachmentInput';
import { CancelRequestButton } from './CancelRequestButton';
import { errorText } from './errorText';
import { useAccountLookup } from './useAccountLookup';

type Detail = Reply<typeof getAccountRequest>;

interface Values {
  idNumber: string;
  fullName: string;
  birthDate: Dayjs;
  phone: string;
  email?: string;
  attachmentId: string;
  unitId: string;
}

export function AccountInfoStep({
  ctx,
  draft,
  onSaved,
  onCancelled,
}: {
  ctx: Reply<typeof getAccountFormContext>;
  draft: Detail | null;
  onSaved: (d: Detail) => void;
  onCancelled: (d: Detail | null) => void;
}) {
  const [form] = Form.useForm<Values>();
  const { lookup, error: lookupError, ask } = useAccountLookup(draft?.idNumber ?? null);
  const [attachment, setAttachment] = useState(draft?.attachment ?? null);
  const create = useApiMutation(createAccountRequest, { invalidates: [listAccountRequests] });
  const update = useApiMutation(updateAccountRequest, { invalidates: [listAccountRequests] });
  const busy = create.isPending || update.isPending;
  const failed = draft ? update.error : create.error;
  const error = failed ? errorText(failed) : null;
  const typedId: string = Form.useWatch('idNumber', form) ?? '';
  const unlocked = !!lookup && !lookup.exists && lookup.idNumber === normalizeIdNumber(typedId);
  const noUnit = ctx.units.length === 0;
  // Sent here from "Tiếp nhận hồ sơ trực tiếp" when the citizen has no account yet.
  const [params] = useSearchParams();
  const fromDesk = draft ? null : params.get('idNumber');

  useEffect(() => {
    if (draft) {
      form.setFieldsValue({
        idNumber: draft.idNumber,
        fullName: draft.fullName,
        birthDate: dayjs(draft.birthDate),
        phone: draft.phone,
        email: draft.email ?? undefined,
        attachmentId: draft.attachment?.id,
        unitId: draft.unit.id,
      });
    } else if (ctx.units.length === 1) {
      form.setFieldsValue({ unitId: ctx.units[0]!.id });
    }
  }, [draft, ctx, form]);

  const doLookup = () => ask(form.getFieldValue('idNumber') ?? '');

  useEffect(() => {
    if (!fromDesk) return;
    form.setFieldsValue({ idNumber: fromDesk });
    doLookup();
    // Once, for the number in the address.
  }, [fromDesk]);

  const submit = async (v: Values) => {
    const body: BodyOf<typeof createAccountRequest> = {
      idNumber: normalizeIdNumber(v.idNumber),
      fullName: v.fullName,
      birthDate: v.birthDate.format('YYYY-MM-DD'),
      phone: v.phone,
      email: v.email?.trim() || null,
      unitId: v.unitId,
      attachmentId: v.attachmentId,
    };
    try {
      onSaved(draft ? await update.mutateAsync({ params: { id: draft.id }, body }) : await create.mutateAsync({ body }));
    } catch {
      // Shown from the mutation's state (`error`).
    }
  };

  return (
    <Card>
      {error && <Alert role="alert" type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      {noUnit && ctx.noEligibleUnitMessage && (
        <Alert role="alert" type="warning" showIcon title="Cán bộ không chọn được đơn vị" description={ctx.noEligibleUnitMessage} style={{ marginBottom: 16 }} />
      )}
      <Form<Values> form={form} layout="vertical" onFinish={submit} style={{ maxWidth: 720 }}>
        <Typography.Title level={5}>Thông tin công dân</Typography.Title>
        <Form.Item label="Số CMND/CCCD" required>
          <Space.Compact style={{ width: '100%' }}>
            <Form.Item name="idNumber" noStyle rules={[{ required: true, message: 'Nhập số CMND/CCCD.' }]}>
              <Input
                id="idNumber"
                aria-label="Số CMND/CCCD"
                inputMode="numeric"
                maxLength={14}
                placeholder="9 số CMND hoặc 12 số CCCD"
                onPressEnter={(e) => {
                  e.preventDefault();
                  doLookup();
                }}
              />
            </Form.Item>
            <Button onClick={doLookup}>Tra cứu</Button>
          </Space.Compact>
        </Form.Item>
        {lookupError && <Alert role="alert" type="error" showIcon title={lookupError} style={{ marginBottom: 16 }} />}
        {lookup?.exists && (
          <Alert
            role="alert"
            type="error"
            showIcon
            title="Số CMND/CCCD này đã có tài khoản trên Cổng Dịch vụ công. Không tạo thêm tài khoản mới; hướng dẫn công dân đăng nhập hoặc dùng chức năng Quên mật khẩu."
            style={{ marginBottom: 16 }}
          />
        )}
        {unlocked && !draft && <Alert type="success" showIcon title="Chưa có tài khoản với số CMND/CCCD này. Nhập thông tin công dân." style={{ marginBottom: 16 }} />}
        {!lookup && !lookupError && <Typography.Paragraph type="secondary">Nhập số CMND/CCCD rồi nhấn "Tra cứu" để kiểm tra công dân đã có tài khoản chưa.</Typography.Paragraph>}

        <fieldset disabled={!unlocked} style={{ border: 0, padding: 0, margin: 0 }}>
          <Form.Item label="Họ và tên" name="fullName" rules={[{ required: true, whitespace: true, message: 'Nhập họ và tên như trên CCCD/CMND.' }]}>
            <Input disabled={!unlocked} autoComplete="off" />
          </Form.Item>
          <Form.Item
            label="Ngày sinh"
            name="birthDate"
            dependencies={['idNumber']}
            rules={[
              { required: true, message: 'Nhập ngày sinh.' },
              ({ getFieldValue }) => ({
                validator: (_, v: Dayjs | undefined) => {
                  if (!v) return Promise.resolve();
                  const iso = v.format('YYYY-MM-DD');
                  const id = checkIdNumber(getFieldValue('idNumber') ?? '', iso);
                  const p = checkBirthDate(iso, new Date()) ?? (id.ok ? undefined : id.message);
                  return p ? Promise.reject(new Error(p)) : Promise.resolve();
                },
              }),
            ]}
          >
            <DatePicker format={['DD/MM/YYYY', 'D/M/YYYY']} placeholder="dd/mm/yyyy" disabled={!unlocked} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item
            label="Số điện thoại"
            name="phone"
            extra="Số điện thoại chính chủ của công dân: mã OTP và mật khẩu được gửi tới số này."
            rules={[
              { required: true, message: 'Nhập số điện thoại của công dân.' },
              { validator: (_, v: string) => (!v || normalizeMobile(v) ? Promise.resolve() : Promise.reject(new Error('Số điện thoại phải là số di động Việt Nam gồm 10 chữ số, bắt đầu bằng 03, 05, 07, 08 hoặc 09.'))) },
            ]}
          >
            <Input disabled={!unlocked} inputMode="tel" autoComplete="off" />
          </Form.Item>
          <Form.Item label="Email" name="email" rules={[{ validator: (_, v: string) => (!v?.trim() || isEmail(v.trim()) ? Promise.resolve() : Promise.reject(new Error('Địa chỉ email không hợp lệ.'))) }]}>
            <Input disabled={!unlocked} inputMode="email" autoComplete="off" />
          </Form.Item>
          <Form.Item
            label="Đính kèm CCCD/CMND"
            name="attachmentId"
            rules={[{ required: true, message: 'Đính kèm 1 file doc, docx hoặc pdf gồm 2 mặt CCCD/CMND.' }]}
            extra="(Đề nghị đính kèm 1 file định dạng file doc, docx, pdf gồm 2 mặt CCCD/CMND)"
          >
            <AttachmentInput disabled={!unlocked} attachment={attachment} onUploaded={setAttachment} />
          </Form.Item>
        </fieldset>

        <Typography.Title level={5}>Thông tin cán bộ</Typography.Title>
        <Descriptions column={1} size="small" style={{ marginBottom: 16 }} bordered>
          <Descriptions.Item label="Cán bộ">{ctx.officer.fullName}</Descriptions.Item>
          <Descriptions.Item label="Số điện thoại">{ctx.officer.phone}</Descriptions.Item>
          <Descriptions.Item label="Thời gian tạo">{draft ? formatDateTime(draft.createdAt) : ''}</Descriptions.Item>
        </Descriptions>
        <Form.Item label="Đơn vị" name="unitId" rules={[{ required: true, message: 'Chọn đơn vị tạo tài khoản.' }]}>
          <Select
            virtual={false}
            disabled={noUnit}
            placeholder="Chọn đơn vị"
            options={ctx.units.map((u) => ({ value: u.id, label: u.name }))}
            notFoundContent="Không có đơn vị Trung tâm phục vụ hành chính công/Bộ phận một cửa nào"
          />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={busy} disabled={!unlocked || noUnit}>
            Tiếp tục
          </Button>
          {draft ? (
            <CancelRequestButton id={draft.id} onCancelled={onCancelled} />
          ) : (
            <Button onClick={() => onCancelled(null)}>Hủy</Button>
          )}
        </Space>
      </Form>
    </Card>
  );
}
