// The dialog of a change to the selected unit: add a unit under it, edit, move, merge, deactivate
// or reactivate, each from an effective date; or a new top of the tree (a ministry, bank, payment
// intermediary…, national administrators only). Every change invalidates the agency reads it shows
// in (the tree's levels, the unit, the search and the unit pickers); the server checks every rule.
// Effective dates (issue 15): a date before today cannot be picked; today applies at once; a later
// date (edit, move, deactivate) is scheduled and applied on that date. A move to another province
// is confirmed in a second dialog showing both paths (the server asks for it).
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Checkbox, DatePicker, Form, Input, Modal, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import {
  AGENCY_NAME_MAX_LENGTH,
  createAgency,
  deactivateAgency,
  getAgency,
  mergeAgencies,
  reactivateAgency,
  updateAgency,
} from '../../../common/api/agencies';
import type { BodyOf, Reply } from '../../../common/api/contract';
import { isAgencyCode } from '../../../common/vn-ids';
import { ApiError, errorMessage } from '../../api';
import { UnitPicker } from '../../components/UnitPicker';
import { apiKey, useApiMutation } from '../../data/hooks';
import { kindOptions, topLevelKindOptions } from './labels';
import { AGENCY_READS } from './reads';

export type AgencyChange = 'create' | 'create-top' | 'edit' | 'move' | 'merge' | 'deactivate' | 'reactivate';
type AgencyDetail = Reply<typeof getAgency>;

/** The changes that may be dated later (scheduled); merges and reactivations are done on the day. */
const SCHEDULABLE: readonly AgencyChange[] = ['edit', 'move', 'deactivate'];

