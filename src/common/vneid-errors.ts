// Why a VNeID sign-in failed. The server's error table uses these texts, and the login page shows
// them when the callback sends the browser back to /dang-nhap?loi=<code>.
export const VNEID_ERROR_MESSAGES = {
  VNEID_STATE_INVALID: 'Phiên đăng nhập bằng VNeID không hợp lệ hoặc đã hết hạn (quá 10 phút). Hãy bấm "Đăng nhập bằng VNeID" để thử lại.',
  VNEID_DENIED: 'Bạn đã từ chối hoặc hủy đăng nhập trên VNeID, nên chưa đăng nhập vào Cổng Dịch vụ công.',
  VNEID_UNAVAILABLE: 'Tạm thời không kết nối được với VNeID. Vui lòng thử lại sau hoặc đăng nhập bằng tài khoản Cổng Dịch vụ công.',
  VNEID_FAILED: 'Không đăng nhập được bằng VNeID do lỗi khi trao đổi với hệ thống VNeID. Vui lòng thử lại sau.',
  VNEID_IDENTITY_INCOMPLETE: 'Tài khoản VNeID không cung cấp đủ thông tin định danh (số định danh cá nhân/CCCD và họ tên), nên không đăng nhập được.',
  VNEID_NOT_CITIZEN: 'Số định danh này thuộc một tài khoản không phải tài khoản công dân, nên không đăng nhập bằng VNeID được. Liên hệ quản trị viên.',
  VNEID_LINK_CONFLICT: 'Tài khoản có số định danh này đã được liên kết với một tài khoản VNeID khác. Liên hệ quản trị viên để được hỗ trợ.',
} as const;
