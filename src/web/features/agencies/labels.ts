// The words the agency tree shows for a unit's kind and for a change in its history.
import type { Reply } from '../../../common/api/contract';
import { TOP_LEVEL_KINDS, type listAgencyChildren } from '../../../common/api/agencies';
import { formatDate } from '../../format';

type Kind = Reply<typeof listAgencyChildren>['items'][number]['kind'];

export const KIND_LABEL: Record<Kind, string> = {
  ministry: 'Bộ, ngành',
  province: 'UBND tỉnh/thành phố',
  commune: 'UBND xã/phường/đặc khu',
  service_centre: 'Trung tâm Phục vụ hành chính công',
  one_stop_desk: 'Bộ phận Một cửa',
  department: 'Phòng, ban chuyên môn',
  bank: 'Ngân hàng',
  payment_intermediary: 'Trung gian thanh toán',
  other: 'Cơ quan khác',
};

export const CHANGE_LABEL: Record<string, string> = {
  created: 'Thành lập',
  renamed: 'Đổi tên',
  recoded: 'Đổi Mã định danh',
  moved: 'Chuyển đơn vị cấp trên',
  kind_changed: 'Đổi loại đơn vị',
  deactivated: 'Ngừng hoạt động',
  reactivated: 'Kích hoạt lại',
  merged: 'Sáp nhập',
};

export const kindOptions = Object.entries(KIND_LABEL).map(([value, label]) => ({ value, label }));

type Planned = NonNullable<Reply<typeof listAgencyChildren>['items'][number]['planned']>;

/** "Dự kiến đổi tên thành UBND phường X từ 01/01/2027": a change planned for a later date. */
export function plannedText(p: Planned): string {
  const from = ` từ ${formatDate(p.effectiveDate)}`;
  if (p.action === 'deactivate') return `Dự kiến ngừng hoạt động${from}`;
  const parts: string[] = [];
  if (p.name !== undefined) parts.push(`đổi tên thành ${p.name}`);
  if (p.code !== undefined) parts.push(`đổi Mã định danh thành ${p.code}`);
  if (p.kind !== undefined) parts.push(`đổi loại thành ${KIND_LABEL[p.kind]}`);
  if (p.parent !== undefined) parts.push(p.parent ? `chuyển sang đơn vị cấp trên ${p.parent.name}` : 'trở thành đơn vị cấp cao nhất');
  return `Dự kiến ${parts.join(', ')}${from}`;
}

export const SCHEDULED_STATUS_LABEL: Record<string, string> = {
  pending: 'Chờ đến ngày hiệu lực',
  applied: 'Đã áp dụng',
  cancelled: 'Đã hủy',
  failed: 'Không áp dụng được',
};

/** The kinds a new top of the tree may have (TOP_LEVEL_KINDS of the contract), in the tree's words. */
export const topLevelKindOptions = TOP_LEVEL_KINDS.map((value) => ({ value, label: KIND_LABEL[value] }));