const TITLE: Record<AgencyChange, string> = {
  create: 'Thêm đơn vị trực thuộc',
  'create-top': 'Thêm đơn vị cấp cao nhất',
  edit: 'Sửa thông tin đơn vị',
  move: 'Chuyển đơn vị cấp trên',
  merge: 'Sáp nhập đơn vị',
  deactivate: 'Xác nhận ngừng hoạt động',
  reactivate: 'Kích hoạt lại đơn vị',
};
const OK_TEXT: Record<AgencyChange, string> = {
  create: 'Thêm mới',
  'create-top': 'Thêm mới',
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

  /** Runs a change, then shows its result in the tree and the panel (a change dated later: scheduled). */
  const run = async (call: () => Promise<AgencyDetail>, done: string, effectiveDate?: string) => {
    try {
      const d = await call();
      onClose();
      const scheduled = effectiveDate !== undefined && effectiveDate > iso(dayjs()) && d.planned?.effectiveDate === effectiveDate;
      message.success(scheduled ? `Đã lên lịch thay đổi, có hiệu lực từ ${dayjs(effectiveDate).format('DD/MM/YYYY')}.` : done);
      // The answer is the unit as it now is: the panel shows it without asking again.
      client.setQueryData(apiKey(getAgency, { params: { id: d.id } }), d);
      await props.onDone(d);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  /** A move: asked once more, with both paths, when the new parent is in another province. */
  const move = async (params: { id: string }, parentId: string, effectiveDate: string) => {
    const call = (confirmCrossProvince?: boolean) => update.mutateAsync({ params, body: { parentId, effectiveDate, ...(confirmCrossProvince ? { confirmCrossProvince } : {}) } });
    try {
      const d = await call();
      await run(() => Promise.resolve(d), 'Đã chuyển đơn vị cấp trên.', effectiveDate);
    } catch (e) {
      if (!(e instanceof ApiError && e.code === 'AGENCY_CROSS_PROVINCE_CONFIRM_REQUIRED')) {
        message.error(errorMessage(e));
        return;
      }
      modal.confirm({
        title: 'Chuyển đơn vị sang tỉnh khác?',
        content: (
          <>
            <Typography.Paragraph>Đơn vị cấp trên mới thuộc một tỉnh khác. Hãy kiểm tra lại trước khi chuyển.</Typography.Paragraph>
            <Typography.Paragraph style={{ marginBottom: 4 }}>
              <b>Từ:</b> {String(e.details?.fromPath ?? '')}
            </Typography.Paragraph>
            <Typography.Paragraph>
              <b>Đến:</b> {String(e.details?.toPath ?? '')}
            </Typography.Paragraph>
          </>
        ),
        okText: 'Chuyển sang tỉnh khác',
        cancelText: 'Hủy bỏ',
        onOk: () => run(() => call(true), 'Đã chuyển đơn vị cấp trên.', effectiveDate),
      });
    }
  };

  const submit = async () => {
    const v = await form.validateFields();
    const effectiveDate = iso(v.effectiveDate as Dayjs);
    if (change === 'create-top') {
      const body = { code: String(v.code).trim().toUpperCase(), name: v.name, kind: v.kind, parentId: null, validFrom: effectiveDate };
      await run(() => create.mutateAsync({ body }), 'Đã thêm đơn vị cấp cao nhất.');
      return;
    }
    if (!detail) return;
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
      await run(() => update.mutateAsync({ params, body }), 'Đã lưu thay đổi.', effectiveDate);
    } else if (change === 'move') {
      await move(params, v.parentId, effectiveDate);
    } else if (change === 'deactivate') {
      await run(() => deactivate.mutateAsync({ params, body: { effectiveDate } }), 'Đơn vị đã ngừng hoạt động.', effectiveDate);
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
      {(detail || change === 'create-top') && (
        <Form form={form} layout="vertical">
          {change === 'create' && detail && (
            <Typography.Paragraph>
              Đơn vị cấp trên: <b>{detail.name}</b>
            </Typography.Paragraph>
          )}
          {change === 'create-top' && (
            <Typography.Paragraph>
              Đơn vị không có đơn vị cấp trên: Bộ, ngành, UBND tỉnh/thành phố, Ngân hàng, Trung gian thanh toán hoặc Cơ quan khác.
            </Typography.Paragraph>
          )}
          {(change === 'create' || change === 'create-top' || change === 'edit') && (
            <>
              <Form.Item label="Mã định danh" name="code" rules={codeRules}>
                <Input autoComplete="off" placeholder="NNN.NN.NN.XNN, ví dụ 000.00.43.H35" />
              </Form.Item>
              <Form.Item label="Tên đơn vị" name="name" rules={nameRules}>
                <Input maxLength={AGENCY_NAME_MAX_LENGTH} />
              </Form.Item>
              <Form.Item label="Loại" name="kind" rules={[{ required: true, message: 'Hãy chọn Loại đơn vị.' }]}>
                <Select virtual={false} options={change === 'create-top' ? topLevelKindOptions : kindOptions} placeholder="Chọn loại đơn vị" />
              </Form.Item>
            </>
          )}
          {change === 'move' && detail && (
            <>
              <Typography.Paragraph>
                Đơn vị: <b>{detail.name}</b>. Đơn vị cấp trên hiện tại: {detail.parent?.name ?? '(không có)'}.
              </Typography.Paragraph>
              <Form.Item label="Đơn vị cấp trên mới" name="parentId" rules={[{ required: true, message: 'Hãy chọn Đơn vị cấp trên mới.' }]}>
                <UnitPicker source="active" exclude={[detail.id, ...(detail.parentId ? [detail.parentId] : [])]} />
              </Form.Item>
            </>
          )}
          {change === 'merge' && detail && (
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
          {change === 'deactivate' && detail && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 16 }}
              title={`Đơn vị "${detail.name}" sẽ ngừng hoạt động từ ngày hiệu lực và không nhận thêm cán bộ. Lịch sử và số liệu của đơn vị vẫn được giữ lại.`}
            />
          )}
          {change === 'reactivate' && detail && (
            <Typography.Paragraph>
              Đơn vị <b>{detail.name}</b> hoạt động trở lại từ ngày hiệu lực.
            </Typography.Paragraph>
          )}
          {change === 'create' || change === 'create-top' ? (
            <Form.Item label="Hiệu lực từ ngày" name="effectiveDate" rules={dateRules}>
              <DatePicker format={['DD/MM/YYYY', 'D/M/YYYY']} placeholder="dd/mm/yyyy" style={{ width: 200 }} />
            </Form.Item>
          ) : (
            <Form.Item
              label="Ngày hiệu lực"
              name="effectiveDate"
              rules={dateRules}
              extra={
                change && SCHEDULABLE.includes(change)
                  ? 'Hôm nay: thay đổi có hiệu lực ngay. Một ngày sau hôm nay: thay đổi được lên lịch và tự động áp dụng vào ngày đó.'
                  : 'Thay đổi này có hiệu lực từ hôm nay.'
              }
            >
              <DatePicker
                format={['DD/MM/YYYY', 'D/M/YYYY']}
                placeholder="dd/mm/yyyy"
                style={{ width: 200 }}
                // A date before today is refused by the server: it cannot be picked here.
                disabledDate={(d) => d.isBefore(dayjs(), 'day') || (!(change && SCHEDULABLE.includes(change)) && d.isAfter(dayjs(), 'day'))}
              />
            </Form.Item>
          )}
        </Form>
      )}
    </Modal>
  );
}
