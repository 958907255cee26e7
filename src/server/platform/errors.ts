import { VNEID_ERROR_MESSAGES } from '../../common/vneid-errors.js';

// One table maps every error code to an HTTP status and a Vietnamese message. Services throw
// AppError; the central handler in app.ts turns it into an RFC 9457 problem response.

export const ERRORS = {
  VALIDATION_FAILED: { status: 400, message: 'Dữ liệu gửi lên không hợp lệ.' },
  INVALID_ID_NUMBER: { status: 400, message: 'Số CMND/CCCD không hợp lệ.' },
  INVALID_BIRTH_DATE: { status: 400, message: 'Ngày sinh không hợp lệ.' },
  INVALID_PHONE: {
    status: 400,
    message: 'Số điện thoại phải là số di động Việt Nam gồm 10 chữ số, bắt đầu bằng 03, 05, 07, 08 hoặc 09.',
  },
  INVALID_EMAIL: { status: 400, message: 'Địa chỉ email không hợp lệ.' },
  INVALID_NAME: { status: 400, message: 'Họ và tên phải có từ 2 đến 100 ký tự chữ.' },
  ACCOUNT_ALREADY_EXISTS: {
    status: 409,
    message: 'Số CMND/CCCD này đã có tài khoản trên Cổng Dịch vụ công. Không tạo thêm tài khoản mới; hướng dẫn công dân đăng nhập hoặc dùng chức năng Quên mật khẩu.',
  },
  FILE_REQUIRED: { status: 400, message: 'Phải đính kèm 1 file CCCD/CMND (doc, docx hoặc pdf) gồm 2 mặt.' },
  FILE_TOO_MANY: { status: 400, message: 'Chỉ được đính kèm đúng 1 file gồm cả 2 mặt CCCD/CMND.' },
  FILE_TOO_LARGE: { status: 413, message: 'File đính kèm vượt quá dung lượng cho phép 5 MB.' },
  FILE_EMPTY: { status: 400, message: 'File đính kèm rỗng.' },
  FILE_TYPE_NOT_ALLOWED: {
    status: 415,
    message: 'File đính kèm phải là doc, docx hoặc pdf (kiểm tra theo nội dung thật của file, không theo tên file).',
  },
  FILE_NOT_FOUND: { status: 404, message: 'Không tìm thấy file đính kèm; hãy tải file lên lại.' },
  // A .docx/.xlsx (a zip archive) that unpacks beyond the limits of platform/files/zip-guard.ts.
  FILE_ARCHIVE_TOO_LARGE: {
    status: 413,
    message: 'Nội dung nén bên trong tệp vượt quá giới hạn cho phép (dung lượng sau khi giải nén quá lớn hoặc có quá nhiều thành phần); hãy kiểm tra lại tệp.',
  },
  NO_ELIGIBLE_UNIT: {
    status: 403,
    message: 'Bạn chưa được gán vào đơn vị nào có tên chứa "Trung tâm phục vụ hành chính công" hoặc "Bộ phận một cửa". Đề nghị quản trị viên gán bạn vào đơn vị Trung tâm Phục vụ hành chính công/Bộ phận Một cửa, hoặc đổi tên đơn vị cho đúng.',
  },
  UNIT_NOT_ALLOWED: {
    status: 403,
    message: 'Đơn vị đã chọn không phải là Trung tâm phục vụ hành chính công/Bộ phận một cửa mà bạn được gán.',
  },
  NOT_AUTHENTICATED: { status: 401, message: 'Bạn cần đăng nhập để tiếp tục.' },
  FORBIDDEN: { status: 403, message: 'Bạn không có quyền thực hiện thao tác này.' },
  PERMISSION_REQUIRED: { status: 403, message: 'Tài khoản của bạn chưa được cấp quyền cần thiết.' },
  INVALID_CREDENTIALS: { status: 401, message: 'Tên đăng nhập hoặc mật khẩu không đúng.' },
  ACCOUNT_INACTIVE: { status: 403, message: 'Tài khoản đang ở trạng thái không kích hoạt. Liên hệ quản trị viên.' },
  PASSWORD_CHANGE_REQUIRED: { status: 403, message: 'Bạn cần đổi mật khẩu trước khi tiếp tục.' },
  PASSWORD_POLICY: {
    status: 400,
    message: 'Mật khẩu mới phải có ít nhất 8 ký tự, gồm chữ hoa, chữ thường, chữ số và ký tự đặc biệt.',
  },
  PASSWORD_SAME: { status: 400, message: 'Mật khẩu mới phải khác mật khẩu hiện tại.' },
  // The blocklist and guessability rule (platform/auth/password-policy.ts); the same text as
  // PASSWORD_TOO_COMMON_MESSAGE in src/common/password-blocklist.ts, which the browser shows.
  PASSWORD_TOO_COMMON: {
    status: 400,
    message: 'Mật khẩu này quá phổ biến hoặc dễ đoán (ví dụ chứa tên, số CCCD, số điện thoại hoặc các mẫu như "Password@123"). Hãy chọn mật khẩu khác.',
  },
  WRONG_CURRENT_PASSWORD: { status: 400, message: 'Mật khẩu hiện tại không đúng.' },
  RATE_LIMITED: { status: 429, message: 'Bạn đã thử quá nhiều lần. Vui lòng thử lại sau.' },
  CSRF_INVALID: { status: 403, message: 'Phiên làm việc không hợp lệ hoặc đã hết hạn. Hãy tải lại trang và thử lại.' },
  NOT_FOUND: { status: 404, message: 'Không tìm thấy nội dung yêu cầu.' },
  REQUEST_NOT_FOUND: { status: 404, message: 'Không tìm thấy yêu cầu tạo tài khoản.' },
  REQUEST_NOT_DRAFT: { status: 409, message: 'Yêu cầu này đã hoàn thành hoặc đã hủy, không thể thay đổi.' },
  OTP_NOT_SENT: { status: 409, message: 'Chưa gửi mã OTP cho yêu cầu này. Nhấn "Gửi mã OTP".' },
  OTP_INVALID: { status: 400, message: 'Mã OTP không đúng.' },
  OTP_EXPIRED: {
    status: 400,
    message: 'Mã OTP đã hết hiệu lực (quá 2 phút). Nhấn "Gửi mã OTP" để gửi mã mới.',
  },
  OTP_SUPERSEDED: {
    status: 400,
    message: 'Đây là mã OTP cũ, đã bị thay bằng mã gửi sau. Hãy nhập mã OTP mới nhất vừa nhận được.',
  },
  OTP_ATTEMPTS_EXCEEDED: {
    status: 429,
    message: 'Đã nhập sai mã OTP quá số lần cho phép; mã này đã bị hủy. Nhấn "Gửi mã OTP" để gửi mã mới.',
  },
  OTP_RESEND_TOO_SOON: { status: 429, message: 'Vui lòng chờ trước khi gửi lại mã OTP.' },
  OTP_SEND_LIMIT: {
    status: 429,
    message: 'Đã gửi quá số mã OTP cho phép trong 1 giờ. Kiểm tra lại số điện thoại hoặc thử lại sau.',
  },
  // Citizen sign-in, registration and recovery (issue 4).
  ACCOUNT_LOCKED: {
    status: 429,
    message: 'Tài khoản tạm thời bị khóa do nhập sai mật khẩu nhiều lần. Vui lòng thử lại sau, hoặc dùng chức năng Quên mật khẩu.',
  },
  ADDRESS_LOCKED: {
    status: 429,
    message: 'Có quá nhiều lần đăng nhập sai từ địa chỉ mạng này. Vui lòng thử lại sau.',
  },
  // Sign-in from a browser the account does not know, after many wrong passwords (ADR 0012).
  LOGIN_CODE_REQUIRED: {
    status: 401,
    message: 'Để bảo vệ tài khoản, đăng nhập từ thiết bị này cần thêm mã xác thực. Nếu mật khẩu đúng, mã xác thực đã được gửi tới số điện thoại đã đăng ký.',
  },
  LOGIN_CODE_INVALID: {
    status: 401,
    message: 'Mật khẩu hoặc mã xác thực không đúng, hoặc mã đã hết hiệu lực. Kiểm tra lại, hoặc bấm "Gửi lại mã" để nhận mã mới.',
  },
  LOGIN_UNTRUSTED_BLOCKED: {
    status: 403,
    message: 'Tài khoản đã bị nhập sai mật khẩu quá nhiều lần nên tạm ngừng đăng nhập từ thiết bị lạ. Hãy đăng nhập trên thiết bị đã dùng trước đây, hoặc đặt lại mật khẩu.',
  },
  INVALID_TAX_CODE: {
    status: 400,
    message: 'Mã số thuế không hợp lệ: phải gồm 10 chữ số với chữ số kiểm tra đúng (hoặc 10 chữ số, dấu "-" và 3 chữ số của đơn vị phụ thuộc).',
  },
  PASSWORD_MISMATCH: { status: 400, message: 'Mật khẩu nhập lại không khớp với mật khẩu.' },
  REGISTRATION_NOT_FOUND: { status: 404, message: 'Không tìm thấy yêu cầu đăng ký; hãy bắt đầu đăng ký lại.' },
  REGISTRATION_NOT_VERIFIED: { status: 409, message: 'Cần xác thực mã OTP gửi tới số điện thoại trước khi đặt mật khẩu.' },
  REGISTRATION_EXPIRED: {
    status: 410,
    message: 'Yêu cầu đăng ký đã quá hạn (quá 30 phút kể từ khi xác thực OTP). Hãy đăng ký lại.',
  },
  REGISTRATION_DONE: { status: 409, message: 'Yêu cầu đăng ký này đã hoàn thành. Hãy đăng nhập.' },
  RESET_INVALID: {
    status: 400,
    message: 'Mã OTP không đúng hoặc đã hết hiệu lực. Kiểm tra lại mã, hoặc nhấn "Gửi lại OTP".',
  },
  RESET_EXPIRED: { status: 410, message: 'Yêu cầu lấy lại mật khẩu đã hết hạn. Hãy làm lại từ đầu.' },
  IDENTITY_VERIFIED: {
    status: 409,
    message: 'Thông tin định danh đã được xác thực (qua VNeID hoặc tại Bộ phận Một cửa) nên không thể tự sửa. Nếu có sai sót, hãy liên hệ Bộ phận Một cửa hoặc cơ quan Công an nơi cư trú.',
  },
  CONTACT_CHANGE_NOT_FOUND: { status: 404, message: 'Không tìm thấy yêu cầu thay đổi; hãy gửi lại mã OTP.' },
  CONTACT_UNCHANGED: { status: 400, message: 'Giá trị mới trùng với giá trị hiện tại.' },
  PASSWORD_ALREADY_SET: { status: 409, message: 'Tài khoản đã có mật khẩu; hãy dùng chức năng Đổi mật khẩu.' },
  NO_PASSWORD_SET: {
    status: 409,
    message: 'Tài khoản này đăng nhập bằng VNeID và chưa có mật khẩu. Hãy đặt mật khẩu trong trang Thông tin tài khoản.',
  },
  // Administration back office (issue 5).
  ADMIN_REQUIRED: { status: 403, message: 'Chức năng này dành cho quản trị viên (quản trị cấp cao hoặc quản trị cấp 1 của Bộ, ngành, địa phương).' },
  ADMIN_RANK_REFUSED: {
    status: 403,
    message: 'Quản trị cấp 1 không được thay đổi tài khoản của quản trị viên cùng cấp hoặc cấp cao hơn; đề nghị quản trị cấp cao thực hiện.',
  },
  OUT_OF_SCOPE: { status: 403, message: 'Đơn vị hoặc người dùng này nằm ngoài phạm vi quản lý của bạn.' },
  USER_NOT_FOUND: { status: 404, message: 'Không tìm thấy người dùng.' },
  AGENCY_NOT_FOUND: { status: 404, message: 'Không tìm thấy cơ quan/đơn vị.' },
  AGENCY_INACTIVE: { status: 409, message: 'Đơn vị đã ngừng hoạt động (hoặc đã sáp nhập) nên không nhận thêm người dùng.' },
  AGENCY_CODE_INVALID: {
    status: 400,
    message: 'Mã định danh phải có dạng NNN.NN.NN.XNN (3, 2, 2 chữ số và một chữ cái in hoa kèm 2 chữ số), ví dụ 000.00.43.H35.',
  },
  AGENCY_CODE_TAKEN: { status: 409, message: 'Mã định danh này đã được dùng cho đơn vị khác.' },
  AGENCY_MOVE_INVALID: { status: 400, message: 'Không thể chuyển đơn vị vào chính nó hoặc vào một đơn vị cấp dưới của nó.' },
  AGENCY_HAS_ACTIVE_CHILDREN: { status: 409, message: 'Đơn vị còn đơn vị trực thuộc đang hoạt động; hãy chuyển hoặc ngừng hoạt động các đơn vị đó trước.' },
  // Issue 15 (agencies/tree.ts): effective dates, scheduled changes, moves to another province.
  AGENCY_EFFECTIVE_DATE_PAST: {
    status: 400,
    message: 'Ngày hiệu lực đã qua. Hãy chọn ngày hôm nay (thay đổi có hiệu lực ngay) hoặc một ngày sau hôm nay (thay đổi được lên lịch).',
  },
  AGENCY_EFFECTIVE_DATE_FUTURE: {
    status: 400,
    message: 'Thay đổi này chỉ thực hiện được với ngày hiệu lực là hôm nay; hãy thực hiện vào đúng ngày hiệu lực.',
  },
  AGENCY_CHANGE_PENDING: { status: 409, message: 'Đơn vị đã có một thay đổi dự kiến chưa đến ngày hiệu lực; hãy hủy thay đổi đó trước khi lên lịch thay đổi khác.' },
  AGENCY_CHANGE_NOT_FOUND: { status: 404, message: 'Không tìm thấy thay đổi dự kiến của đơn vị.' },
  AGENCY_CHANGE_NOT_PENDING: { status: 409, message: 'Thay đổi dự kiến này đã được áp dụng hoặc đã hủy.' },
  AGENCY_CROSS_PROVINCE_CONFIRM_REQUIRED: {
    status: 409,
    message: 'Đơn vị cấp trên mới thuộc tỉnh/đơn vị gốc khác; hãy xác nhận việc chuyển đơn vị sang tỉnh khác.',
  },
  AGENCY_TOP_LEVEL_KIND: {
    status: 400,
    message: 'Đơn vị cấp cao nhất phải là Bộ, ngành, UBND tỉnh/thành phố, Ngân hàng, Trung gian thanh toán hoặc Cơ quan khác.',
  },
  PERMISSION_GRANT_REFUSED: { status: 403, message: 'Không thể cấp hoặc thu hồi quyền này.' },
  USERNAME_INVALID: {
    status: 400,
    message: 'Tên đăng nhập gồm 3–50 ký tự: chữ cái không dấu, chữ số, dấu chấm, gạch dưới hoặc gạch ngang.',
  },
  USERNAME_TAKEN: { status: 409, message: 'Tên đăng nhập đã được dùng; hãy chọn tên khác.' },
  SELF_ACTION_REFUSED: { status: 409, message: 'Bạn không thể thực hiện thao tác này trên chính tài khoản của mình.' },
  IMPORT_FILE_INVALID: {
    status: 400,
    message: 'File phải là bảng tính Excel (.xlsx) theo biểu mẫu, với các cột STT, Họ và tên, Đơn vị, CMND/CCCD, Số điện thoại.',
  },
  IMPORT_TOO_LARGE: { status: 413, message: 'File danh sách có quá nhiều dòng (tối đa 5.000 dòng mỗi lần nhập).' },
  IMPORT_NOT_FOUND: { status: 404, message: 'Không tìm thấy lần nhập danh sách này; hãy tải file lên lại.' },
  IMPORT_ALREADY_DONE: { status: 409, message: 'Danh sách này đã được nhập; kết quả không thay đổi.' },
  // A preview not confirmed within PREVIEW_TTL_MINUTES (30) of its upload (officer-import).
  IMPORT_PREVIEW_EXPIRED: {
    status: 410,
    message: 'Bản xem trước đã hết hạn, vui lòng tải lại tệp. Bản xem trước chỉ được giữ 30 phút kể từ khi tải lên; chưa có tài khoản nào được tạo hay cập nhật từ bản này.',
  },
  PROCEDURE_NOT_FOUND: { status: 404, message: 'Không tìm thấy thủ tục hành chính này, hoặc thủ tục đã hết hiệu lực.' },
  // Administration of the procedures catalogue (issue 6).
  CATALOGUE_ADMIN_REQUIRED: {
    status: 403,
    message: 'Chức năng quản lý danh mục thủ tục hành chính dành cho quản trị cấp cao hoặc tài khoản có quyền ADMIN CỤC KSTTHC.',
  },
  PROCEDURE_CODE_INVALID: {
    status: 400,
    message: 'Mã thủ tục phải có dạng N.NNNNNN (ví dụ 1.001193), hoặc kèm mã định danh của cơ quan ban hành (ví dụ 1.001193.000.00.00.H12).',
  },
  PROCEDURE_CODE_TAKEN: { status: 409, message: 'Mã thủ tục này đã có trong danh mục.' },
  PROCEDURE_CODE_LOCKED: { status: 409, message: 'Thủ tục đã được công bố nên không thể đổi mã thủ tục.' },
  PROCEDURE_EFFECTIVE_RANGE_INVALID: { status: 400, message: 'Ngày hết hiệu lực phải cùng ngày hoặc sau ngày bắt đầu hiệu lực.' },
  PROCEDURE_DECISION_DATE_INVALID: { status: 400, message: 'Ngày quyết định công bố nằm ngoài những năm có lịch nghỉ lễ để tính số ngày làm việc.' },
  PROCEDURE_ALREADY_PUBLISHED: { status: 409, message: 'Thủ tục này đang được công bố.' },
  PROCEDURE_NOT_PUBLISHED: { status: 409, message: 'Thủ tục này không ở trạng thái đã công bố nên không thể ngừng công bố.' },
  PROCEDURE_EXPIRED: { status: 409, message: 'Thủ tục đã hết hiệu lực; hãy sửa ngày hết hiệu lực trước khi công bố.' },
  PROCEDURE_DOCUMENT_NOT_FOUND: { status: 404, message: 'Không tìm thấy thành phần hồ sơ này của thủ tục.' },
  PROCEDURE_TEMPLATE_NOT_FOUND: { status: 404, message: 'Thành phần hồ sơ này chưa có mẫu đơn, tờ khai để tải về.' },
  PROCEDURE_CHANNEL_REPEATED: { status: 400, message: 'Mỗi cách thức thực hiện (trực tiếp, trực tuyến, bưu chính) chỉ được khai một lần.' },
  FORM_DEFINITION_INVALID: { status: 400, message: 'Biểu mẫu điện tử không hợp lệ; xem danh sách lỗi kèm theo.' },
  // Dossiers (issue 6)
  PROCEDURE_NOT_ONLINE: { status: 409, message: 'Thủ tục này chưa có biểu mẫu điện tử nên chưa nộp trực tuyến được; vui lòng nộp trực tiếp tại Bộ phận Một cửa.' },
  NO_RECEIVING_UNIT: { status: 403, message: 'Tài khoản của bạn chưa được gán vào đơn vị tiếp nhận hồ sơ nào.' },
  AGENCY_NOT_RECEIVING: { status: 400, message: 'Cơ quan đã chọn không tiếp nhận hồ sơ của thủ tục này; hãy chọn cơ quan khác.' },
  FORM_LOCKED_FIELD_CHANGED: {
    status: 409,
    message: 'Thông tin lấy từ Cơ sở dữ liệu quốc gia về dân cư không được sửa. Nếu thông tin sai, hãy đề nghị điều chỉnh tại cơ quan công an nơi cư trú.',
  },
  FORM_INVALID: { status: 400, message: 'Tờ khai chưa hợp lệ; hãy kiểm tra các trường được đánh dấu.' },
  DOSSIER_DOCUMENT_MISSING: { status: 400, message: 'Còn thiếu bản điện tử của giấy tờ bắt buộc trong thành phần hồ sơ.' },
  DOSSIER_NOT_FOUND: { status: 404, message: 'Không tìm thấy hồ sơ.' },
  SUBMISSION_KEY_REUSED: { status: 409, message: 'Biểu mẫu này đã được dùng để nộp một hồ sơ khác. Hãy tải lại trang rồi nộp lại hồ sơ.' },
  // A save or submission of an online draft from a tab that holds an older version (issue 15).
  DRAFT_VERSION_CONFLICT: {
    status: 409,
    message: 'Bản nháp đã được thay đổi ở một cửa sổ khác. Hãy tải lại bản mới nhất, hoặc giữ nội dung của bạn để ghi đè.',
  },
  DOSSIER_STATUS_CONFLICT: { status: 409, message: 'Trạng thái hồ sơ đã thay đổi, không thực hiện được thao tác này. Hãy tải lại trang.' },
  DOSSIER_OUT_OF_SCOPE: { status: 403, message: 'Bạn chỉ tiếp nhận được hồ sơ của đơn vị mình.' },
  CITIZEN_NOT_FOUND: { status: 404, message: 'Không tìm thấy tài khoản công dân.' },
  CITIZEN_INACTIVE: { status: 409, message: 'Tài khoản công dân này đang bị khóa.' },
  REASON_REQUIRED: { status: 400, message: 'Phải nhập lý do (ít nhất 5 ký tự); công dân sẽ nhận được nội dung này.' },
  STORE_TITLE_INVALID: { status: 400, message: 'Tên giấy tờ phải có từ 2 đến 200 ký tự.' },
  PAPER_TOO_LARGE: { status: 413, message: 'Mỗi tệp giấy tờ tối đa 10 MB.' },
  // Processing (issue 7)
  DOSSIER_ACTION_NOT_ALLOWED: { status: 403, message: 'Bạn không có vai trò thực hiện thao tác này ở bước hiện tại của hồ sơ.' },
  FEE_AMOUNT_INVALID: { status: 400, message: 'Số tiền phải là số nguyên dương (đồng).' },
  TRANSFER_TARGET_INVALID: { status: 400, message: 'Cơ quan nhận chuyển hồ sơ không hợp lệ (phải là cơ quan khác, đang hoạt động).' },
  EXTENSION_DATE_INVALID: { status: 400, message: 'Ngày hẹn trả kết quả mới không hợp lệ.' },
  FEE_UNPAID: { status: 409, message: 'Công dân chưa thực hiện nghĩa vụ tài chính; chưa trả kết quả được.' },
  RATING_INVALID: { status: 400, message: 'Mức đánh giá phải là Rất hài lòng, Hài lòng hoặc Không hài lòng.' },
  RATING_CRITERION_MISSING: { status: 400, message: 'Hãy chọn mức độ hài lòng cho từng tiêu chí.' },
  DELIVERY_METHOD_REQUIRED: { status: 400, message: 'Hãy chọn hình thức nhận kết quả.' },
  DELIVERY_METHOD_INVALID: { status: 400, message: 'Hình thức nhận kết quả phải là nhận trực tiếp, qua dịch vụ bưu chính công ích hoặc bản điện tử.' },
  DELIVERY_ADDRESS_REQUIRED: { status: 400, message: 'Nhận qua bưu chính cần đủ địa chỉ nhận: địa chỉ chi tiết, xã/phường, tỉnh/thành phố, họ tên và số điện thoại người nhận.' },
  DELIVERY_ADDRESS_UNIT_INVALID: { status: 400, message: 'Xã/phường không thuộc tỉnh/thành phố đã chọn (đơn vị hành chính từ 01/07/2025).' },
  DELIVERY_PHONE_INVALID: { status: 400, message: 'Số điện thoại người nhận không hợp lệ (10 số, bắt đầu bằng 03, 05, 07, 08 hoặc 09).' },
  RATING_NOT_YET: { status: 409, message: 'Chỉ đánh giá được sau khi hồ sơ đã trả kết quả.' },
  RATING_EXISTS: { status: 409, message: 'Hồ sơ này đã được đánh giá; mỗi hồ sơ chỉ đánh giá một lần.' },
  TRACKING_NOT_FOUND: { status: 404, message: 'Không tìm thấy hồ sơ với mã hồ sơ và số điện thoại đã nhập.' },
  TRACKING_PAUSED: {
    status: 429,
    message:
      'Tra cứu mã hồ sơ này tạm dừng vì đã có nhiều lần nhập sai số điện thoại. Nếu bạn là người nộp hồ sơ, hãy đăng nhập và xem "Hồ sơ của tôi", hoặc thử lại sau.',
  },
  RESULT_NOT_READY: { status: 404, message: 'Hồ sơ chưa có kết quả điện tử.' },
  WORKFLOW_DEFINITION_INVALID: { status: 400, message: 'Quy trình xử lý chưa hợp lệ; xem danh sách vấn đề.' },
  RESULT_PREVIEW_NOT_AVAILABLE: { status: 409, message: 'Chỉ người ký kết quả ở bước hiện tại của hồ sơ mới xem trước được kết quả.' },
  APOLOGY_NOT_FOUND: { status: 404, message: 'Hồ sơ này chưa có phiếu xin lỗi và hẹn lại ngày trả kết quả.' },
  VERIFY_NOT_FOUND: { status: 404, message: 'Không tìm thấy văn bản điện tử với mã xác thực này.' },
  PAPER_TYPE_NOT_ALLOWED: { status: 415, message: 'Giấy tờ phải là bản quét hoặc ảnh chụp dạng PDF, JPG hoặc PNG (kiểm tra theo nội dung thật của tệp).' },
  // Phản ánh, kiến nghị (feedback module, issue 15)
  FEEDBACK_NOT_FOUND: { status: 404, message: 'Không tìm thấy phản ánh, kiến nghị.' },
  FEEDBACK_SUBJECT_REQUIRED: {
    status: 400,
    message: 'Hãy chọn thủ tục hành chính (kèm cơ quan nhận phản ánh) hoặc một hồ sơ của bạn mà phản ánh, kiến nghị đề cập đến; chỉ chọn một trong hai.',
  },
  FEEDBACK_TITLE_INVALID: { status: 400, message: 'Tiêu đề phải có từ 10 đến 200 ký tự.' },
  FEEDBACK_CONTENT_INVALID: { status: 400, message: 'Nội dung phản ánh, kiến nghị phải có từ 20 đến 4.000 ký tự.' },
  FEEDBACK_ANSWER_INVALID: { status: 400, message: 'Nội dung trả lời phải có từ 20 đến 4.000 ký tự; người gửi sẽ nhận được nội dung này.' },
  FEEDBACK_ALREADY_ANSWERED: { status: 409, message: 'Phản ánh, kiến nghị này đã được trả lời; câu trả lời không thay đổi được.' },
  FEEDBACK_DAILY_LIMIT: { status: 429, message: 'Bạn đã gửi 10 phản ánh, kiến nghị trong 24 giờ qua. Vui lòng gửi tiếp sau.' },
  // Outbox (SMS/e-mail) administration
  OUTBOX_JOB_NOT_FOUND: { status: 404, message: 'Không tìm thấy tin nhắn/thư này.' },
  NOTIFICATION_NOT_FOUND: { status: 404, message: 'Không tìm thấy thông báo này.' },
  OUTBOX_JOB_NOT_FAILED: { status: 409, message: 'Chỉ gửi lại được tin nhắn/thư đã ngừng gửi; tin nhắn/thư này vẫn đang được hệ thống tự gửi lại hoặc đã gửi xong.' },
  // Requests the framework refuses before any module sees them (issue 13): each keeps its status.
  BAD_REQUEST: { status: 400, message: 'Yêu cầu không hợp lệ.' },
  // The body of a request whose Content-Type says JSON: broken JSON, or no body at all.
  JSON_BODY_INVALID: {
    status: 400,
    message: 'Dữ liệu gửi lên không đúng định dạng JSON (sai cú pháp hoặc bị cắt ngang) nên không đọc được. Hãy tải lại trang và thử lại.',
  },
  JSON_BODY_EMPTY: {
    status: 400,
    message: 'Yêu cầu khai báo dữ liệu JSON (Content-Type: application/json) nhưng không gửi kèm dữ liệu nào.',
  },
  CONFLICT: { status: 409, message: 'Dữ liệu vừa được thay đổi bởi một thao tác khác cùng lúc. Hãy tải lại trang và thử lại.' },
  INVALID_CHARACTERS: { status: 400, message: 'Dữ liệu gửi lên chứa ký tự không hợp lệ (ký tự rỗng hoặc ký tự Unicode không hoàn chỉnh).' },
  NUMBER_OUT_OF_RANGE: { status: 400, message: 'Giá trị số gửi lên không hợp lệ hoặc vượt quá giới hạn cho phép.' },
  MULTIPART_INVALID: { status: 400, message: 'Dữ liệu tải lên bị lỗi hoặc không đầy đủ. Hãy chọn lại tệp và gửi lại.' },
  METHOD_NOT_ALLOWED: { status: 405, message: 'Phương thức yêu cầu không được hỗ trợ.' },
  NOT_ACCEPTABLE: { status: 406, message: 'Không có định dạng phản hồi phù hợp với yêu cầu.' },
  REQUEST_TIMEOUT: { status: 408, message: 'Yêu cầu gửi lên quá chậm và đã bị ngắt. Vui lòng thử lại.' },
  PAYLOAD_TOO_LARGE: { status: 413, message: 'Dữ liệu gửi lên vượt quá dung lượng cho phép (tối đa 1 MB cho mỗi yêu cầu không kèm tệp).' },
  URI_TOO_LONG: { status: 414, message: 'Địa chỉ yêu cầu quá dài.' },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    message: 'Định dạng dữ liệu gửi lên (Content-Type) không được hỗ trợ: hãy gửi dữ liệu JSON (application/json), hoặc tệp tải lên (multipart/form-data) ở chức năng tải tệp.',
  },
  RANGE_NOT_SATISFIABLE: { status: 416, message: 'Phạm vi dữ liệu yêu cầu không hợp lệ.' },
  HEADERS_TOO_LARGE: { status: 431, message: 'Phần đầu (header) của yêu cầu quá lớn.' },
  DATABASE_UNAVAILABLE: {
    status: 503,
    message: 'Hệ thống đang tạm thời gián đoạn kết nối cơ sở dữ liệu; thao tác có thể chưa được lưu. Vui lòng thử lại sau ít phút (gửi lại hồ sơ không tạo hồ sơ trùng).',
  },
  INTERNAL: { status: 500, message: 'Hệ thống gặp lỗi. Vui lòng thử lại sau; nếu lỗi lặp lại, báo quản trị viên kèm mã yêu cầu.' },
  VNEID_STATE_INVALID: { status: 400, message: VNEID_ERROR_MESSAGES.VNEID_STATE_INVALID },
  VNEID_DENIED: { status: 401, message: VNEID_ERROR_MESSAGES.VNEID_DENIED },
  VNEID_UNAVAILABLE: { status: 503, message: VNEID_ERROR_MESSAGES.VNEID_UNAVAILABLE },
  VNEID_FAILED: { status: 502, message: VNEID_ERROR_MESSAGES.VNEID_FAILED },
  VNEID_IDENTITY_INCOMPLETE: { status: 422, message: VNEID_ERROR_MESSAGES.VNEID_IDENTITY_INCOMPLETE },
  VNEID_NOT_CITIZEN: { status: 409, message: VNEID_ERROR_MESSAGES.VNEID_NOT_CITIZEN },
  VNEID_LINK_CONFLICT: { status: 409, message: VNEID_ERROR_MESSAGES.VNEID_LINK_CONFLICT },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERRORS;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details?: Record<string, unknown>;

  /** `message` overrides the table's text when the situation needs more precision. */
  constructor(code: ErrorCode, opts: { message?: string; details?: Record<string, unknown> } = {}) {
    super(opts.message ?? ERRORS[code].message);
    this.code = code;
    this.status = ERRORS[code].status;
    this.details = opts.details;
  }
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  code: ErrorCode;
  message: string;
  detail: string;
  requestId?: string;
  details?: Record<string, unknown>;
}

export function toProblem(err: AppError, requestId?: string): Problem {
  return {
    type: `urn:dvc:error:${err.code}`,
    title: err.code,
    status: err.status,
    code: err.code,
    message: err.message,
    detail: err.message,
    requestId,
    ...(err.details ? { details: err.details } : {}),
  };
}
