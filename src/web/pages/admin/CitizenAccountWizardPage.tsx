// "Tạo tài khoản công dân" (SPEC §1.2–1.4): look-up and data entry, the citizen's confirmation
// (request form + OTP), then account creation with the latest OTP.
import { Alert, App, Button, Card, DatePicker, Descriptions, Form, Input, Popconfirm, Result, Select, Space, Spin, Steps, Typography, Upload } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { checkBirthDate, checkIdNumber, checkIdNumberShape, isEmail, normalizeIdNumber, normalizeMobile } from '../../../common/vn-ids';
import { api, ApiError, type Attachment, type FormContext, type OtpSent, type RequestDetail } from '../../api';
import { formatBytes, formatDate, formatDateTime } from '../../format';
import { STATUS_LABEL } from './CitizenAccountListPage';
import { OtpField, OtpTimerText, useOtpTimer } from '../../components/otp';

type Detail = RequestDetail;

const LIST = '/quan-tri/tao-tai-khoan-cong-dan';
const MAX_BYTES = 5 * 1024 * 1024;
const errorText = (err: unknown) => (err instanceof ApiError ? err.message : 'Đã có lỗi xảy ra. Vui lòng thử lại.');

export function CitizenAccountWizardPage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const [ctx, setCtx] = useState<FormContext | null>(null);
  const [detail, setDetail] = useState<Detail | null>(null);
  const [editing, setEditing] = useState(!id);
  const [loadError, setLoadError] = useState<string | null>(null);
  /** Show the success screen only right after finishing, not when an old request is opened. */
  const [justFinished, setJustFinished] = useState(false);

  useEffect(() => {
    setLoadError(null);
    api.get<FormContext>('/api/citizen-account-requests/form-context').then(setCtx, (e) => setLoadError(errorText(e)));
    if (id) {
      api.get<Detail>(`/api/citizen-account-requests/${id}`).then(
        (d) => {
          setDetail(d);
          setEditing(false);
        },
        (e) => setLoadError(errorText(e)),
      );
    } else {
      setDetail(null);
      setEditing(true);
    }
  }, [id]);

  if (loadError) return <Alert role="alert" type="error" showIcon title={loadError} />;
  if (!ctx || (id && !detail)) return <Spin />;

  const step = detail?.status === 'completed' ? 3 : editing ? 0 : detail?.otp ? 2 : 1;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        Tạo tài khoản công dân
      </Typography.Title>
      <Card size="small">
        <Steps
          current={step}
          items={[{ title: 'Nhập thông tin tài khoản' }, { title: 'Xác nhận của công dân về thông tin tài khoản' }, { title: 'Đăng ký tài khoản' }]}
        />
      </Card>
      {detail && detail.status !== 'draft' ? (
        <Finished detail={detail} fresh={justFinished} onAnother={() => navigate(`${LIST}/them-moi`)} onList={() => navigate(LIST)} />
      ) : editing ? (
        <Step1
          ctx={ctx}
          draft={detail}
          onSaved={(d) => {
            setDetail(d);
            setEditing(false);
            if (d.id !== id) navigate(`${LIST}/${d.id}`, { replace: true });
          }}
          onCancelled={(d) => (d ? setDetail(d) : navigate(LIST))}
        />
      ) : (
        <Confirm
          detail={detail!}
          onChange={(d) => {
            if (d.status !== 'draft') setJustFinished(true);
            setDetail(d);
          }}
          onEdit={() => setEditing(true)}
        />
      )}
    </Space>
  );
}

// ---------------------------------------------------------------------------------------------

interface Step1Values {
  idNumber: string;
  fullName: string;
  birthDate: Dayjs;
  phone: string;
  email?: string;
  attachmentId: string;
  unitId: string;
}

