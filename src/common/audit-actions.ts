// Vietnamese labels of the audit log ("Nhật ký hệ thống"), shared by the server (filters, labels in
// the API) and the web page. Every `action` written by writeAudit() should be listed here; an
// action missing from the list is still shown, under its code.

export interface AuditActionGroup {
  label: string;
  actions: readonly { code: string; label: string }[];
}

export const AUDIT_ACTION_GROUPS: readonly AuditActionGroup[] = [
  {
    label: 'Hồ sơ',
    actions: [
      { code: 'dossier.submit', label: 'Nộp hồ sơ trực tuyến' },
      { code: 'dossier.receive_in_person', label: 'Tiếp nhận hồ sơ trực tiếp' },
      { code: 'dossier.receive', label: 'Tiếp nhận hồ sơ trực tuyến' },
      { code: 'dossier.request_supplement', label: 'Yêu cầu bổ sung hồ sơ' },
      { code: 'dossier.refuse', label: 'Từ chối tiếp nhận hồ sơ' },
      { code: 'dossier.supplement', label: 'Công dân bổ sung hồ sơ' },
      { code: 'dossier.start', label: 'Chuyển hồ sơ sang xử lý' },
      { code: 'dossier.forward', label: 'Chuyển bước xử lý tiếp theo' },
      { code: 'dossier.send_back', label: 'Trả lại bước xử lý trước' },
      { code: 'dossier.finish', label: 'Phê duyệt, ký kết quả' },
      { code: 'dossier.supplement_requested', label: 'Yêu cầu bổ sung khi đang xử lý' },
      { code: 'dossier.request_payment', label: 'Yêu cầu thực hiện nghĩa vụ tài chính' },
      { code: 'dossier.paid', label: 'Xác nhận đã thực hiện nghĩa vụ tài chính' },
      { code: 'dossier.transfer', label: 'Chuyển hồ sơ sang cơ quan khác' },
      { code: 'dossier.extend', label: 'Gia hạn, hẹn lại ngày trả kết quả' },
      { code: 'dossier.return_result', label: 'Trả kết quả' },
      { code: 'dossier.stop', label: 'Dừng xử lý hồ sơ' },
      { code: 'dossier.withdraw', label: 'Công dân rút hồ sơ' },
      { code: 'dossier.rate', label: 'Đánh giá mức độ hài lòng' },
      { code: 'store.add', label: 'Thêm giấy tờ vào Kho dữ liệu' },
      { code: 'store.remove', label: 'Xóa giấy tờ khỏi Kho dữ liệu' },
    ],
  },
  {
    label: 'Truy cập dữ liệu',
    actions: [
      { code: 'access.denied', label: 'Từ chối truy cập (không có quyền hoặc ngoài phạm vi)' },
      { code: 'citizen.lookup', label: 'Tra cứu thông tin công dân tại Một cửa' },
      { code: 'citizen.prefill_view', label: 'Xem dữ liệu dân cư của công dân để tiếp nhận hồ sơ' },
      { code: 'dossier.view', label: 'Cán bộ xem hồ sơ của công dân' },
      { code: 'dossier.tracking_paused', label: 'Tạm dừng tra cứu hồ sơ do nhập sai số điện thoại nhiều lần' },
    ],
  },
  {
    label: 'Đăng nhập',
    actions: [
      { code: 'auth.login', label: 'Đăng nhập' },
      { code: 'auth.login_failed', label: 'Đăng nhập không thành công' },
      { code: 'auth.login_refused_locked', label: 'Từ chối đăng nhập (đang tạm khóa)' },
      { code: 'auth.lockout', label: 'Tạm khóa đăng nhập do sai nhiều lần' },
      { code: 'auth.logout', label: 'Đăng xuất' },
      { code: 'auth.logout_all', label: 'Đăng xuất khỏi mọi thiết bị' },
      { code: 'auth.vneid_login', label: 'Đăng nhập bằng VNeID' },
      { code: 'auth.vneid_failed', label: 'Đăng nhập bằng VNeID không thành công' },
      { code: 'auth.otp_sent', label: 'Gửi mã OTP' },
      { code: 'auth.password_reset_requested', label: 'Yêu cầu lấy lại mật khẩu' },
      { code: 'auth.password_reset', label: 'Đặt lại mật khẩu' },
      { code: 'auth.password_reset_failed', label: 'Đặt lại mật khẩu không thành công' },
      { code: 'auth.login_step_up', label: 'Yêu cầu mã xác thực khi đăng nhập từ thiết bị lạ (sai mật khẩu nhiều lần)' },
      { code: 'auth.login_code_skipped', label: 'Không gửi mã xác thực đăng nhập (quá số lần hoặc không có số điện thoại)' },
      { code: 'auth.login_ceiling', label: 'Ngừng đăng nhập từ thiết bị lạ do sai mật khẩu 100 lần liên tiếp' },
      { code: 'auth.login_refused_ceiling', label: 'Từ chối đăng nhập từ thiết bị lạ (cần đặt lại mật khẩu)' },
    ],
  },
  {
    label: 'Người dùng',
    actions: [
      { code: 'user.create', label: 'Tạo tài khoản' },
      { code: 'user.activate', label: 'Kích hoạt tài khoản' },
      { code: 'user.deactivate', label: 'Ngừng kích hoạt tài khoản' },
      { code: 'user.unit_assign', label: 'Gán người dùng vào đơn vị' },
      { code: 'user.unit_remove', label: 'Bỏ gán người dùng khỏi đơn vị' },
      { code: 'user.permission_grant', label: 'Gán quyền' },
      { code: 'user.permission_revoke', label: 'Thu hồi quyền' },
      { code: 'user.password_change', label: 'Đổi mật khẩu' },
      { code: 'user.password_cleared', label: 'Hủy mật khẩu' },
      { code: 'user.profile_update', label: 'Cập nhật thông tin tài khoản' },
      { code: 'user.phone_change', label: 'Đổi số điện thoại' },
      { code: 'user.email_change', label: 'Đổi email' },
      { code: 'user.vneid_link', label: 'Liên kết tài khoản với VNeID' },
      { code: 'officer_import.confirm', label: 'Nhập danh sách cán bộ' },
      { code: 'user.export', label: 'Xuất Excel danh sách người dùng' },
    ],
  },
  {
    label: 'Tạo tài khoản công dân',
    actions: [
      { code: 'citizen_account_request.create', label: 'Lập yêu cầu tạo tài khoản công dân' },
      { code: 'citizen_account_request.update', label: 'Sửa yêu cầu tạo tài khoản công dân' },
      { code: 'citizen_account_request.otp_sent', label: 'Gửi mã OTP cho công dân' },
      { code: 'citizen_account_request.complete', label: 'Tạo tài khoản công dân tại Một cửa' },
      { code: 'citizen_account_request.cancel', label: 'Hủy yêu cầu tạo tài khoản công dân' },
      { code: 'file.upload', label: 'Tải lên tệp đính kèm' },
      { code: 'file.view', label: 'Xem tệp đính kèm' },
      { code: 'file.upload_refused', label: 'Từ chối tệp tải lên (nội dung nén vượt giới hạn)' },
    ],
  },
  {
    label: 'Tự đăng ký',
    actions: [
      { code: 'registration.start', label: 'Bắt đầu đăng ký tài khoản' },
      { code: 'registration.phone_verified', label: 'Xác thực số điện thoại đăng ký' },
      { code: 'registration.complete', label: 'Hoàn thành đăng ký tài khoản' },
    ],
  },
  {
    label: 'Cơ quan/đơn vị',
    actions: [
      { code: 'agency.create', label: 'Thêm đơn vị' },
      { code: 'agency.rename', label: 'Đổi tên đơn vị' },
      { code: 'agency.recode', label: 'Đổi mã định danh đơn vị' },
      { code: 'agency.kind_change', label: 'Đổi loại đơn vị' },
      { code: 'agency.move', label: 'Chuyển đơn vị' },
      { code: 'agency.deactivate', label: 'Ngừng hoạt động đơn vị' },
      { code: 'agency.reactivate', label: 'Hoạt động lại đơn vị' },
      { code: 'agency.merge', label: 'Sáp nhập đơn vị' },
    ],
  },
  {
    label: 'Thủ tục hành chính',
    actions: [
      { code: 'procedure.create', label: 'Thêm thủ tục hành chính' },
      { code: 'procedure.update', label: 'Sửa thủ tục hành chính' },
      { code: 'procedure.publish', label: 'Công bố thủ tục hành chính' },
      { code: 'procedure.unpublish', label: 'Ngừng công bố thủ tục hành chính' },
      { code: 'procedure.form_set', label: 'Cập nhật biểu mẫu điện tử' },
      { code: 'procedure.workflow_set', label: 'Cập nhật quy trình xử lý' },
      { code: 'procedure.template_upload', label: 'Tải lên mẫu đơn, tờ khai' },
      { code: 'procedure.template_remove', label: 'Gỡ mẫu đơn, tờ khai' },
    ],
  },
  {
    label: 'Tin nhắn, thư gửi đi',
    actions: [{ code: 'outbox.retry', label: 'Gửi lại tin nhắn/thư' }],
  },
];

