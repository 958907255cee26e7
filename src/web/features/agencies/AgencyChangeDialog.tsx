// The dialog of a change to the selected unit: add a unit under it, edit, move, merge, deactivate
// or reactivate, each from an effective date. Every change invalidates the agency reads it shows
// in (the tree's levels, the unit, the search and the unit pickers); the server checks every rule.
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Checkbox, DatePicker, Form, Input, Modal, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { listAgencyOptions } from '../../../common/api/admin-users';
import {
  AGENCY_NAME_MAX_LENGTH,
  createAgency,
  deactivateAgency,
  getAgency,
  listAgencyChildren,
  mergeAgencies,
  reactivateAgency,
  searchAgencies,
  updateAgency,
} from '../../../common/api/agencies';
import type { BodyOf, Reply } from '../../../common/api/contract';
import { listScopeUnits } from '../../../common/api/reports';
import { isAgencyCode } from '../../../common/vn-ids';
import { errorMessage } from '../../api';
import { UnitPicker } from '../../components/UnitPicker';
import { apiKey, useApiMutation } from '../../data/hooks';
import { kindOptions } from './labels';

export type AgencyChange = 'create' | 'edit' | 'move' | 'merge' | 'deactivate' | 'reactivate';
type AgencyDetail = Reply<typeof getAgency>;

/** Every read a change of a unit shows in. */
const AGENCY_READS = [listAgencyChildren, getAgency, searchAgencies, listAgencyOptions, listScopeUnits];


const TITLE: Record<AgencyChange, string> = {
  create: 'Thêm đơn vị trực thuộc',
  edit: 'Sửa thông tin đơn vị',
  move: 'Chuyển đơn vị cấp trên',
  merge: 'Sáp nhập đơn vị',
  deactivate: 'Xác nhận ngừng hoạt động',
  reactivate: 'Kích hoạt lại đơn vị',
};
const OK_TEXT: Record<AgencyChange, string> = {
  create: 'Thêm mới',
  edit: 'Lưu lại',
  move: 'Chuyển',
  merge: 'Tiếp tục',
  deactivate: 'Ngừng hoạt động',
  reactivate: 'Kích hoạt lại',
};

const iso = (d: Dayjs) => d.format('YYYY-MM-DD');
const codeRules = [
  { required: true, whitespace: true, message: 'Hãy nhập Mã định danh.' },
  {
    validator: (_: unknown, v: string | undefined) =>
      !v?.trim() || isAgencyCode(v.trim().toUpperCase())
        ? Promise.resolve()
        : Promise.reject(new Error('Mã định danh phải có dạng NNN.NN.NN.XNN, ví dụ 000.00.43.H35.')),
  },
];
const nameRules = [{ required: true, whitespace: true, message: 'Hãy nhập Tên đơn vị.' }];
const dateRules = [{ required: true, message: 'Hãy chọn Ngày hiệu lực.' }];

