// The processing actions that ask for more than a confirmation: a reason (send back, supplement,
// stop, transfer, extend), a new appointment date (extend), a fee (request payment), the agency a
// dossier is transferred to.
import { Alert, DatePicker, Form, Input, InputNumber, Modal, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import type { Reply } from '../../../common/api/contract';
import { listProcedureAgencies } from '../../../common/api/dossiers';
import { actOnDossier } from '../../../common/api/dossiers-desk';
import type { DossierAction } from '../../../common/workflow';
import { errorMessage } from '../../api';
import { useApiMutation, useApiQuery } from '../../data/hooks';
import { formatDate } from '../../format';
import { DOSSIER_READS } from './dossier-reads';
import type { OfficerDossierDetail } from './useDeskDossier';
import { useDossierRefresh } from './useDossierRefresh';
import { actionParam, workButton } from './work-actions';

/** The reason asked by each action that needs one, and what the field is called. */
const REASON_LABELS: Partial<Record<DossierAction, string>> = {
  send_back: 'Lý do trả lại',
  supplement_requested: 'Nội dung yêu cầu bổ sung',
  stop: 'Lý do dừng xử lý',
  transfer: 'Lý do chuyển',
  extend: 'Lý do gia hạn',
  request_payment: 'Nội dung thu phí, lệ phí',
};

interface DialogValues {
  reason?: string;
  newDate?: Dayjs;
  amountVnd?: number;
  agencyId?: string;
}

export function WorkActionDialog(props: { d: OfficerDossierDetail; action: DossierAction; onClose: () => void; onDone: (r: Reply<typeof actOnDossier>) => void }) {
  const { d, action } = props;
  const [form] = Form.useForm<DialogValues>();
  const act = useApiMutation(actOnDossier, { invalidates: DOSSIER_READS });
  const refresh = useDossierRefresh();
  const [q, setQ] = useState('');
  const found = useApiQuery(listProcedureAgencies, { params: { code: d.procedureCode }, query: { q } }, { enabled: action === 'transfer', keepPrevious: true });
  // A failed search offers nothing; the dossier's own agency is never offered.
  const agencies = (found.data ?? []).filter((a) => a.id !== d.agency?.id);
  const text = workButton(action);
  const reasonLabel = REASON_LABELS[action] ?? 'Lý do';
  const reasonRequired = action !== 'request_payment';
  const current = d.extendedDate ?? d.appointmentDate ?? '';

  const submit = async (v: DialogValues) => {
    const body = {
      reason: v.reason?.trim() || undefined,
      newDate: v.newDate ? v.newDate.format('YYYY-MM-DD') : undefined,
      amountVnd: v.amountVnd,
      agencyId: v.agencyId,
    };
    try {
      props.onDone(await act.mutateAsync({ params: { id: d.id, action: actionParam(action) }, body }));
    } catch {
      // Shown from the mutation's state; the dossier may have moved on meanwhile.
      refresh(d.id);
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
      confirmLoading={act.isPending}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Typography.Paragraph>
        Hồ sơ <Typography.Text strong>{d.code}</Typography.Text> – {d.procedureName} – {d.applicant.fullName}
      </Typography.Paragraph>
      {act.error && <Alert role="alert" type="error" showIcon title={errorMessage(act.error)} style={{ marginBottom: 12 }} />}
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
              showSearch={{ filterOption: false, onSearch: setQ }}
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