function Step1({ ctx, draft, onSaved, onCancelled }: { ctx: FormContext; draft: Detail | null; onSaved: (d: Detail) => void; onCancelled: (d: Detail | null) => void }) {
  const [form] = Form.useForm<Step1Values>();
  const [lookup, setLookup] = useState<{ idNumber: string; exists: boolean } | null>(draft ? { idNumber: draft.idNumber, exists: false } : null);
  const [lookupError, setLookupError] = useState<string | null>(null);
  const [attachment, setAttachment] = useState<Attachment | null>(draft?.attachment ?? null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
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

  useEffect(() => {
    if (!fromDesk) return;
    form.setFieldsValue({ idNumber: fromDesk });
    void doLookup();
    // Once, for the number in the address.
  }, [fromDesk]);

  const doLookup = async () => {
    setLookupError(null);
    setLookup(null);
    const raw = form.getFieldValue('idNumber') ?? '';
    const shape = checkIdNumberShape(raw);
    if (!shape.ok) {
      setLookupError(shape.message!);
      return;
    }
    try {
      const r = await api.get<{ idNumber: string; exists: boolean }>(`/api/citizen-account-requests/lookup?idNumber=${encodeURIComponent(normalizeIdNumber(raw))}`);
      setLookup(r);
    } catch (err) {
      setLookupError(errorText(err));
    }
  };

  const submit = async (v: Step1Values) => {
    setBusy(true);
    setError(null);
    const body = {
      idNumber: normalizeIdNumber(v.idNumber),
      fullName: v.fullName,
      birthDate: v.birthDate.format('YYYY-MM-DD'),
      phone: v.phone,
      email: v.email?.trim() || null,
      unitId: v.unitId,
      attachmentId: v.attachmentId,
    };
    try {
      const d = draft
        ? await api.put<Detail>(`/api/citizen-account-requests/${draft.id}`, body)
        : await api.post<Detail>('/api/citizen-account-requests', body);
      onSaved(d);
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card>
      {error && <Alert role="alert" type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      {noUnit && ctx.noEligibleUnitMessage && (
        <Alert role="alert" type="warning" showIcon title="Cán bộ không chọn được đơn vị" description={ctx.noEligibleUnitMessage} style={{ marginBottom: 16 }} />
      )}
      <Form<Step1Values> form={form} layout="vertical" onFinish={submit} style={{ maxWidth: 720 }}>
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
                  void doLookup();
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
                  const p = checkBirthDate(iso, new Date()) ?? (checkIdNumber(getFieldValue('idNumber') ?? '', iso).ok ? undefined : checkIdNumber(getFieldValue('idNumber') ?? '', iso).message);
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
            <CancelButton id={draft.id} onCancelled={onCancelled} />
          ) : (
            <Button onClick={() => onCancelled(null)}>Hủy</Button>
          )}
        </Space>
      </Form>
    </Card>
  );
}

function AttachmentInput({
  id,
  disabled,
  attachment,
  onUploaded,
  onChange,
}: {
  id?: string;
  disabled: boolean;
  attachment: Attachment | null;
  onUploaded: (a: Attachment | null) => void;
  value?: string;
  onChange?: (v: string | undefined) => void;
}) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const upload = useCallback(
    async (file: File) => {
      setError(null);
      if (file.size > MAX_BYTES) {
        setError(`File "${file.name}" (${formatBytes(file.size)}): File đính kèm vượt quá dung lượng cho phép 5 MB.`);
        return;
      }
      setBusy(true);
      try {
        const fd = new FormData();
        fd.append('file', file, file.name);
        const a = await api.post<Attachment>('/api/citizen-account-requests/attachments', fd);
        onUploaded(a);
        onChange?.(a.id);
      } catch (err) {
        setError(errorText(err));
      } finally {
        setBusy(false);
      }
    },
    [onChange, onUploaded],
  );
  return (
    <div>
      <Upload
        id={id}
        accept=".doc,.docx,.pdf"
        maxCount={1}
        showUploadList={false}
        disabled={disabled || busy}
        beforeUpload={(file) => {
          void upload(file);
          return false;
        }}
      >
        <Button disabled={disabled} loading={busy}>
          {attachment ? 'Chọn file khác' : 'Chọn file'}
        </Button>
      </Upload>
      {attachment && (
        <Typography.Paragraph style={{ margin: '8px 0 0' }}>
          File đính kèm: {attachment.fileName} ({formatBytes(attachment.size)})
        </Typography.Paragraph>
      )}
      {error && <Alert role="alert" type="error" showIcon title={error} style={{ marginTop: 8 }} />}
    </div>
  );
}

function CancelButton({ id, onCancelled }: { id: string; onCancelled: (d: Detail) => void }) {
  const { message } = App.useApp();
  return (
    <Popconfirm
      title="Hủy yêu cầu tạo tài khoản này?"
      description="Bản nháp sẽ chuyển sang trạng thái Đã hủy và không thể tiếp tục."
      okText="Hủy yêu cầu"
      cancelText="Không"
      onConfirm={async () => {
        try {
          onCancelled(await api.post<Detail>(`/api/citizen-account-requests/${id}/cancel`));
        } catch (err) {
          message.error(errorText(err));
        }
      }}
    >
      <Button danger>Hủy</Button>
    </Popconfirm>
  );
}

// ---------------------------------------------------------------------------------------------