export function AgencyChangeDialog(props: {
  change: AgencyChange | null;
  detail: AgencyDetail | null;
  onClose: () => void;
  /** After a change: the unit it answered with (the new unit, the moved one, the merge's target). */
  onDone: (d: AgencyDetail) => Promise<void>;
}) {
  const { change, detail, onClose } = props;
  const { message, modal } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm();
  const create = useApiMutation(createAgency, { invalidates: AGENCY_READS });
  const update = useApiMutation(updateAgency, { invalidates: AGENCY_READS });
  const deactivate = useApiMutation(deactivateAgency, { invalidates: AGENCY_READS });
  const reactivate = useApiMutation(reactivateAgency, { invalidates: AGENCY_READS });
  const merge = useApiMutation(mergeAgencies, { invalidates: AGENCY_READS });
  const saving = [create, update, deactivate, reactivate, merge].some((m) => m.isPending);

  // Each dialog starts from today's date and, for "Sửa", the unit as it is.
  useEffect(() => {
    if (!change) return;
    form.resetFields();
    const today = dayjs();
    if (change === 'edit' && detail) form.setFieldsValue({ code: detail.code, name: detail.name, kind: detail.kind, effectiveDate: today });
    else if (change === 'merge') form.setFieldsValue({ effectiveDate: today, moveOfficers: true, others: [] });
    else form.setFieldsValue({ effectiveDate: today });
    // Only when a dialog opens: later changes of the detail must not wipe what was typed.
  }, [change, form]);

  /** Runs a change, then shows its result in the tree and the panel. */
  const run = async (call: () => Promise<AgencyDetail>, done: string) => {
    try {
      const d = await call();
      onClose();
      message.success(done);
      // The answer is the unit as it now is: the panel shows it without asking again.
      client.setQueryData(apiKey(getAgency, { params: { id: d.id } }), d);
      await props.onDone(d);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const submit = async () => {
    if (!detail) return;
    const v = await form.validateFields();
    const effectiveDate = iso(v.effectiveDate as Dayjs);
    const params = { id: detail.id };
    if (change === 'create') {
      const body = { code: String(v.code).trim().toUpperCase(), name: v.name, kind: v.kind, parentId: detail.id, validFrom: effectiveDate };
      await run(() => create.mutateAsync({ body }), 'Đã thêm đơn vị trực thuộc.');
    } else if (change === 'edit') {
      const body: BodyOf<typeof updateAgency> = { effectiveDate };
      const code = String(v.code).trim().toUpperCase();
      if (code !== detail.code) body.code = code;
      if (String(v.name).trim() !== detail.name) body.name = v.name;
      if (v.kind !== detail.kind) body.kind = v.kind;
      if (Object.keys(body).length === 1) {
        onClose();
        return;
      }
      await run(() => update.mutateAsync({ params, body }), 'Đã lưu thay đổi.');
    } else if (change === 'move') {
      await run(() => update.mutateAsync({ params, body: { parentId: v.parentId, effectiveDate } }), 'Đã chuyển đơn vị cấp trên.');
    } else if (change === 'deactivate') {
      await run(() => deactivate.mutateAsync({ params, body: { effectiveDate } }), 'Đơn vị đã ngừng hoạt động.');
    } else if (change === 'reactivate') {
      await run(() => reactivate.mutateAsync({ params, body: { effectiveDate } }), 'Đơn vị đã được kích hoạt lại.');
    } else if (change === 'merge') {
      const sourceIds = [detail.id, ...((v.others as string[] | undefined) ?? [])];
      modal.confirm({
        title: 'Xác nhận sáp nhập',
        content: `${sourceIds.length > 1 ? `${sourceIds.length} đơn vị` : `Đơn vị "${detail.name}"`} sẽ ngừng hoạt động từ ngày ${(v.effectiveDate as Dayjs).format('DD/MM/YYYY')} và được ghi là đã sáp nhập vào đơn vị đã chọn. Lịch sử và số liệu của đơn vị cũ vẫn được giữ lại.${v.moveOfficers ? ' Cán bộ của đơn vị cũ được chuyển sang đơn vị nhận sáp nhập.' : ''}`,
        okText: 'Sáp nhập',
        okButtonProps: { danger: true },
        cancelText: 'Hủy bỏ',
        onOk: () =>
          run(() => merge.mutateAsync({ body: { sourceIds, targetId: v.targetId, effectiveDate, moveOfficers: !!v.moveOfficers } }), 'Đã sáp nhập đơn vị.'),
      });
    }
  };

  return (
    <Modal
      open={change !== null}
      title={change ? TITLE[change] : ''}
      okText={change ? OK_TEXT[change] : ''}
      cancelText="Hủy bỏ"
      okButtonProps={{ danger: change === 'deactivate', loading: saving }}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      forceRender
    >
      {detail && (
        <Form form={form} layout="vertical">
          {change === 'create' && (
            <Typography.Paragraph>
              Đơn vị cấp trên: <b>{detail.name}</b>
            </Typography.Paragraph>
          )}
          {(change === 'create' || change === 'edit') && (
            <>
              <Form.Item label="Mã định danh" name="code" rules={codeRules}>
                <Input autoComplete="off" placeholder="NNN.NN.NN.XNN, ví dụ 000.00.43.H35" />
              </Form.Item>
              <Form.Item label="Tên đơn vị" name="name" rules={nameRules}>
                <Input maxLength={AGENCY_NAME_MAX_LENGTH} />
              </Form.Item>
              <Form.Item label="Loại" name="kind" rules={[{ required: true, message: 'Hãy chọn Loại đơn vị.' }]}>
                <Select virtual={false} options={kindOptions} placeholder="Chọn loại đơn vị" />
              </Form.Item>
            </>
          )}
          {change === 'move' && (
            <>
              <Typography.Paragraph>
                Đơn vị: <b>{detail.name}</b>. Đơn vị cấp trên hiện tại: {detail.parent?.name ?? '(không có)'}.
              </Typography.Paragraph>
              <Form.Item label="Đơn vị cấp trên mới" name="parentId" rules={[{ required: true, message: 'Hãy chọn Đơn vị cấp trên mới.' }]}>
                <UnitPicker source="active" exclude={[detail.id, ...(detail.parentId ? [detail.parentId] : [])]} />
              </Form.Item>
            </>
          )}
          {change === 'merge' && (
            <>
              <Typography.Paragraph>
                Sáp nhập đơn vị <b>{detail.name}</b> (và các đơn vị khác nếu chọn) vào một đơn vị đang hoạt động. Đơn vị bị sáp nhập ngừng hoạt động nhưng vẫn giữ trên
                cây cùng lịch sử và số liệu.
              </Typography.Paragraph>
              <Form.Item label="Đơn vị khác cùng sáp nhập" name="others">
                <UnitPicker source="active" mode="multiple" exclude={[detail.id]} placeholder="Không bắt buộc" />
              </Form.Item>
              <Form.Item label="Đơn vị nhận sáp nhập" name="targetId" rules={[{ required: true, message: 'Hãy chọn Đơn vị nhận sáp nhập.' }]}>
                <UnitPicker source="active" exclude={[detail.id]} />
              </Form.Item>
              <Form.Item name="moveOfficers" valuePropName="checked">
                <Checkbox>Chuyển cán bộ sang đơn vị nhận sáp nhập</Checkbox>
              </Form.Item>
            </>
          )}
          {change === 'deactivate' && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 16 }}
              title={`Đơn vị "${detail.name}" sẽ ngừng hoạt động từ ngày hiệu lực và không nhận thêm cán bộ. Lịch sử và số liệu của đơn vị vẫn được giữ lại.`}
            />
          )}
          {change === 'reactivate' && (
            <Typography.Paragraph>
              Đơn vị <b>{detail.name}</b> hoạt động trở lại từ ngày hiệu lực.
            </Typography.Paragraph>
          )}
          <Form.Item label={change === 'create' ? 'Hiệu lực từ ngày' : 'Ngày hiệu lực'} name="effectiveDate" rules={dateRules}>
            <DatePicker format={['DD/MM/YYYY', 'D/M/YYYY']} placeholder="dd/mm/yyyy" style={{ width: 200 }} />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