const LABELS = new Map(AUDIT_ACTION_GROUPS.flatMap((g) => g.actions.map((a) => [a.code, a.label] as const)));

export const AUDIT_ACTION_CODES: readonly string[] = [...LABELS.keys()];

/** "Thao tác" of a row: the Vietnamese label, or the code itself for an action not listed. */
export function auditActionLabel(code: string): string {
  return LABELS.get(code) ?? code;
}

/** What kind of thing a row is about ("Đối tượng"). */
export const AUDIT_ENTITY_LABELS: Readonly<Record<string, string>> = {
  user: 'Người dùng',
  agency: 'Đơn vị',
  citizen_account_request: 'Yêu cầu tạo tài khoản',
  registration: 'Đăng ký tài khoản',
  stored_file: 'Tệp đính kèm',
  officer_import: 'Nhập danh sách cán bộ',
  procedure: 'Thủ tục hành chính',
  outbox_job: 'Tin nhắn/thư gửi đi',
};

/** Names of the fields in "Trước" / "Sau". A field not listed is shown under its key. */
export const AUDIT_FIELD_LABELS: Readonly<Record<string, string>> = {
  status: 'Trạng thái',
  agencyId: 'Đơn vị',
  unitId: 'Đơn vị',
  permission: 'Quyền',
  permissions: 'Quyền',
  unitIds: 'Đơn vị',
  userId: 'Người dùng',
  requestId: 'Yêu cầu',
  kind: 'Loại',
  username: 'Tên đăng nhập',
  fullName: 'Họ và tên',
  idNumber: 'Số CMND/CCCD',
  birthDate: 'Ngày sinh',
  sex: 'Giới tính',
  phone: 'Số điện thoại',
  email: 'Email',
  permanentAddress: 'Địa chỉ thường trú',
  representativeName: 'Người đại diện',
  issuer: 'Đơn vị cấp tài khoản',
  mustChangePassword: 'Phải đổi mật khẩu',
  createdAt: 'Thời gian tạo',
  updatedAt: 'Thời gian cập nhật',
  completedAt: 'Thời gian hoàn thành',
  audience: 'Phân hệ',
  outcome: 'Kết quả',
  reason: 'Lý do',
  purpose: 'Mục đích',
  name: 'Tên',
  code: 'Mã định danh',
  parentId: 'Đơn vị cấp trên',
  successorId: 'Sáp nhập vào',
  mergedFrom: 'Chuyển từ đơn vị (sáp nhập)',
  effectiveDate: 'Ngày hiệu lực',
  originalName: 'Tên tệp',
  size: 'Dung lượng (byte)',
  vneidSub: 'Mã định danh VNeID',
  identityVerifiedAt: 'Thời gian xác thực danh tính',
  identityVerifiedBy: 'Xác thực danh tính bởi',
  seconds: 'Thời gian khóa (giây)',
  by: 'Khóa theo',
  field: 'Lĩnh vực',
  level: 'Cấp thực hiện',
  implementingAgency: 'Cơ quan thực hiện',
  processingDays: 'Thời hạn giải quyết (ngày làm việc)',
  processingNote: 'Ghi chú thời hạn',
  fees: 'Phí, lệ phí',
  fullyOnline: 'Dịch vụ công trực tuyến toàn trình',
  legalBasis: 'Căn cứ pháp lý',
  effectiveFrom: 'Hiệu lực từ ngày',
  effectiveTo: 'Hiệu lực đến ngày',
  decisionRef: 'Quyết định công bố',
  decisionDate: 'Ngày quyết định công bố',
  publishedAt: 'Thời gian công bố',
  hasForm: 'Có biểu mẫu điện tử',
  form: 'Biểu mẫu điện tử',
  documents: 'Thành phần hồ sơ',
  document: 'Thành phần hồ sơ',
  templateFileId: 'Tệp mẫu',
};