function Summary({ d }: { d: Detail }) {
  return (
    <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered>
      <Descriptions.Item label="Số CMND/CCCD">{d.idNumber}</Descriptions.Item>
      <Descriptions.Item label="Họ và tên">{d.fullName}</Descriptions.Item>
      <Descriptions.Item label="Ngày sinh">{formatDate(d.birthDate)}</Descriptions.Item>
      <Descriptions.Item label="Số điện thoại">{d.phone}</Descriptions.Item>
      <Descriptions.Item label="Email">{d.email ?? ''}</Descriptions.Item>
      <Descriptions.Item label="File đính kèm">{d.attachment?.fileName}</Descriptions.Item>
      <Descriptions.Item label="Cán bộ">{d.officer.fullName}</Descriptions.Item>
      <Descriptions.Item label="Đơn vị">{d.unit.name}</Descriptions.Item>
      <Descriptions.Item label="Thời gian tạo">{formatDateTime(d.createdAt)}</Descriptions.Item>
      <Descriptions.Item label="Trạng thái">{STATUS_LABEL[d.status].text}</Descriptions.Item>
    </Descriptions>
  );
}

function Confirm({ detail, onChange, onEdit }: { detail: Detail; onChange: (d: Detail) => void; onEdit: () => void }) {
  const [sendError, setSendError] = useState<string | null>(null);
  const [createError, setCreateError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [creating, setCreating] = useState(false);
  const [sendsRemaining, setSendsRemaining] = useState<number | null>(null);
  const [sentNotice, setSentNotice] = useState<string | null>(null);
  const timer = useOtpTimer(detail.otp);
  const [form] = Form.useForm<{ otp: string }>();

  const send = async () => {
    setSending(true);
    setSendError(null);
    setCreateError(null);
    try {
      const r = await api.post<OtpSent>(`/api/citizen-account-requests/${detail.id}/otp`);
      timer.sent(r);
      setSendsRemaining(r.sendsRemaining);
      setSentNotice(`Đã gửi mã OTP tới số ${detail.phone}.`);
      onChange({ ...detail, otp: { expiresAt: r.expiresAt, resendAvailableAt: r.resendAvailableAt, attemptsRemaining: 5 } });
      form.resetFields();
    } catch (err) {
      setSendError(errorText(err));
    } finally {
      setSending(false);
    }
  };

  const create = async (v: { otp: string }) => {
    setCreating(true);
    setCreateError(null);
    try {
      onChange(await api.post<Detail>(`/api/citizen-account-requests/${detail.id}/complete`, { otp: v.otp.trim() }));
    } catch (err) {
      if (err instanceof ApiError && ['OTP_EXPIRED', 'OTP_ATTEMPTS_EXCEEDED', 'OTP_NOT_SENT'].includes(err.code)) timer.kill();
      setCreateError(errorText(err));
    } finally {
      setCreating(false);
    }
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card title="Thông tin tài khoản" size="small" extra={<Button onClick={onEdit}>Sửa thông tin</Button>}>
        <Summary d={detail} />
      </Card>
      <Card title="Xác nhận của công dân về thông tin tài khoản" size="small">
        <Typography.Paragraph>
          Tải giấy đề nghị tạo tài khoản để công dân kiểm tra thông tin và ký xác nhận, sau đó gửi mã OTP tới số điện thoại của công dân.
        </Typography.Paragraph>
        <Space wrap>
          <Button href={`/api/citizen-account-requests/${detail.id}/form.pdf`} download>
            Tải xuống
          </Button>
          <Button type="primary" onClick={send} loading={sending} disabled={timer.resendIn > 0}>
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
            <Button type="primary" htmlType="submit" loading={creating}>
              Tạo tài khoản
            </Button>
          </Space>
        </Form>
        <div style={{ marginTop: 12 }}>
          <CancelButton id={detail.id} onCancelled={onChange} />
        </div>
      </Card>
    </Space>
  );
}

function Finished({ detail, fresh, onAnother, onList }: { detail: Detail; fresh: boolean; onAnother: () => void; onList: () => void }) {
  const done = detail.status === 'completed';
  if (!fresh) {
    return (
      <Card
        title={done ? `Đã tạo tài khoản lúc ${formatDateTime(detail.completedAt)}` : 'Yêu cầu đã hủy'}
        extra={<Button onClick={onList}>Về danh sách</Button>}
      >
        <Summary d={detail} />
      </Card>
    );
  }
  return (
    <Card>
      <Result
        status={done ? 'success' : 'info'}
        title={done ? 'Tạo tài khoản thành công' : 'Yêu cầu đã hủy'}
        subTitle={
          done
            ? `Mật khẩu đăng nhập đã được gửi bằng tin nhắn SMS tới số ${detail.phone}. Công dân đăng nhập bằng số CMND/CCCD ${detail.idNumber} và phải đổi mật khẩu ở lần đăng nhập đầu tiên.`
            : 'Yêu cầu tạo tài khoản này đã được hủy.'
        }
        extra={[
          <Button key="list" onClick={onList}>
            Về danh sách
          </Button>,
          <Button key="new" type="primary" onClick={onAnother}>
            Tạo tài khoản khác
          </Button>,
        ]}
      />
      <Summary d={detail} />
    </Card>
  );
}
