// What "Nhập … dòng hợp lệ" asks before importing: how many accounts are created and updated, which
// rows are skipped, and that a large import takes a while.
import { Space, Typography } from 'antd';
import type { ImportDetail } from './counts';

export function ConfirmImportText(props: { counts: ImportDetail['counts'] }) {
  const c = props.counts;
  return (
    <Space orientation="vertical">
      <span>
        Sẽ tạo mới {c.create} tài khoản cán bộ (mật khẩu tạm thời gửi qua SMS), cập nhật {c.update} cán bộ đã có tài khoản; {c.unchanged} dòng không thay
        đổi.
      </span>
      {c.skip > 0 && <Typography.Text type="danger">{c.skip} dòng có vấn đề sẽ bị bỏ qua, không được nhập.</Typography.Text>}
      <span>Mọi dòng được kiểm tra lại khi nhập.</span>
      {c.create >= 500 && (
        <Typography.Text type="secondary">Tạo nhiều tài khoản cần thời gian (khoảng 1 phút cho 5.000 tài khoản); vui lòng không đóng trang.</Typography.Text>
      )}
    </Space>
  );
}
