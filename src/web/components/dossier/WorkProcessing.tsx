// Processing of a received dossier in the back office (issue 7): the workflow as steps with the
// current one highlighted, deadlines, fee, on-time verdict, and one button per action the officer
// may take now (the server decides which: GET /api/desk/dossiers/:id → actions).
import { Alert, App, Button, DatePicker, Descriptions, Form, Input, InputNumber, Modal, Popconfirm, Select, Space, Steps, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { DOSSIER_STATUS } from '../../../common/dossier-status';
import { ACTION_LABELS, type DossierAction } from '../../../common/workflow';
import { api, errorMessage } from '../../api';
import { formatDate, formatDateTime } from '../../format';

/** What the detail payload adds for processing (src/server/modules/dossiers/service.ts). */
export interface WorkDetailFields {
  id: string;
  code: string;
  procedureCode: string;
  procedureName: string;
  agency: { id: string; name: string } | null;
  applicant: { fullName: string };
  status: number;
  appointmentDate: string | null;
  workflow: { key: string; label: string; role: string; days: number }[];
  step: string | null;
  stepDueDate: string | null;
  extendedDate: string | null;
  finishedAt: string | null;
  returnedAt: string | null;
  onTime: boolean | null;
  paused: boolean;
  feeAmount: number | null;
  feePaidAt: string | null;
  hasResult: boolean;
  actions: DossierAction[];
}

/** The answer of POST /api/work/dossiers/:id/actions/:action. */
interface ActionResult {
  id: string;
  code: string;
  status: number;
  statusLabel: string;
}

/** Short button texts; the history keeps the longer ACTION_LABELS. */
export const WORK_BUTTONS: Partial<Record<DossierAction, string>> = {
  start: 'Chuyển xử lý',
  forward: 'Chuyển bước tiếp theo',
  finish: 'Phê duyệt, ký kết quả',
  send_back: 'Trả lại bước trước',
  supplement_requested: 'Yêu cầu bổ sung',
  request_payment: 'Yêu cầu nộp phí, lệ phí',
  paid: 'Xác nhận đã nộp phí',
  transfer: 'Chuyển cơ quan khác',
  extend: 'Gia hạn',
  return_result: 'Trả kết quả',
  stop: 'Dừng xử lý',
};

const SIMPLE: Partial<Record<DossierAction, string>> = {
  start: 'Chuyển hồ sơ sang bước xử lý đầu tiên?',
  forward: 'Hoàn thành bước này và chuyển hồ sơ sang bước tiếp theo?',
  finish: 'Phê duyệt hồ sơ và ký số kết quả?',
  paid: 'Xác nhận công dân đã nộp đủ phí, lệ phí?',
  return_result: 'Trả kết quả cho công dân? Công dân được thông báo và tải được kết quả điện tử.',
};

const PRIMARY = new Set<DossierAction>(['start', 'forward', 'finish', 'return_result']);

/** The reason asked by each action that needs one, and what the field is called. */
const REASON_LABELS: Partial<Record<DossierAction, string>> = {
  send_back: 'Lý do trả lại',
  supplement_requested: 'Nội dung yêu cầu bổ sung',
  stop: 'Lý do dừng xử lý',
  transfer: 'Lý do chuyển',
  extend: 'Lý do gia hạn',
  request_payment: 'Nội dung thu phí, lệ phí',
};

export const vnd = (n: number) => `${n.toLocaleString('vi-VN')} đồng`;

/** Index of the current step in Tiếp nhận → workflow steps → Trả kết quả. */
function currentIndex(d: WorkDetailFields): number {
  const n = d.workflow.length;
  if (d.status === DOSSIER_STATUS.RECEIVED) return 0;
  if (d.status === DOSSIER_STATUS.PROCESSED || d.status === DOSSIER_STATUS.RESULT_RETURNED) return n + 1;
  const i = d.workflow.findIndex((s) => s.key === d.step);
  return i >= 0 ? i + 1 : 0;
}

export function WorkProcessing({ d, onChanged }: { d: WorkDetailFields; onChanged: () => void }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState<DossierAction | null>(null);
  const [dialog, setDialog] = useState<DossierAction | null>(null);
  const current = currentIndex(d);
  const ended = d.status === DOSSIER_STATUS.STOPPED || d.status === DOSSIER_STATUS.WITHDRAWAL_REQUESTED;
  const returned = d.status === DOSSIER_STATUS.RESULT_RETURNED;
  const step = d.workflow.find((s) => s.key === d.step) ?? null;

  const done = (a: DossierAction, r: ActionResult) => {
    message.success(`${ACTION_LABELS[a]}: hồ sơ ${r.code} – ${r.statusLabel}.`);
    setDialog(null);
    onChanged();
  };

  const simple = async (a: DossierAction) => {
    setBusy(a);
    try {
      done(a, await api.post<ActionResult>(`/api/work/dossiers/${d.id}/actions/${a}`, {}));
    } catch (e) {
      message.error(errorMessage(e));
      onChanged();
    } finally {
      setBusy(null);
    }
  };

  const items = [
    { title: 'Tiếp nhận', content: 'Bộ phận Một cửa' },
    ...d.workflow.map((s, i) => ({
      title: s.label,
      content: (
        <>
          <div>{s.role}</div>
          {current === i + 1 && d.stepDueDate && !ended && <div>Hạn bước: {formatDate(d.stepDueDate)}</div>}
        </>
      ),
    })),
    { title: 'Trả kết quả', content: returned && d.returnedAt ? formatDateTime(d.returnedAt).slice(0, 10) : 'Bộ phận Một cửa' },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Steps
        size="small"
        current={current}
        status={ended ? 'error' : returned ? 'finish' : 'process'}
        items={items}
        aria-label="Quy trình xử lý"
      />
      <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered>
        <Descriptions.Item label="Bước hiện tại">
          {step ? `${step.label} (${step.role})` : d.status === DOSSIER_STATUS.RECEIVED ? 'Chờ chuyển xử lý' : d.status === DOSSIER_STATUS.PROCESSED ? 'Chờ trả kết quả' : returned ? 'Đã trả kết quả' : '—'}
          {d.paused && (
            <Tag color="orange" style={{ marginInlineStart: 8 }}>
              Tạm dừng tính thời gian
            </Tag>
          )}
        </Descriptions.Item>
        <Descriptions.Item label="Hạn bước">{d.stepDueDate && !ended && !returned ? formatDate(d.stepDueDate) : '—'}</Descriptions.Item>
        <Descriptions.Item label="Hẹn trả kết quả">{formatDate(d.appointmentDate)}</Descriptions.Item>
        <Descriptions.Item label="Gia hạn đến">{d.extendedDate ? <Typography.Text type="warning">{formatDate(d.extendedDate)}</Typography.Text> : 'Không gia hạn'}</Descriptions.Item>
        {d.finishedAt && (
          <Descriptions.Item label="Hoàn thành xử lý">
            {formatDateTime(d.finishedAt)}{' '}
            {d.onTime !== null && (
              <Tag color={d.onTime ? 'green' : 'red'} style={{ marginInlineStart: 8 }}>
                {d.onTime ? 'Đúng hạn' : 'Trễ hạn'}
              </Tag>
            )}
          </Descriptions.Item>
        )}
        {d.feeAmount !== null && (
          <Descriptions.Item label="Phí, lệ phí">
            {vnd(d.feeAmount)}{' '}
            <Tag color={d.feePaidAt ? 'green' : 'gold'} style={{ marginInlineStart: 8 }}>
              {d.feePaidAt ? 'Đã nộp' : 'Chưa nộp'}
            </Tag>
          </Descriptions.Item>
        )}
      </Descriptions>
      {d.actions.length > 0 ? (
        <Space wrap>
          {d.actions.map((a) => {
            const text = WORK_BUTTONS[a] ?? ACTION_LABELS[a];
            const confirm = SIMPLE[a];
            if (confirm)
              return (
                <Popconfirm key={a} title={`${text}?`} description={confirm} okText="Xác nhận" cancelText="Không" onConfirm={() => simple(a)}>
                  <Button type={PRIMARY.has(a) ? 'primary' : 'default'} loading={busy === a}>
                    {text}
                  </Button>
                </Popconfirm>
              );
            return (
              <Button key={a} danger={a === 'stop'} onClick={() => setDialog(a)}>
                {text}
              </Button>
            );
          })}
        </Space>
      ) : (
        !ended &&
        !returned && <Typography.Text type="secondary">Bước hiện tại không thuộc vai trò của bạn; bạn chỉ xem được hồ sơ.</Typography.Text>
      )}
      {dialog && <WorkActionDialog d={d} action={dialog} onClose={() => setDialog(null)} onDone={(r) => done(dialog, r)} onFailed={onChanged} />}
    </Space>
  );
}

interface DialogValues {
  reason?: string;
  newDate?: Dayjs;
  amountVnd?: number;
  agencyId?: string;
}

function WorkActionDialog(props: { d: WorkDetailFields; action: DossierAction; onClose: () => void; onDone: (r: ActionResult) => void; onFailed: () => void }) {
  const { d, action } = props;
  const [form] = Form.useForm<DialogValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [agencies, setAgencies] = useState<{ id: string; name: string }[]>([]);
  const text = WORK_BUTTONS[action] ?? ACTION_LABELS[action];
  const reasonLabel = REASON_LABELS[action] ?? 'Lý do';
  const reasonRequired = action !== 'request_payment';
  const current = d.extendedDate ?? d.appointmentDate ?? '';

  const searchAgencies = (q: string) => {
    api
      .get<{ id: string; name: string }[]>(`/api/procedures/${encodeURIComponent(d.procedureCode)}/agencies`, { q })
      .then((list) => setAgencies(list.filter((a) => a.id !== d.agency?.id)))
      .catch(() => setAgencies([]));
  };
  useEffect(() => {
    if (action === 'transfer') searchAgencies('');
  }, [action]);

  const submit = async (v: DialogValues) => {
    setBusy(true);
    setError(null);
    try {
      const body = {
        reason: v.reason?.trim() || undefined,
        newDate: v.newDate ? v.newDate.format('YYYY-MM-DD') : undefined,
        amountVnd: v.amountVnd,
        agencyId: v.agencyId,
      };
      props.onDone(await api.post<ActionResult>(`/api/work/dossiers/${d.id}/actions/${action}`, body));
    } catch (e) {
      setError(errorMessage(e));
      props.onFailed();
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      title={text}
      open
      onCancel={props.onClose}
      okText={text}
      okButtonProps={{ danger: action === 'stop' }}
      cancelText="Hủy"
      confirmLoading={busy}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Typography.Paragraph>
        Hồ sơ <Typography.Text strong>{d.code}</Typography.Text> – {d.procedureName} – {d.applicant.fullName}
      </Typography.Paragraph>
      {error && <Alert role="alert" type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} name={`work-${action}`} layout="vertical" onFinish={submit}>
        {action === 'extend' && (
          <Form.Item
            label="Ngày hẹn trả kết quả mới"
            name="newDate"
            extra={`Ngày hẹn hiện tại: ${formatDate(current)}. Chọn một ngày làm việc sau ngày này; công dân nhận Phiếu xin lỗi và hẹn lại ngày trả kết quả.`}
            rules={[{ required: true, message: 'Chọn ngày hẹn trả kết quả mới.' }]}
          >
            <DatePicker format={['DD/MM/YYYY', 'D/M/YYYY']} placeholder="dd/mm/yyyy" style={{ width: 200 }} disabledDate={(x) => x.format('YYYY-MM-DD') <= current} />
          </Form.Item>
        )}
        {action === 'request_payment' && (
          <Form.Item label="Số tiền (đồng)" name="amountVnd" rules={[{ required: true, message: 'Nhập số tiền phí, lệ phí.' }]}>
            <InputNumber<number>
              min={1}
              max={10_000_000_000}
              step={1000}
              style={{ width: 220 }}
              formatter={(v) => (v === undefined || v === null || `${v}` === '' ? '' : Number(v).toLocaleString('vi-VN'))}
              parser={(v) => Number((v ?? '').replace(/\D/g, ''))}
              suffix="đồng"
            />
          </Form.Item>
        )}
        {action === 'transfer' && (
          <Form.Item label="Cơ quan nhận hồ sơ" name="agencyId" rules={[{ required: true, message: 'Chọn cơ quan nhận hồ sơ.' }]}>
            <Select
              showSearch={{ filterOption: false, onSearch: searchAgencies }}
              placeholder="Tìm theo tên cơ quan"
              options={agencies.map((a) => ({ value: a.id, label: a.name }))}
            />
          </Form.Item>
        )}
        <Form.Item
          label={reasonLabel}
          name="reason"
          rules={[
            { required: reasonRequired, whitespace: true, message: `Nhập ${reasonLabel.toLowerCase()}.` },
            { validator: (_, v: string) => (!v || v.trim().length >= 5 ? Promise.resolve() : Promise.reject(new Error('Nhập ít nhất 5 ký tự.'))) },
          ]}
        >
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
