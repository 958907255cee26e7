// The words the agency tree shows for a unit's kind and for a change in its history.
import type { Reply } from '../../../common/api/contract';
import type { listAgencyChildren } from '../../../common/api/agencies';

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
